import { BadInputError, NotFoundError } from '../../errors.js';
import { metricGroupFor, type MetricGroup } from '../query/metric-words.js';
import type { MetricRow, ReportRow, ReportStore } from '../query/report-store.js';
import { formatNumber, formatValue, median, regionLabel } from '../reply/format.js';
import type { Reply, ReplyAction } from '../reply/reply-model.js';
import { compareLine, parseCompareArgs, type CompareQuery } from './compare-args.js';
import { compareTopic } from './compare-topic.js';

/** Rows per page of a comparison. */
export const PAGE_SIZE = 20;

/** `/compare <metric or topic> [year] [province] [csv]`. */
export function compareCommand(store: ReportStore, args: string[]): Reply {
  const q = parseCompareArgs(args);
  if (!q.words) throw new BadInputError('请告诉我要比较什么,例如 /compare 提案、/compare 协商 2022、/compare 营商环境。');
  const scope = reportsInScope(store, q);
  if (!scope.length) throw new NotFoundError(`${scopeText(q)}暂无报告。发送 /list 查看现有报告。`);
  const group = metricGroupFor(q.words, store);
  return group ? compareMetric(store, q, group, scope) : compareTopic(store, q, scope);
}

/** Reports matching the year range and province filters. */
export function reportsInScope(store: ReportStore, q: CompareQuery): ReportRow[] {
  return store
    .allReports()
    .filter((r) => !q.year || (r.year !== null && r.year >= q.year.from && r.year <= q.year.to))
    .filter((r) => !q.province || r.province === q.province);
}

/** “2022年 四川省 ” — the scope of a comparison in words. */
export function scopeText(q: CompareQuery): string {
  const year = q.year ? (q.year.from === q.year.to ? `${q.year.from}年` : `${q.year.from}—${q.year.to}年`) : '';
  return `${year}${q.province ?? ''}`;
}

interface Row {
  report: ReportRow;
  cells: (MetricRow | null)[];
  sortValue: number | null;
}

/** A computed comparison: ranked rows, the rows with the primary figure, and the stats line. */
interface Table {
  rows: Row[];
  primaryFacts: { r: Row; f: MetricRow }[];
  stats: string;
}

/**
 * Comparison tables per store, reused while the corpus is unchanged: ranking 10,000 reports costs tens of
 * ms, and every page, CSV and repeat of the same comparison needs the same table.
 */
const tables = new WeakMap<ReportStore, Map<string, { version: string; table: Table }>>();

/** Tables kept per store (one per metric group and scope asked recently). */
const MAX_TABLES = 16;

function compareMetric(store: ReportStore, q: CompareQuery, group: MetricGroup, scope: ReportRow[]): Reply {
  const { rows, primaryFacts, stats } = comparisonTable(store, q, group, scope);
  const title = `${scopeText(q)}${group.title}比较`;
  if (!rows.length)
    throw new NotFoundError(
      `${scopeText(q)}没有报告给出“${q.words}”的数字。试试 /compare ${q.words} 作为话题,或 /help 查看可比较的指标。`,
    );

  const primary = group.columns[0]!;
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const page = Math.min(q.page, pages);
  const shown = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const missing = scope.length - rows.length;

  const actions: ReplyAction[] = [];
  if (page < pages) actions.push({ label: '下一页', command: compareLine(q, page + 1) });
  if (page > 1) actions.push({ label: '上一页', command: compareLine(q, page - 1) });
  actions.push({ label: 'CSV', command: `${compareLine(q, 1)} csv` });

  // Bars must share a unit: when reports state the figure in different units (万元 / 亿元), chart base units.
  const sameUnit = primaryFacts.every((x) => x.f.unit === primaryFacts[0]!.f.unit);
  const unit = sameUnit ? (primaryFacts[0]?.f.unit ?? '') : baseUnit(primaryFacts[0]!.f.unit);
  const chartValue = (f: MetricRow | null) => (f === null ? null : sameUnit ? f.value : f.normalized);
  return {
    kind: 'compare',
    title,
    sections: [
      {
        blocks: [
          { type: 'heading', text: title },
          {
            type: 'paragraph',
            text: `${rows.length} 份报告有相关数字${missing > 0 ? `,另有 ${missing} 份没有` : ''}。${stats}${pages > 1 ? ` 第 ${page}/${pages} 页。` : ''}`,
          },
        ],
      },
      {
        blocks: [
          {
            type: 'table',
            columns: ['报告', ...group.columns.map((c) => c.label)],
            rows: shown.map((row) => [
              `${regionLabel(row.report)} ${row.report.year ?? '年份不详'}`,
              ...row.cells.map((c) => (c ? formatValue(c) : null)),
            ]),
          },
        ],
      },
    ],
    actions,
    chart: {
      kind: 'bar',
      title: `${title}(${primary.label}${unit ? `,${unit}` : ''})`,
      unit,
      points: shown.map((row) => ({
        label: `${row.report.regionName ?? '?'} ${row.report.year ?? ''}`.trim(),
        value: chartValue(row.cells[0] ?? null),
      })),
      source: '来源:各地政协工作报告',
    },
    csv: q.csv
      ? {
          fileName: `compare-${group.columns[0]!.key}.csv`,
          columns: ['地区', '省份', '年度', ...group.columns.flatMap((c) => [c.label, `${c.label}单位`])],
          rows: rows.map((row) => [
            row.report.regionName,
            row.report.province,
            row.report.year,
            ...row.cells.flatMap((c) => [c?.value ?? null, c?.unit ?? null]),
          ]),
        }
      : undefined,
    script: 'simplified',
  };
}

