import { comparePeriod, factDoubts } from '../../domain/fact-period.js';
import { TIER_ORDER, tierOf, type CompareTier } from '../../domain/compare-tier.js';
import type { MetricRow, ReportRef } from '../../db/report-store.js';
import { formatNumber, formatValue, median } from '../reply/format.js';
import { CROSS_CHECKS, RATE_WHY, rateFails } from '../../domain/cross-checks.js';

/** How a non-annual period is named next to a figure. */
const PERIOD_LABELS = new Map<string, string>([
  ['session', '会议期间'],
  ['term', '届内累计'],
  ['cumulative', '历年累计'],
  ['partial', '部分时段'],
  ['unknown', '期间不详'],
  ['aggregate', '多级合计'],
]);

/** The columns of a figure a comparison cell shows and ranks by. */
export type CellFact = Pick<MetricRow, 'value' | 'unit' | 'approx' | 'normalized'>;

/** The columns of a report a comparison row shows (region, year, body) and keys rows by. */
export type CompareReport = Pick<ReportRef, 'id' | 'body' | 'regionName' | 'province' | 'year' | 'period'>;

/** A row's report from one of its read-model facts (they carry the report's listing columns). */
export function reportOfFact(
  f: Pick<ReportRef, 'body' | 'regionName' | 'province' | 'year'> & { reportId: number; reportPeriod: string },
): CompareReport {
  return { id: f.reportId, body: f.body, regionName: f.regionName, province: f.province, year: f.year, period: f.reportPeriod };
}

/** A figure in a comparison row, with what a reader must know before trusting it. */
export interface CompareCell {
  fact: CellFact;
  /** The figure as the report states it, unit untouched (9次 stays 9次). */
  text: string;
  /** Why the figure is doubtful (failed checks); empty when it passed them. */
  doubts: string[];
  /** How the value was derived (全部办复 → 100%), null when the text states it. */
  derived: string | null;
  /** `year`, or the non-annual period (`term`, `session`, …; `aggregate` for 两级/三级 totals). */
  period: string;
}

/** One report's row. */
export interface CompareRow {
  report: CompareReport;
  tier: CompareTier;
  cells: (CompareCell | null)[];
}

/** Median, highest and lowest of the rows that count (annual, trusted, in the comparison's unit). */
export interface CompareStats {
  count: number;
  median: string;
  highest: CompareRow;
  lowest: CompareRow;
}

/** Annual rows of one tier: counted rows largest first, then rows that are shown but not counted. */
export interface TierGroup {
  tier: CompareTier;
  rows: CompareRow[];
  stats: CompareStats | null;
}

/** A computed comparison of one column. */
export interface Comparison {
  /** Index of the compared column. */
  column: number;
  /** The unit the stats and chart use (rows in other units are shown in the table only). */
  unit: string;
  /** Annual rows by tier, in TIER_ORDER. */
  groups: TierGroup[];
  /** Rows whose compared figure is not annual (届内累计, 会议期间 …), ranked separately, never in the stats. */
  nonAnnual: CompareRow[];
  /** Rows without the compared figure (they have another column; also at the end of their tier group). */
  missing: CompareRow[];
  /** Count of non-annual rows per period label (另有 3 份报告只有届内累计数). */
  periodCounts: Map<string, number>;
  doubtfulCount: number;
  otherUnitCount: number;
}

/** The label of a period (届内累计 …), or null for a year. */
export function periodLabel(period: string): string | null {
  return period === 'year' ? null : (PERIOD_LABELS.get(period) ?? '期间不详');
}

/**
 * The period a row is filed under: its compared figure's; without one, `year` only when some other figure of the
 * row is annual (a row holding nothing but a term total, 收到5143件(届内累计), is no annual row).
 */
function rowPeriod(r: CompareRow, column: number): string {
  const c = r.cells[column];
  if (c) return c.period;
  const present = r.cells.filter((x): x is CompareCell => x !== null);
  return present.some((x) => x.period === 'year') ? 'year' : (present[0]?.period ?? 'year');
}

/** A cell from a stored fact; another body's figure (省政协 in a city report) is no cell at all. */
export function cellOf(f: MetricRow): CompareCell | null {
  if (f.bodyScope === 'other') return null;
  const doubts = factDoubts(f);
  const period = comparePeriod(f);
  return { fact: f, text: formatValue(f), doubts, derived: f.derived ?? null, period };
}

