import { findNumber, windowAround } from '../../domain/number-text.js';
import type { MetricRow, ReportRow } from '../../db/report-store.js';
import { shortProvince } from '../query/region-resolver.js';

/** A figure as people write it: 近330万元, 4000余人次, 约50个, 不少于4次. */
export function formatValue(f: Pick<MetricRow, 'value' | 'unit' | 'approx'>): string {
  const n = Number.isInteger(f.value) ? String(f.value) : String(Number(f.value.toFixed(2)));
  switch (f.approx) {
    case 'below':
      return `近${n}${f.unit}`;
    case 'above':
      return `${n}余${f.unit}`;
    case 'about':
      return `约${n}${f.unit}`;
    case 'at-least':
      return `不少于${n}${f.unit}`;
    default:
      return `${n}${f.unit}`;
  }
}

/**
 * A short window of the evidence sentence around the figure (≤ ~60 characters). The window is placed on the
 * figure as a whole number and never cuts through another number.
 */
export function shortQuote(evidence: string, value: number, max = 60): string {
  // Merged facts carry one evidence sentence per line; quote the first that states the figure.
  const lines = evidence
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const text = lines.find((l) => findNumber(l, value)) ?? lines[0] ?? '';
  const at = findNumber(text, value) ?? { start: 0, end: 0 };
  return windowAround(text, at.start, at.end, max);
}

/** `资阳市(四川)` */
export function regionLabel(r: Pick<ReportRow, 'regionName' | 'province'>): string {
  if (!r.regionName) return '地区不详';
  if (!r.province || r.province === r.regionName) return r.regionName;
  return `${r.regionName}(${shortProvince(r.province)})`;
}

/** `2022`, `2022(届期)` for a term report (its year is the term's last), `年份不详`. */
export function yearLabel(r: Pick<ReportRow, 'year' | 'period'>): string {
  if (r.year === null) return '年份不详';
  return r.period === 'term' ? `${r.year}(届期)` : String(r.year);
}

/** Median of numbers (mean of the middle two for even counts). */
export function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Plain number for stats lines (two decimals at most). */
export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(2)));
}
