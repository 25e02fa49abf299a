/** Removes pinyin annotations that some mirror sites add after characters: 協(xié), 發(fā), 會(huì). */

const TONE_MARKED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
const PINYIN_LETTERS = `a-zA-Zü${TONE_MARKED}`;

// A Han character, then a parenthesised Latin syllable (1–7 letters) carrying at least one tone mark or ü.
const ANNOTATION = new RegExp(
  `(\\p{Script=Han})\\s?[(（]\\s?(?=[${PINYIN_LETTERS}]{0,6}[${TONE_MARKED}ü])[${PINYIN_LETTERS}]{1,7}\\s?[)）]`,
  'gu',
);

// Mirrors that lost the character and the opening parenthesis leave `?guī)` behind.
const GARBLED = new RegExp(`[?？]+(?=[${PINYIN_LETTERS}]{0,6}[${TONE_MARKED}])[${PINYIN_LETTERS}]{1,7}[)）]`, 'gu');

// After a garbled character (┙(jīng), F(xiàn)) the annotation is still noise; tone marks never occur in prose.
const AFTER_MOJIBAKE = new RegExp(`[(（](?=[${PINYIN_LETTERS}]{0,6}[${TONE_MARKED}])[${PINYIN_LETTERS}]{1,7}[)）]`, 'gu');

/** Strips tone-marked pinyin in ASCII or full-width parentheses directly after a Han character. */
export function stripPinyin(text: string): string {
  return text.replace(ANNOTATION, '$1').replace(GARBLED, '').replace(AFTER_MOJIBAKE, '');
}
