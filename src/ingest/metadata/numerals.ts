/** Chinese numerals as used in dates and session names (一…九十九, 〇/零 digits). */

const DIGIT: Record<string, number> = {
  〇: 0,
  零: 0,
  O: 0,
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

/** Value of a Chinese numeral below 100 (十五, 二十七, 三) or of Arabic digits; null if not a numeral. */
export function chineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (!s || !/^[〇零一二两三四五六七八九十]+$/.test(s)) return null;
  const ten = s.indexOf('十');
  if (ten < 0) return s.length === 1 ? (DIGIT[s] ?? null) : null;
  const tens = ten === 0 ? 1 : (DIGIT[s.slice(0, ten)] ?? NaN);
  const units = ten === s.length - 1 ? 0 : (DIGIT[s.slice(ten + 1)] ?? NaN);
  const v = tens * 10 + units;
  return Number.isFinite(v) ? v : null;
}

/** A year written digit by digit in Chinese (二〇二一 → 2021), or null. */
export function chineseYear(s: string): number | null {
  if (/^\d{4}$/.test(s)) return Number(s);
  if (!/^[〇零一二三四五六七八九]{4}$/.test(s)) return null;
  return Number([...s].map((c) => DIGIT[c]).join(''));
}

/** Chinese ordinal of a number below 100 (6 → 六, 15 → 十五, 20 → 二十). */
export function toChineseNumber(n: number): string {
  const d = '〇一二三四五六七八九';
  if (n < 10) return d[n];
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return (tens === 1 ? '' : d[tens]) + '十' + (units ? d[units] : '');
}
