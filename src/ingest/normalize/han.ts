/** Character classes shared by the normalize steps. */

/** One Han (CJK ideograph) character. */
export const HAN = '\\p{Script=Han}';

/** True when `ch` is a Han character. */
export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && /\p{Script=Han}/u.test(ch);
}

/** Sentence-final punctuation: a line ending in one of these is a complete paragraph. */
export const FINAL_PUNCT = '。！？；：…!?;:';

/** Count of Han characters in `text`. */
export function hanCount(text: string): number {
  return text.match(/\p{Script=Han}/gu)?.length ?? 0;
}
