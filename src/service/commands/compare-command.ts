import type { ReportBody } from '../../domain/report.js';
import { BadInputError, NotFoundError } from '../../errors.js';
import { knownGroups, metricGroupFor, type MetricGroup } from '../query/metric-words.js';
import type { ReportRef, ReportStore } from '../../db/report-store.js';
import { regionLabel, yearLabel } from '../reply/format.js';
import type { Block, ChartData, Reply, ReplyAction, ReplySection } from '../reply/reply-model.js';
import { compareLine, PAGE_SIZE, parseCompareArgs, scopeText, type CompareQuery } from './compare-args.js';
import {
  buildComparison,
  cellText,
  chartValue,
  isCountedIn,
  periodLabel,
  tierOf,
  type CompareRow,
  type Comparison,
} from './compare-rows.js';
import { compareTopic } from './compare-topic.js';

/** `/compare <metric(s) or topic> [year] [province] [level] [body] [含存疑] [csv]`. */
export function compareCommand(store: ReportStore, args: string[]): Reply {
  const q = parseCompareArgs(args);
  if (!q.words) throw new BadInputError('请告诉我要比较什么,例如 /compare 提案、/compare 协商 2022、/compare 营商环境。');
  const scope = reportsInScope(store, q);
  if (!scope.length) throw new NotFoundError(`${scopeText(q)}暂无报告。发送 /list 查看现有报告。`);
  const metrics = resolveMetrics(q.words, store);
  if (!metrics) return compareTopic(store, q, scope);
  if (metrics.length === 1) return compareMetric(store, q, metrics[0]!, scope);
  return compareSeveral(store, q, metrics, scope);
}

/** Reports matching the year range, province and tier filters. */
function reportsInScope(store: ReportStore, q: CompareQuery): ReportRef[] {
  return store
    .allReports()
    .filter((r) => !q.year || (r.year !== null && r.year >= q.year.from && r.year <= q.year.to))
    .filter((r) => !q.province || r.province === q.province)
    .filter((r) => !q.tier || tierOf(r) === q.tier);
}

/** A metric the user named, and which of its columns to compare. */
interface NamedMetric {
  group: MetricGroup;
  column: number;
  /** The word that named the metric (for buttons that pick another column). */
  word: string;
}

/**
 * `提案` → one metric; `协商 专题协商` → 协商 compared by its 专题协商 column; `提案 协商` → two metrics;
 * null when a word is no metric (a topic comparison instead).
 */
function resolveMetrics(words: string, store: ReportStore): NamedMetric[] | null {
  const whole = metricGroupFor(words, store);
  if (whole) return [{ group: whole, column: 0, word: words }];
  const tokens = words.split(/\s+/).filter(Boolean);
  if (tokens.length < 2) return null;
  const out: NamedMetric[] = [];
  for (const tok of tokens) {
    const last = out[out.length - 1];
    const col = last && last.column === 0 ? columnIndex(last.group, tok) : -1;
    if (col >= 0) {
      last!.column = col;
      continue;
    }
    const group = metricGroupFor(tok, store);
    if (!group) return null;
    if (!out.some((m) => m.group.title === group.title)) out.push({ group, column: 0, word: tok });
  }
  return out;
}

function columnIndex(group: MetricGroup, word: string): number {
  const exact = group.columns.findIndex((c) => c.label === word || c.key === word);
  if (exact >= 0) return exact;
  if ([...word].length < 2) return -1;
  return group.columns.findIndex((c) => c.label.includes(word) || word.includes(c.label));
}

/**
 * Comparisons per store, reused while the corpus is unchanged: ranking 10,000 reports costs tens of ms, and
 * every page, CSV and repeat of the same comparison needs the same rows.
 */
const tables = new WeakMap<ReportStore, Map<string, { version: string; built: Built }>>();

/** Comparisons kept per store. */
const MAX_TABLES = 16;

interface Built {
  cmp: Comparison;
  /** The body shown (null = every body). */
  body: ReportBody | null;
  /** Reports of other bodies that have the figure (left out by the body default). */
  otherBodies: Map<string, number>;
}

