import type { CompareTier } from '../../domain/compare-tier.js';
import { compareRanksOf } from '../../db/compare-ranks.js';
import type { ReportBody } from '../../domain/report.js';
import { type FactScope, type HeadlineFact, headlineFactsOf } from '../../db/headline-facts.js';
import type { ReportStore } from '../../db/report-store.js';
import type { MetricGroup } from '../query/metric-words.js';
import { formatValue } from '../reply/format.js';
import { scopeText, type CompareQuery } from './compare-args.js';
import { rankedView } from './compare-ranked.js';
import {
  type CompareCell,
  type CompareReport,
  type CompareRow,
  type Comparison,
  rankRows,
  reportOfFact,
  rowOf,
} from './compare-rows.js';
import type { CompareView } from './compare-view.js';

/** A metric the user named, and which of its columns to compare. */
export interface NamedMetric {
  group: MetricGroup;
  column: number;
  /** The word that named the metric (for buttons that pick another column). */
  word: string;
}

/** A comparison as built for one query, with what the body default left out. */
export interface Built {
  view: CompareView;
  /** The body shown (null = every body). */
  body: ReportBody | null;
  /** Reports of other bodies that have the figure (left out by the body default). */
  otherBodies: Map<string, number>;
}

/** The year, province and tier filters of a query, as the read model's scope. */
export function factScope(q: CompareQuery): FactScope {
  return { year: q.year, province: q.province, tier: q.tier };
}

/**
 * Views per store, reused while the corpus is unchanged: a view holds counts and the pages already asked for,
 * not the rows of the whole comparison.
 */
const views = new WeakMap<ReportStore, Map<string, { version: string; built: Built }>>();

/** Views kept per store. */
const MAX_VIEWS = 16;

/** A cell from a read-model row (period and doubts decided at ingest); another body's figure is no cell. */
function cellOfFact(h: HeadlineFact): CompareCell | null {
  if (h.otherBody) return null;
  // A copy: the row's cross-checks add doubts to it.
  return { fact: h, text: formatValue(h), doubts: [...h.doubts], derived: h.derived ?? null, period: h.period };
}

/** The body a query shows: the one it names, else the metric's (政协 for 提案), else every body (null). */
function bodyOf(q: CompareQuery, m: NamedMetric): ReportBody | null {
  return q.body ?? m.group.body ?? null;
}

/** The comparison of one metric column in the query's scope, counted and paged in SQL (rankedView). */
export function build(store: ReportStore, q: CompareQuery, m: NamedMetric): Built {
  const keys = m.group.columns.map((c) => c.key);
  const body = bodyOf(q, m);
  const cacheKey = [keys.join(','), m.column, scopeText(q), body ?? '', q.includeDoubtful].join('|');
  const version = store.corpusVersion();
  let perStore = views.get(store);
  if (!perStore) views.set(store, (perStore = new Map()));
  // Views of an older corpus are never served again: drop them all before building.
  for (const [k, v] of perStore) if (v.version !== version) perStore.delete(k);
  const hit = perStore.get(cacheKey);
  if (hit) return hit.built;

  const scope = factScope(q);
  const view = rankedView(store.db, keys, m.column, scope, body, q.includeDoubtful);
  const rq = { keys, key: keys[m.column]!, scope, body, mask: 0 };
  const built = {
    view,
    body,
    otherBodies: new Map(
      compareRanksOf(store.db)
        .otherBodies(rq)
        .map((r) => [r.body, r.n]),
    ),
  };
  if (perStore.size >= MAX_VIEWS) perStore.delete(perStore.keys().next().value!);
  perStore.set(cacheKey, { version, built });
  return built;
}

/**
 * The whole comparison in memory, from one narrow indexed read of the metric's keys (no evidence, no
 * whole-corpus report list): the reference the SQL path (pages and the CSV export) is tested against; no
 * reply builds it.
 */
export function wholeComparison(
  store: ReportStore,
  q: CompareQuery,
  m: NamedMetric,
): { cmp: Comparison; otherBodies: Map<string, number> } {
  const keys = m.group.columns.map((c) => c.key);
  const body = bodyOf(q, m);
  // Facts arrive in report-listing order, a report's facts together: rows keep the order the scope had.
  const byReport = new Map<number, { report: CompareReport; tier: CompareTier; facts: Map<string, HeadlineFact> }>();
  for (const f of headlineFactsOf(store.db).inScope(keys, factScope(q))) {
    let r = byReport.get(f.reportId);
    if (!r) {
      const report = reportOfFact(f);
      byReport.set(f.reportId, (r = { report, tier: f.tier, facts: new Map() }));
    }
    r.facts.set(f.key, f);
  }
  const otherBodies = new Map<string, number>();
  const rows: CompareRow[] = [];
  for (const { report, tier, facts } of byReport.values()) {
    if (body && report.body !== body) {
      otherBodies.set(report.body ?? '机构不详', (otherBodies.get(report.body ?? '机构不详') ?? 0) + 1);
      continue;
    }
    const cells = keys.map((k) => {
      const f = facts.get(k);
      return f ? cellOfFact(f) : null;
    });
    const row = rowOf(report, tier, cells, keys);
    if (row) rows.push(row);
  }
  return { cmp: rankRows(rows, m.column, { includeDoubtful: q.includeDoubtful }), otherBodies };
}
