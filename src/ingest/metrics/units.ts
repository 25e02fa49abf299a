/** Units a figure may carry, and how 万/亿 magnitudes combine with them. */

/** Counting and measuring units, longest first so 个百分点 wins over 个 and 件次 over 件. */
export const UNITS = [
  '个百分点',
  '平方公里',
  '平方米',
  '人次',
  '件次',
  '篇次',
  '场次',
  '批次',
  '户次',
  '个',
  '件',
  '条',
  '篇',
  '次',
  '场',
  '项',
  '批',
  '家',
  '户',
  '名',
  '位',
  '人',
  '期',
  '份',
  '部',
  '所',
  '处',
  '支',
  '册',
  '元',
  '字',
  '亩',
  '吨',
  '公里',
  '倍',
  '座',
  '套',
  '台',
  '辆',
  '%',
  '％',
].sort((a, b) => b.length - a.length);

/** Units that keep a 万/亿 magnitude in the unit (万元, 万人, 万人次) because reports and gold quote them so. */
const MAGNITUDE_KEEPING = new Set(['元', '人', '人次', '户', '字', '亩', '吨', '平方米', '公里', '册', '平方公里']);

const MAGNITUDES: Record<string, number> = { 万: 1e4, 亿: 1e8, 万亿: 1e12 };

/** A value and unit after folding in a magnitude: 195万元 stays 万元, 4.9万名 becomes 49000 名. */
export interface UnitValue {
  value: number;
  unit: string;
  /** Factor from the unit to its base unit (万元 → 1e4), used for `normalized`. */
  factor: number;
}

/** Combines number, magnitude (万/亿/万亿 or '') and unit into a value in the reported unit. */
export function applyMagnitude(value: number, magnitude: string, unit: string): UnitValue {
  const u = unit === '％' ? '%' : unit;
  const m = MAGNITUDES[magnitude] ?? 1;
  if (m === 1) return { value, unit: u, factor: 1 };
  if (MAGNITUDE_KEEPING.has(u)) return { value, unit: magnitude + u, factor: m };
  return { value: round(value * m), unit: u, factor: 1 };
}

/** Whether a unit is money (元, 万元, 亿元, 万亿元). */
export function isMoney(unit: string): boolean {
  return unit.endsWith('元');
}

/** The bare unit without a magnitude prefix (万人次 → 人次). */
export function baseUnit(unit: string): string {
  return unit.replace(/^(万亿|亿|万)/, '');
}

/** Avoids 4.9 * 10000 = 49000.00000000001. */
function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