function build(store: ReportStore, q: CompareQuery, m: NamedMetric, scope: ReportRef[]): Built {
  const keys = m.group.columns.map((c) => c.key);
  const body = q.body ?? m.group.body ?? null;
  const cacheKey = [keys.join(','), m.column, scopeText(q), body ?? '', q.includeDoubtful].join('|');
  const version = store.corpusVersion();
  let perStore = tables.get(store);
  if (!perStore) tables.set(store, (perStore = new Map()));
  // Tables of an older corpus are never served again: drop them all before building. At 100,000 reports one
  // is 100s of MB, and a stale one stayed alive (through the build of its successor) until its slot was reused.
  for (const [k, v] of perStore) if (v.version !== version) perStore.delete(k);
  const hit = perStore.get(cacheKey);
  if (hit) return hit.built;

  const ids = new Set(scope.map((r) => r.id));
  const facts = store.headlinesForKeys(keys).filter((f) => ids.has(f.reportId));
  const withFacts = new Set(facts.map((f) => f.reportId));
  const otherBodies = new Map<string, number>();
  for (const r of scope)
    if (body && r.body !== body && withFacts.has(r.id))
      otherBodies.set(r.body ?? '机构不详', (otherBodies.get(r.body ?? '机构不详') ?? 0) + 1);
  const reports = body ? scope.filter((r) => r.body === body) : scope;
  const cmp = buildComparison(reports, facts, keys, m.column, { includeDoubtful: q.includeDoubtful });
  const built = { cmp, body, otherBodies };
  if (perStore.size >= MAX_TABLES) perStore.delete(perStore.keys().next().value!);
  perStore.set(cacheKey, { version, built });
  return built;
}

function rowCount(cmp: Comparison): number {
  return cmp.groups.reduce((n, g) => n + g.rows.length, 0) + cmp.nonAnnual.length;
}

function compareMetric(store: ReportStore, q: CompareQuery, m: NamedMetric, scope: ReportRef[]): Reply {
  const built = build(store, q, m, scope);
  const { cmp } = built;
  const title = `${scopeText(q)}${m.group.title}比较`;
  if (!rowCount(cmp)) throw noData(store, q, m, scope, built);

  const entries = pageEntries(cmp);
  const pages = Math.max(1, Math.ceil(entries.length / PAGE_SIZE));
  const page = Math.min(q.page, pages);
  const shown = entries.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  const actions: ReplyAction[] = [];
  if (page < pages) actions.push({ label: '下一页', command: compareLine(q, page + 1, m.word) });
  if (page > 1) actions.push({ label: '上一页', command: compareLine(q, page - 1, m.word) });
  actions.push(...columnActions(q, m, built));
  actions.push({ label: 'CSV', command: `${compareLine(q, 1, wordsFor(m))} csv` });

  const intro = `${introLine(m, built)}${pages > 1 ? ` 第 ${page}/${pages} 页。` : ''}`;
  return {
    kind: 'compare',
    title,
    sections: [
      {
        blocks: [
          { type: 'heading', text: title },
          { type: 'paragraph', text: intro },
        ],
      },
      ...tableSections(m, cmp, shown),
    ],
    actions,
    chart: chartOf(title, m, cmp, shown, q.includeDoubtful, built),
    csv: q.csv ? csvOf(m, cmp) : undefined,
    script: 'simplified',
  };
}

/** `/compare 提案 协商`: each metric's comparison one after the other, the chart of the first. */
function compareSeveral(store: ReportStore, q: CompareQuery, metrics: NamedMetric[], scope: ReportRef[]): Reply {
  const title = `${scopeText(q)}${metrics.map((m) => m.group.title).join('、')}比较`;
  const sections: ReplySection[] = [
    {
      blocks: [
        { type: 'heading', text: title },
        {
          type: 'paragraph',
          text: `${metrics.length} 个指标分别列出(每个指标各自排序、各自统计),每个指标最多 ${PAGE_SIZE} 行;单看一个指标可翻页和导出。`,
        },
      ],
    },
  ];
  let chart: ChartData | undefined;
  const actions: ReplyAction[] = [];
  for (const m of metrics) {
    const built = build(store, q, m, scope);
    const name = `${m.group.title}(${m.group.columns[m.column]!.label})`;
    if (!rowCount(built.cmp)) {
      sections.push({
        blocks: [
          { type: 'heading', text: name },
          { type: 'paragraph', text: `${scopeText(q)}没有报告给出“${m.word}”的数字。` },
        ],
      });
      continue;
    }
    const shown = pageEntries(built.cmp).slice(0, PAGE_SIZE);
    sections.push({
      blocks: [
        { type: 'heading', text: name },
        { type: 'paragraph', text: introLine(m, built) },
      ],
    });
    sections.push(...tableSections(m, built.cmp, shown));
    chart ??= chartOf(`${scopeText(q)}${m.group.title}比较`, m, built.cmp, shown, q.includeDoubtful, built);
    actions.push({ label: `只看${m.group.title}`, command: compareLine(q, 1, m.word) });
  }
  return { kind: 'compare', title, sections, actions, chart, script: 'simplified' };
}

/** Rows of a page in reading order: the annual tier groups, then the non-annual rows. */
interface Entry {
  row: CompareRow;
  /** The tier group, or null for the non-annual list. */
  tier: string | null;
}