/**
 * Checks between the figures of one row that a single fact cannot see (CROSS_CHECKS: received below filed,
 * answered above filed), then a rate above 100 %. Marks both sides, since the text alone does not say which one
 * is wrong.
 */
export function crossCheck(keys: string[], cells: (CompareCell | null)[]): void {
  const at = (k: string) => {
    const i = keys.indexOf(k);
    return i < 0 ? null : (cells[i] ?? null);
  };
  for (const x of CROSS_CHECKS) {
    const a = at(x.a);
    const b = at(x.b);
    if (!a || !b || a.period !== b.period || !x.fails(a.fact.normalized, b.fact.normalized)) continue;
    for (const c of [a, b]) if (!c.doubts.includes(x.why)) c.doubts.push(x.why);
  }
  for (const c of cells) if (c && rateFails(c.fact) && !c.doubts.includes(RATE_WHY)) c.doubts.push(RATE_WHY);
}

/** 万元 → 元, 亿元 → 元, 万人次 → 人次: the unit `normalized` values are in. */
export function baseUnit(unit: string): string {
  return unit.replace(/^(万亿|亿|万)(?=.)/, '');
}

/** Builds a comparison of `columns[column]` over the reports that have any of `columns`. */
export function buildComparison(
  reports: ReportRef[],
  facts: MetricRow[],
  keys: string[],
  column: number,
  opts: { includeDoubtful: boolean },
): Comparison {
  const byReport = new Map<number, Map<string, MetricRow>>();
  for (const f of facts) {
    let m = byReport.get(f.reportId);
    if (!m) byReport.set(f.reportId, (m = new Map()));
    if (!m.has(f.key)) m.set(f.key, f);
  }
  const rows: CompareRow[] = [];
  for (const report of reports) {
    const m = byReport.get(report.id);
    if (!m) continue;
    const row = rowOf(
      report,
      tierOf(report),
      keys.map((k) => {
        const f = m.get(k);
        return f ? cellOf(f) : null;
      }),
      keys,
    );
    if (row) rows.push(row);
  }
  return rankRows(rows, column, opts);
}

/** A row from its cells after the cross-checks, or null when it has none. */
export function rowOf(
  report: CompareReport,
  tier: CompareTier,
  cells: (CompareCell | null)[],
  keys: string[],
): CompareRow | null {
  if (cells.every((c) => c === null)) return null;
  crossCheck(keys, cells);
  return { report, tier, cells };
}

/** Ranks rows (in report-listing order) into tier groups, non-annual rows and counts, for `column`. */
export function rankRows(rows: CompareRow[], column: number, opts: { includeDoubtful: boolean }): Comparison {
  const annual = rows.filter((r) => r.cells[column]?.period === 'year');
  const counts = (c: CompareCell) => opts.includeDoubtful || !c.doubts.length;
  // One unit for the stats and the chart: the one most rows state (money in 万元 and 亿元 compares in 元).
  const families = new Map<string, CompareCell[]>();
  for (const r of annual) {
    const c = r.cells[column]!;
    if (!counts(c)) continue;
    const fam = baseUnit(c.fact.unit);
    // Pushed, not spread into a new array per row: that was quadratic (seconds at 10,000 rows of one unit).
    const list = families.get(fam);
    if (list) list.push(c);
    else families.set(fam, [c]);
  }
  const top = [...families].sort((a, b) => b[1].length - a[1].length)[0];
  const family = top?.[0] ?? '';
  const mixed = top ? new Set(top[1].map((c) => c.fact.unit)).size > 1 : false;
  const unit = mixed ? family : (top?.[1][0]?.fact.unit ?? '');
  const isCounted = (r: CompareRow) => {
    const c = r.cells[column];
    return !!c && c.period === 'year' && counts(c) && baseUnit(c.fact.unit) === family;
  };

  const groups: TierGroup[] = [];
  for (const tier of TIER_ORDER) {
    // Rows without the compared figure stay in their tier (shown as “—” below the others, never drawn).
    const inTier = rows.filter((r) => r.tier === tier && rowPeriod(r, column) === 'year');
    if (!inTier.length) continue;
    const counted = inTier.filter(isCounted).sort(byValue(column));
    const shown = inTier.filter((r) => !isCounted(r)).sort(byValue(column, true));
    groups.push({ tier, rows: [...counted, ...shown], stats: statsOf(counted, column, mixed ? family : null) });
  }
  const nonAnnual = rows
    .filter((r) => rowPeriod(r, column) !== 'year')
    .sort(
      (a, b) =>
        TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier) ||
        rowPeriod(a, column).localeCompare(rowPeriod(b, column)) ||
        byValue(column)(a, b),
    );
  const periodCounts = new Map<string, number>();
  for (const r of nonAnnual) {
    const label = periodLabel(rowPeriod(r, column)) ?? rowPeriod(r, column);
    periodCounts.set(label, (periodCounts.get(label) ?? 0) + 1);
  }
  const missing = rows.filter((r) => !r.cells[column]);
  return {
    column,
    unit,
    groups,
    nonAnnual,
    missing,
    periodCounts,
    doubtfulCount: annual.filter((r) => r.cells[column]!.doubts.length).length,
    otherUnitCount: annual.filter((r) => counts(r.cells[column]!) && baseUnit(r.cells[column]!.fact.unit) !== family).length,
  };
}

