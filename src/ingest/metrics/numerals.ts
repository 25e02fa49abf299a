/** Chinese numerals (十二, 两千三百, 二〇二一) → numbers; strict so that slogans like 十四五 are rejected. */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Characters that may appear in a Chinese numeral run (万/亿 are magnitudes, handled by the grammar). */
export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千';

/** Parses a Chinese numeral below 10000; null when the run is not a well-formed numeral. */
export function parseChineseNumeral(run: string): number | null {
  if (!run) return null;
  // Digit-by-digit form (二〇二一, 一二三): only when it has 〇 or at least three digits, never units.
  if ([...run].every((c) => c in DIGITS)) {
    if (run.length === 1) return DIGITS[run];
    if (run.includes('〇') || run.length >= 3) return Number([...run].map((c) => DIGITS[c]).join(''));
    return null; // 三四 = "three or four", not 34; callers treat it as unparsed
  }
  let total = 0;
  let pending: number | null = null;
  let lastUnit = Infinity;
  let afterZero = false;
  for (const c of run) {
    if (c in DIGITS) {
      if (pending !== null) return null; // two digits in a row, e.g. 十四五
      if (DIGITS[c] === 0) {
        afterZero = true;
        continue;
      }
      pending = DIGITS[c];
      continue;
    }
    const unit = SMALL_UNITS[c];
    if (unit === undefined || unit >= lastUnit) return null;
    // A unit without a digit is only allowed at the start: 十二, 百余, 千余.
    if (pending === null && lastUnit !== Infinity) return null;
    total += (pending ?? 1) * unit;
    pending = null;
    lastUnit = unit;
    afterZero = false;
  }
  if (pending !== null) {
    // 二十五 and 一百零五 are fine; 一百五 (colloquial 150) is too ambiguous to accept.
    if (lastUnit !== 10 && lastUnit !== Infinity && !afterZero) return null;
    total += pending;
  }
  return total;
}

/** A two-digit run such as 三四 (three or four) read as a range, or null. */
export function parseChineseRange(run: string): [number, number] | null {
  if (run.length !== 2 || !(run[0] in DIGITS) || !(run[1] in DIGITS)) return null;
  const a = DIGITS[run[0]];
  const b = DIGITS[run[1]];
  return b === a + 1 ? [a, b] : null;
}
