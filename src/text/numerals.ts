/**
 * Chinese numerals, read one way everywhere: figures (两千三百), dates and session names (十五, 二〇二一), and
 * years users type. Strict: a run that is not certainly one number (十四五, 三四, 一百五) reads as null.
 */

const DIGITS = new Map([
  ['零', 0],
  ['〇', 0],
  ['一', 1],
  ['二', 2],
  ['两', 2],
  ['三', 3],
  ['四', 4],
  ['五', 5],
  ['六', 6],
  ['七', 7],
  ['八', 8],
  ['九', 9],
]);
const SMALL_UNITS = new Map([
  ['十', 10],
  ['百', 100],
  ['千', 1000],
]);
/** Digit characters in their reading order for writing numbers (0–9). */
const WRITTEN = '〇一二三四五六七八九';

/** Characters that may appear in a Chinese numeral run (万/亿 are magnitudes, handled by the figure grammar). */
export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千';

/** Digits of a digit-by-digit run (二〇二一 → [2, 0, 2, 1]), or null when a character is no digit. */
function digitsOf(run: string): number[] | null {
  const out: number[] = [];
  for (const c of run) {
    const d = DIGITS.get(c);
    if (d === undefined) return null;
    out.push(d);
  }
  return out;
}

/** Parses a Chinese numeral below 10000; null when the run is not a well-formed numeral. */
export function parseChineseNumeral(run: string): number | null {
  if (!run) return null;
  // Digit-by-digit form (二〇二一, 一二三): only when it has 〇 or at least three digits, never units.
  const digits = digitsOf(run);
  if (digits) {
    const [only] = digits;
    if (digits.length === 1 && only !== undefined) return only;
    if (run.includes('〇') || digits.length >= 3) return Number(digits.join(''));
    return null; // 三四 = "three or four", not 34; callers treat it as unparsed
  }
  let total = 0;
  let pending: number | null = null;
  let lastUnit = Infinity;
  let afterZero = false;
  for (const c of run) {
    const digit = DIGITS.get(c);
    if (digit !== undefined) {
      if (pending !== null) return null; // two digits in a row, e.g. 十四五
      if (digit === 0) {
        afterZero = true;
        continue;
      }
      pending = digit;
      continue;
    }
    const unit = SMALL_UNITS.get(c);
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
  const digits = run.length === 2 ? digitsOf(run) : null;
  const [a, b] = digits ?? [];
  return a !== undefined && b !== undefined && b === a + 1 ? [a, b] : null;
}

/** Arabic digits or a Chinese numeral (十五, 二十七), as in dates and session names; null if neither. */
export function chineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  return parseChineseNumeral(s);
}

/** A year written digit by digit in Chinese (二〇二一 → 2021) or in Arabic digits, or null. */
export function chineseYear(s: string): number | null {
  if (/^\d{4}$/.test(s)) return Number(s);
  if (!/^[〇零一二三四五六七八九]{4}$/.test(s)) return null;
  return parseChineseNumeral(s);
}

/** Chinese numeral of a number below 100 (6 → 六, 15 → 十五, 20 → 二十); other numbers in Arabic digits. */
export function toChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  const units = n % 10;
  if (tens === 0) return WRITTEN.charAt(units);
  return `${tens === 1 ? '' : WRITTEN.charAt(tens)}十${units ? WRITTEN.charAt(units) : ''}`;
}

/** Chinese digits, and the letters O/О people type for 〇, replaced by Arabic digits (二〇二二 → 2022). */
export function toArabicDigits(s: string): string {
  // Ｏ (full-width Latin) and О (Cyrillic) are the only characters here that DIGITS lacks: both stand for 〇.
  return s.replace(/[〇零一二三四五六七八九ＯО]/g, (c) => String(DIGITS.get(c) ?? 0));
}