/** True when a row's figure counts in its group's stats and chart. */
export function isCountedIn(cmp: Pick<Comparison, 'column' | 'unit'>, row: CompareRow, includeDoubtful: boolean): boolean {
  const c = row.cells[cmp.column];
  return (
    !!c &&
    c.period === 'year' &&
    (includeDoubtful || !c.doubts.length) &&
    baseUnit(c.fact.unit) === baseUnit(cmp.unit || c.fact.unit)
  );
}

/** The value a chart draws for a counted cell: the stated value, or the base-unit value when units mix (万元/亿元). */
export function chartValue(cmp: Pick<Comparison, 'unit'>, c: CompareCell): number {
  return c.fact.unit === cmp.unit ? c.fact.value : c.fact.normalized;
}

/** `a.localeCompare(b)` with one collator: building one per call made ranking 10,000s of ties slow. */
export const byName = new Intl.Collator().compare;

function byValue(column: number, thenFirstColumn = false) {
  // Rows without the compared figure follow, ordered by their first figure.
  const value = (r: CompareRow) =>
    (r.cells[column] ?? (thenFirstColumn ? r.cells.find((c) => c !== null) : null))?.fact.normalized ?? -Infinity;
  return (a: CompareRow, b: CompareRow) =>
    Number(!!b.cells[column]) - Number(!!a.cells[column]) ||
    value(b) - value(a) ||
    byName(a.report.regionName ?? '', b.report.regionName ?? '');
}

function statsOf(counted: CompareRow[], column: number, baseUnitName: string | null): CompareStats | null {
  if (!counted.length) return null;
  const cells = counted.map((r) => r.cells[column]!);
  // Units mix (万亿元 and 亿元): the median is computed in 元 but said in the unit most rows state (33757亿元,
  // not 3375793000000元).
  const text =
    baseUnitName === null
      ? medianText(median(cells.map((c) => c.fact.value))!, cells[0]!.fact.unit, false)
      : medianText(median(cells.map((c) => c.fact.normalized))!, mostStated(cells.map((c) => c.fact.unit)), true);
  return {
    count: counted.length,
    median: text,
    highest: counted[0]!,
    lowest: counted[counted.length - 1]!,
  };
}

/** A stats line's median: in the unit, or (units mixing) computed in the base unit and said in `shown`. */
export function medianText(med: number, shown: string, mixed: boolean): string {
  return `${formatNumber(mixed ? med / unitFactor(shown) : med)}${shown}`;
}

/** 万亿元 → 1e12, 亿元 → 1e8, 万人次 → 1e4: how many base units one of `unit` is. */
function unitFactor(unit: string): number {
  const prefix = /^(万亿|亿|万)(?=.)/.exec(unit)?.[1];
  return prefix === '万亿' ? 1e12 : prefix === '亿' ? 1e8 : prefix === '万' ? 1e4 : 1;
}

function mostStated(units: string[]): string {
  const counts = new Map<string, number>();
  for (const u of units) counts.set(u, (counts.get(u) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

/** A cell as a table shows it: the figure, then its marks (存疑: why; 推算; 届内累计). */
export function cellText(c: CompareCell | null): string | null {
  if (!c) return null;
  const marks: string[] = [];
  const period = periodLabel(c.period);
  if (period) marks.push(period);
  if (c.derived) marks.push('推算');
  if (c.doubts.length) marks.push(`存疑:${c.doubts.join('、')}`);
  return marks.length ? `${c.text}(${marks.join(';')})` : c.text;
}