/** What every page of a comparison reads from all of its rows, computed once per (cached) comparison. */
interface Walked {
  entries: Entry[];
  /** Per column: some row has the figure. */
  hasColumn: boolean[];
  /** Rows in the tier groups whose compared figure is annual. */
  annual: number;
}

/** Keyed by the comparison: at 100,000 reports, walking every row on every page cost tens of ms. */
const walked = new WeakMap<Comparison, Walked>();

function walk(cmp: Comparison): Walked {
  let w = walked.get(cmp);
  if (!w) {
    const entries: Entry[] = [
      ...cmp.groups.flatMap((g) => g.rows.map((row) => ({ row, tier: g.tier as string | null }))),
      ...cmp.nonAnnual.map((row) => ({ row, tier: null })),
    ];
    const hasColumn: boolean[] = [];
    for (const { row } of entries) for (let i = 0; i < row.cells.length; i++) if (row.cells[i]) hasColumn[i] = true;
    const annual = cmp.groups.reduce((n, g) => n + g.rows.filter((r) => r.cells[cmp.column]?.period === 'year').length, 0);
    w = { entries, hasColumn, annual };
    walked.set(cmp, w);
  }
  return w;
}

function pageEntries(cmp: Comparison): Entry[] {
  return walk(cmp).entries;
}

function wordsFor(m: NamedMetric): string {
  return m.column === 0 ? m.word : `${m.word} ${m.group.columns[m.column]!.label}`;
}

function reportName(r: ReportRef): string {
  return `${regionLabel(r)} ${yearLabel(r)}`;
}

/** What the comparison shows and what it leaves out, in one paragraph. */
function introLine(m: NamedMetric, built: Built): string {
  const { cmp, body, otherBodies } = built;
  const label = m.group.columns[m.column]!.label;
  const { annual } = walk(cmp);
  const parts: string[] = [];
  parts.push(
    `${rowCount(cmp)} 份${body ? `${body}` : ''}报告有相关数字,其中 ${annual} 份有年度“${label}”数${cmp.unit ? `(统计单位:${cmp.unit})` : ''}。`,
  );
  if (cmp.groups.length > 1) parts.push('按级别分组,各组单独统计,不跨级排名。');
  if (cmp.periodCounts.size)
    parts.push(`另有 ${[...cmp.periodCounts].map(([p, n]) => `${n} 份报告只有${p}数`).join('、')},单列于后,不参与排名。`);
  if (cmp.doubtfulCount)
    parts.push(`${cmp.doubtfulCount} 份的“${label}”未通过核对,标“存疑”,不计入中位数和图表(加“含存疑”可计入)。`);
  if (cmp.otherUnitCount) parts.push(`${cmp.otherUnitCount} 份的单位不是${cmp.unit},只列在表中。`);
  if (otherBodies.size)
    parts.push(
      `未列入${[...otherBodies].map(([b, n]) => `${b}报告 ${n} 份`).join('、')}(加“${[...otherBodies.keys()][0]}”查看)。`,
    );
  return parts.join('');
}

/** One table per tier group on the page (with its own stats), then the non-annual rows with their period. */
function tableSections(m: NamedMetric, cmp: Comparison, shown: Entry[]): ReplySection[] {
  const label = m.group.columns[m.column]!.label;
  const columns = ['报告', ...m.group.columns.map((c) => c.label)];
  const blocks: Block[] = [];
  for (const g of cmp.groups) {
    const rows = shown.filter((e) => e.tier === g.tier).map((e) => e.row);
    if (!rows.length) continue;
    const s = g.stats;
    const stats = !s
      ? `没有可计入统计的年度“${label}”数。`
      : s.count === 1
        ? `1 份可计入统计:${s.highest.cells[cmp.column]!.text}(${reportName(s.highest.report)})。`
        : `${s.count} 份,中位数 ${s.median},最高 ${s.highest.cells[cmp.column]!.text}(${reportName(s.highest.report)}),最低 ${s.lowest.cells[cmp.column]!.text}(${reportName(s.lowest.report)})。`;
    blocks.push({ type: 'paragraph', text: `【${g.tier}】${stats}` });
    blocks.push({ type: 'table', columns, rows: rows.map((r) => [reportName(r.report), ...r.cells.map(cellText)]) });
  }
  const other = shown.filter((e) => e.tier === null).map((e) => e.row);
  if (other.length) {
    blocks.push({ type: 'paragraph', text: `【非年度数字】按其所述期间列出,不参与排名和统计。` });
    blocks.push({
      type: 'table',
      columns: ['报告', '级别', ...m.group.columns.map((c) => c.label)],
      rows: other.map((r) => [reportName(r.report), r.tier, ...r.cells.map(cellText)]),
    });
  }
  return blocks.length ? [{ blocks }] : [];
}

