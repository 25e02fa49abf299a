import { NotFoundError } from '../../errors.js';
import { tierOf } from '../../domain/compare-tier.js';
import type { ReportRef, ReportStore } from '../../db/report-store.js';
import { refsInScope } from '../../db/report-scope.js';
import { factScope } from './compare-build.js';
import { markTerms, searchParagraphs, sentences } from '../query/text-search.js';
import { regionLabel } from '../reply/format.js';
import type { Block, Reply, ReplyAction } from '../reply/reply-model.js';
import { compareLine, PAGE_SIZE, scopeText, type CompareQuery } from './compare-args.js';

/** Upper bound of paragraphs read for a topic comparison (keeps the answer fast on a large corpus). */
const MAX_PARAGRAPHS = 5000;

/** `/compare 营商环境`: how much each report says about a topic, with its best sentence. */
export function compareTopic(store: ReportStore, q: CompareQuery, scopeSize: number): Reply {
  const { perReport, inScope, ranked } = topicTable(store, q);
  const title = `${scopeText(q)}“${q.words}”话题比较`;
  if (!perReport.size) throw new NotFoundError(`${scopeText(q)}没有报告提到“${q.words}”。`);
  const pages = Math.ceil(ranked.length / PAGE_SIZE);
  const page = Math.min(q.page, pages);
  const shown = ranked.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const rows: Block[] = shown.flatMap(([id, e], i): Block[] => {
    const r = inScope.get(id)!;
    return [
      {
        type: 'fields',
        items: [
          { label: `${(page - 1) * PAGE_SIZE + i + 1}. ${regionLabel(r)} ${r.year ?? ''}`, value: `提到 ${e.mentions} 次` },
        ],
      },
      ...(e.best ? [{ type: 'quote', text: e.best.length > 120 ? e.best.slice(0, 120) + '…' : e.best } as Block] : []),
    ];
  });
  const actions: ReplyAction[] = [];
  if (page < pages) actions.push({ label: '下一页', command: compareLine(q, page + 1) });
  actions.push({ label: '搜索原文', command: `/search ${q.words}` });
  return {
    kind: 'compare',
    title,
    sections: [
      {
        blocks: [
          { type: 'heading', text: title },
          {
            type: 'paragraph',
            text: `“${q.words}”不是可比较的数字指标,以下按各报告提及次数排序:${perReport.size} 份报告提到,共 ${scopeSize} 份。`,
          },
        ],
      },
      { blocks: rows },
    ],
    actions,
    chart: {
      kind: 'bar',
      title: `${title}(提及次数)`,
      unit: '次',
      points: shown.map(([id, e]) => ({
        label: `${inScope.get(id)!.regionName ?? '?'} ${inScope.get(id)!.year ?? ''}`.trim(),
        value: e.mentions,
      })),
      // The bodies actually shown: a topic is found in 人大 and 政府 reports as much as in 政协 ones.
      source: `来源:各地${[...new Set(shown.map(([id]) => inScope.get(id)!.body ?? '机构不详'))].join('、')}报告`,
    },
    script: 'simplified',
  };
}

/** Mentions and best sentence per report for one topic and scope. */
interface TopicTable {
  perReport: Map<number, { mentions: number; best: string; bestScore: number }>;
  /** Reports that mention the topic, by id. */
  inScope: Map<number, ReportRef>;
  ranked: [number, { mentions: number; best: string; bestScore: number }][];
}

/**
 * Topic tables per store, reused while the corpus is unchanged: reading up to 5,000 paragraphs costs ~100 ms
 * and much garbage at 10,000 reports, and every page of the same topic needs the same table.
 */
const tables = new WeakMap<ReportStore, Map<string, { version: string; table: TopicTable }>>();

/** Tables kept per store. */
const MAX_TABLES = 16;

function topicTable(store: ReportStore, q: CompareQuery): TopicTable {
  // Every field of the scope the table is filtered by (factScope): a tier-filtered table is no answer for all tiers.
  const scope = factScope(q);
  const cacheKey = [
    q.words,
    scope.year ? `${scope.year.from}-${scope.year.to}` : '',
    scope.province ?? '',
    scope.tier ?? '',
  ].join('|');
  const version = store.corpusVersion();
  let perStore = tables.get(store);
  if (!perStore) tables.set(store, (perStore = new Map()));
  // Tables of an older corpus are never served again: drop them all before building. At 100,000 reports one
  // is 100s of MB, and a stale one stayed alive (through the build of its successor) until its slot was reused.
  for (const [k, v] of perStore) if (v.version !== version) perStore.delete(k);
  const hit = perStore.get(cacheKey);
  if (hit) return hit.table;

  const inScope = new Map<number, ReportRef>();
  const terms = q.words.split(/\s+/).filter(Boolean);
  const hits = searchParagraphs(store, terms, MAX_PARAGRAPHS);
  // Only the reports the hits are in are read, not the whole corpus's listing.
  const scopeById = refsInScope(store.db, [...new Set(hits.map((h) => h.reportId))], scope, tierOf);
  const perReport = new Map<number, { mentions: number; best: string; bestScore: number }>();
  for (const h of hits) {
    const report = scopeById.get(h.reportId);
    if (!report) continue;
    inScope.set(h.reportId, report);
    const mentions = markTerms(h.text, terms).length;
    const entry = perReport.get(h.reportId) ?? { mentions: 0, best: '', bestScore: -Infinity };
    entry.mentions += mentions;
    for (const s of sentences(h.text)) {
      if (!terms.every((t) => s.includes(t))) continue;
      // Sentences with figures and of a readable length say most about what was done.
      const score = (/\d/.test(s) ? 2 : 0) - Math.abs(s.length - 60) / 60;
      if (score > entry.bestScore) Object.assign(entry, { best: s, bestScore: score });
    }
    perReport.set(h.reportId, entry);
  }
  // A paragraph the index matched (a prefix like `资*`) in which the words themselves never occur is no
  // mention: a row saying 提到 0 次 is not a result.
  for (const [id, entry] of perReport) {
    if (entry.mentions > 0) continue;
    perReport.delete(id);
    inScope.delete(id);
  }
  const ranked = [...perReport].sort((a, b) => b[1].mentions - a[1].mentions);
  const table = { perReport, inScope, ranked };
  if (perStore.size >= MAX_TABLES) perStore.delete(perStore.keys().next().value!);
  perStore.set(cacheKey, { version, table });
  return table;
}
