/** First normalize step: line endings, odd spaces and invisible characters. */

/** Unifies line breaks, turns NBSP/ideographic spaces into spaces, drops zero-width characters and trims lines. */
export function cleanWhitespace(text: string): string {
  return text
    .replace(/\r\n?|\u2028|\u2029/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u00a0\u3000\u2002-\u200a\t]/g, ' ')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n');
}

/** Full-width ASCII letters, digits and % to half-width, so numbers like ２０２０ and ７５．７％ read as numbers. */
export function halfWidthAlnum(text: string): string {
  return text
    .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff05]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/(\d)\uff0e(?=\d)/g, '$1.');
}