/** Buttons for the other columns that have data (`/compare 协商 专题协商`). */
function columnActions(q: CompareQuery, m: NamedMetric, built: Built): ReplyAction[] {
  const { hasColumn } = walk(built.cmp);
  return m.group.columns.flatMap((c, i): ReplyAction[] =>
    i !== m.column && hasColumn[i] ? [{ label: `按${c.label}`, command: compareLine(q, 1, `${m.word} ${c.label}`) }] : [],
  );
}

/** Bars for the counted rows of the page, grouped by tier; the rest listed under the chart with the reason. */
function chartOf(
  title: string,
  m: NamedMetric,
  cmp: Comparison,
  shown: Entry[],
  includeDoubtful: boolean,
  built: Built,
): ChartData {
  const label = m.group.columns[m.column]!.label;
  const points: ChartData['points'] = [];
  const notDrawn: string[] = [];
  for (const { row, tier } of shown) {
    const c = row.cells[cmp.column];
    const name = `${row.report.regionName ?? '地区不详'} ${yearLabel(row.report)}`;
    if (tier === null) continue;
    if (c && isCountedIn(cmp, row, includeDoubtful)) {
      points.push({
        label: name,
        value: chartValue(cmp, c),
        group: tier,
        display: c.fact.unit === cmp.unit ? c.text : undefined,
      });
      continue;
    }
    const why = !c ? '无数据' : c.doubts.length && !includeDoubtful ? '存疑' : `单位为${c.fact.unit}`;
    notDrawn.push(`${name}(${why})`);
  }
  const nonAnnual = shown.filter((e) => e.tier === null).length;
  if (nonAnnual) notDrawn.push(`${nonAnnual} 份非年度数字`);
  const bodies = [...new Set(shown.map((e) => e.row.report.body ?? '机构不详'))];
  return {
    kind: 'bar',
    title: `${title}(${label}${cmp.unit ? `,${cmp.unit}` : ''})`,
    unit: cmp.unit,
    points,
    notDrawn,
    source: `来源:各地${bodies.join('、')}报告${built.body ? '' : ''}`,
  };
}

function csvOf(m: NamedMetric, cmp: Comparison) {
  const rows = [...cmp.groups.flatMap((g) => g.rows), ...cmp.nonAnnual];
  return {
    fileName: `compare-${m.group.columns[m.column]!.key}.csv`,
    columns: [
      '地区',
      '省份',
      '级别',
      '机构',
      '年度',
      ...m.group.columns.flatMap((c) => [c.label, `${c.label}单位`, `${c.label}备注`]),
    ],
    rows: rows.map((r) => [
      r.report.regionName,
      r.report.province,
      r.tier,
      r.report.body,
      r.report.year,
      ...r.cells.flatMap((c) => {
        if (!c) return [null, null, null];
        const notes = [periodLabel(c.period), c.derived ? '推算' : null, c.doubts.length ? `存疑:${c.doubts.join('、')}` : null];
        return [c.fact.value, c.fact.unit, notes.filter(Boolean).join(';') || null];
      }),
    ]),
  };
}

/** No report has the figure: say so, and name the metrics that do have data in this scope. */
function noData(store: ReportStore, q: CompareQuery, m: NamedMetric, scope: ReportRef[], built: Built): NotFoundError {
  const ids = new Set(scope.map((r) => r.id));
  const groups = knownGroups();
  // One query for every known key (one memo entry), not one per metric.
  const reportsByKey = new Map<string, Set<number>>();
  for (const f of store.headlinesForKeys([...new Set(groups.flatMap((g) => g.columns.map((c) => c.key)))])) {
    if (!ids.has(f.reportId)) continue;
    let set = reportsByKey.get(f.key);
    if (!set) reportsByKey.set(f.key, (set = new Set()));
    set.add(f.reportId);
  }
  const have: string[] = [];
  for (const g of groups) {
    const n = new Set(g.columns.flatMap((c) => [...(reportsByKey.get(c.key) ?? [])])).size;
    if (n && g.title !== m.group.title) have.push(`${g.title}(${n} 份)`);
  }
  const others = built.otherBodies.size
    ? `${[...built.otherBodies].map(([b, n]) => `${b}报告 ${n} 份`).join('、')}有此数字(加“${[...built.otherBodies.keys()][0]}”查看)。`
    : '';
  return new NotFoundError(
    `${scopeText(q)}没有${built.body ?? ''}报告给出“${m.word}”的数字。${others}${have.length ? `有数字的指标:${have.slice(0, 8).join('、')}。` : ''}`,
  );
}
