/** Text helpers for hand-built SVG: escaping, width estimates, truncation, numbers. */

const XML_ENTITIES = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&apos;'],
]);

/** Escapes text for SVG element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ENTITIES.get(c) ?? c);
}

/** Width of one character in em: full width for CJK and full-width forms, about half for Latin and digits. */
function charEm(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0x2e80 || (cp >= 0x2000 && cp <= 0x206f && ch !== ' ')) return 1;
  if (ch === ' ') return 0.26;
  if (/[ilj.,:;'|!]/.test(ch)) return 0.28;
  if (/[A-Z%mw]/.test(ch)) return 0.7;
  return 0.56;
}

/** Estimated advance width of `text` at `fontSize` px (no font metrics at layout time; errs on the wide side). */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * fontSize;
}

/** `text` cut with “…” so that it fits `maxWidth`. */
export function truncate(text: string, fontSize: number, maxWidth: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length && textWidth(chars.join('') + '…', fontSize) > maxWidth) chars.pop();
  return chars.join('') + '…';
}

/** Like `truncate`, but keeps a short last word (the year in “资阳市 2022”) and shortens the part before it. */
export function truncateLabel(text: string, fontSize: number, maxWidth: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const [, head, tail] = /^(.+?)(\s+\S{1,6})$/.exec(text) ?? [];
  if (head === undefined || tail === undefined) return truncate(text, fontSize, maxWidth);
  const tailWidth = textWidth(tail, fontSize);
  if (tailWidth > maxWidth / 2) return truncate(text, fontSize, maxWidth);
  return truncate(head, fontSize, maxWidth - tailWidth) + tail;
}

/** Splits `text` into at most `maxLines` lines of `maxWidth`; the last line is truncated. */
export function wrap(text: string, fontSize: number, maxWidth: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && textWidth(line + ch, fontSize) > maxWidth) {
      if (lines.length === maxLines - 1) break;
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  const rest = [...text].slice([...lines.join('')].length).join('');
  lines.push(truncate(rest, fontSize, maxWidth));
  return lines.filter((l) => l.length > 0);
}

/** A value as a chart label: integers plain, fractions to two decimals at most. */
export function formatChartNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(2)));
}

/** Value label with a short unit appended (196件, 100%); long units stay in the title only. */
export function valueLabel(n: number, unit: string): string {
  return `${formatChartNumber(n)}${unit && [...unit].length <= 3 ? unit : ''}`;
}