/** The ranked table of a metric comparison over `scope`, from the cache when the corpus has not changed. */
function comparisonTable(store: ReportStore, q: CompareQuery, group: MetricGroup, scope: ReportRow[]): Table {
  const keys = group.columns.map((c) => c.key);
  const primary = group.columns[0]!;
  const cacheKey = [keys.join(','), primary.label, q.year ? `${q.year.from}-${q.year.to}` : '', q.province ?? ''].join('|');
  const version = store.corpusVersion();
  let perStore = tables.get(store);
  if (!perStore) tables.set(store, (perStore = new Map()));
  const hit = perStore.get(cacheKey);
  if (hit?.version === version) return hit.table;

  const ids = new Set(scope.map((r) => r.id));
  const facts = new Map<number, Map<string, MetricRow>>();
  for (const f of store.headlinesForKeys(keys)) {
    if (!ids.has(f.reportId)) continue;
    if (!facts.has(f.reportId)) facts.set(f.reportId, new Map());
    facts.get(f.reportId)!.set(f.key, f);
  }
  // Rows with the primary figure come first, largest first (the order of the chart); rows without it follow,
  // ordered by their first figure in column order.
  const rows: Row[] = scope
    .filter((r) => facts.has(r.id))
    .map((report) => {
      const cells = keys.map((k) => facts.get(report.id)?.get(k) ?? null);
      const first = cells.find((c) => c !== null) ?? null;
      return { report, cells, sortValue: first?.normalized ?? null };
    })
    .sort(
      (a, b) =>
        Number(b.cells[0] !== null) - Number(a.cells[0] !== null) ||
        (b.sortValue ?? -Infinity) - (a.sortValue ?? -Infinity) ||
        (a.report.regionName ?? '').localeCompare(b.report.regionName ?? ''),
    );
  const primaryFacts = rows.map((r) => ({ r, f: r.cells[0] })).filter((x): x is { r: Row; f: MetricRow } => x.f !== null);
  const stats = primaryFacts.length ? statsLine(primary.label, primaryFacts) : `没有报告给出“${primary.label}”,按其他列排序。`;
  const table = { rows, primaryFacts, stats };
  if (!hit && perStore.size >= MAX_TABLES) perStore.delete(perStore.keys().next().value!);
  perStore.set(cacheKey, { version, table });
  return table;
}

/** 万元 → 元, 亿元 → 元, 万人次 → 人次: the unit `normalized` values are in. */
function baseUnit(unit: string): string {
  return unit.replace(/^(万亿|亿|万)(?=.)/, '');
}

function statsLine(label: string, facts: { r: Row; f: MetricRow }[]): string {
  const values = facts.map((x) => x.f.normalized);
  const byValue = [...facts].sort((a, b) => b.f.normalized - a.f.normalized);
  const hi = byValue[0]!;
  const lo = byValue[byValue.length - 1]!;
  const med = median(values)!;
  const unit = facts.every((x) => x.f.unit === facts[0]!.f.unit) ? facts[0]!.f.unit : '';
  const scale = hi.f.normalized !== 0 ? hi.f.value / hi.f.normalized : 1;
  return `“${label}”:${facts.length} 份报告有此数字,中位数 ${formatNumber(med * scale)}${unit},最高 ${formatValue(hi.f)}(${regionLabel(hi.r.report)} ${hi.r.report.year ?? ''}),最低 ${formatValue(lo.f)}(${regionLabel(lo.r.report)} ${lo.r.report.year ?? ''})。`;
}
