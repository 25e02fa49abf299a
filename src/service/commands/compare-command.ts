import { tierOf } from '../../domain/compare-tier.js';
import { BadInputError, NotFoundError } from '../../errors.js';
import type { ReportStore } from '../../db/report-store.js';
import { scopeCount } from '../../db/report-scope.js';
import { metricGroupFor, type MetricGroup } from '../query/metric-words.js';
import type { ChartData, Reply, ReplyAction, ReplySection } from '../reply/reply-model.js';
import { compareLine, PAGE_SIZE, parseCompareArgs, scopeText, type CompareQuery } from './compare-args.js';
import { build, factScope, type NamedMetric } from './compare-build.js';
import { chartOf } from './compare-chart.js';
import { csvOf, viewRows } from './compare-csv.js';
import { noData } from './compare-no-data.js';
import { columnActions, introLine, tableSections } from './compare-page.js';
import { compareTopic } from './compare-topic.js';

/** `/compare <metric(s) or topic> [year] [province] [level] [body] [含存疑] [csv]`. */
export function compareCommand(store: ReportStore, args: string[]): Reply {
  const q = parseCompareArgs(args);
  if (!q.words) throw new BadInputError('请告诉我要比较什么,例如 /compare 提案、/compare 协商 2022、/compare 营商环境。');
  const scope = scopeCount(store.db, factScope(q), tierOf);
  if (!scope) throw new NotFoundError(`${scopeText(q)}暂无报告。发送 /list 查看现有报告。`);
  const metrics = resolveMetrics(q.words, store);
  if (!metrics) return compareTopic(store, q, scope);
  if (metrics.length === 1) return compareMetric(store, q, metrics[0]!);
  return compareSeveral(store, q, metrics);
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

function compareMetric(store: ReportStore, q: CompareQuery, m: NamedMetric): Reply {
  const built = build(store, q, m);
  const { view: cmp } = built;
  const title = `${scopeText(q)}${m.group.title}比较`;
  if (!cmp.rowCount) throw noData(store, q, m, built);

  const pages = Math.max(1, Math.ceil(cmp.rowCount / PAGE_SIZE));
  const page = Math.min(q.page, pages);
  const shown = cmp.entries((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

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
    // An export of every row, read from SQL a batch at a time, only when asked for.
    csv: q.csv ? csvOf(m, () => viewRows(cmp)) : undefined,
    script: 'simplified',
  };
}

/** `/compare 提案 协商`: each metric's comparison one after the other, the chart of the first. */
function compareSeveral(store: ReportStore, q: CompareQuery, metrics: NamedMetric[]): Reply {
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
    const built = build(store, q, m);
    const name = `${m.group.title}(${m.group.columns[m.column]!.label})`;
    if (!built.view.rowCount) {
      sections.push({
        blocks: [
          { type: 'heading', text: name },
          { type: 'paragraph', text: `${scopeText(q)}没有报告给出“${m.word}”的数字。` },
        ],
      });
      continue;
    }
    const shown = built.view.entries(0, PAGE_SIZE);
    sections.push({
      blocks: [
        { type: 'heading', text: name },
        { type: 'paragraph', text: introLine(m, built) },
      ],
    });
    sections.push(...tableSections(m, built.view, shown));
    chart ??= chartOf(`${scopeText(q)}${m.group.title}比较`, m, built.view, shown, q.includeDoubtful, built);
    actions.push({ label: `只看${m.group.title}`, command: compareLine(q, 1, m.word) });
  }
  return { kind: 'compare', title, sections, actions, chart, script: 'simplified' };
}

function wordsFor(m: NamedMetric): string {
  return m.column === 0 ? m.word : `${m.word} ${m.group.columns[m.column]!.label}`;
}
