import type { CompareTier } from '../../domain/compare-tier.js';
import type { ReportBody } from '../../domain/report.js';
import { type FactScope, type HeadlineFact, headlineFactsOf } from '../../db/headline-facts.js';
import type { ReportStore } from '../../db/report-store.js';
import type { MetricGroup } from '../query/metric-words.js';
import { formatValue } from '../reply/format.js';
import { scopeText, type CompareQuery } from './compare-args.js';
import { type CompareCell, type CompareReport, type CompareRow, type Comparison, rankRows, rowOf } from './compare-rows.js';

/** A metric the user named, and which of its columns to compare. */
export interface NamedMetric {
  group: MetricGroup;
  column: number;
  /** The word that named the metric (for buttons that pick another column). */
  word: string;
}

/** A comparison as built for one query, with what the body default left out. */
export interface Built {
  cmp: Comparison;
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
 * Comparisons per store, reused while the corpus is unchanged: every page, CSV and repeat of the same
 * comparison needs the same rows.
 */
const tables = new WeakMap<ReportStore, Map<string, { version: string; built: Built }>>();

/** Comparisons kept per store. */
const MAX_TABLES = 16;

/** A cell from a read-model row (period and doubts decided at ingest); another body's figure is no cell. */
function cellOfFact(h: HeadlineFact): CompareCell | null {
  if (h.otherBody) return null;
  // A copy: the row's cross-checks add doubts to it.
  return { fact: h, text: formatValue(h), doubts: [...h.doubts], derived: h.derived ?? null, period: h.period };
}

/**
 * The comparison of one metric column in the query's scope, from the headline-facts read model: one narrow
 * indexed read of the metric's keys, no evidence, no whole-corpus report list.
 */
export function build(store: ReportStore, q: CompareQuery, m: NamedMetric): Built {
  const keys = m.group.columns.map((c) => c.key);
  const body = q.body ?? m.group.body ?? null;
  const cacheKey = [keys.join(','), m.column, scopeText(q), body ?? '', q.includeDoubtful].join('|');
  const version = store.corpusVersion();
  let perStore = tables.get(store);
  if (!perStore) tables.set(store, (perStore = new Map()));
  // Tables of an older corpus are never served again: drop them all before building.
  for (const [k, v] of perStore) if (v.version !== version) perStore.delete(k);
  const hit = perStore.get(cacheKey);
  if (hit) return hit.built;

  // Facts arrive in report-listing order, a report's facts together: rows keep the order the scope had.
  const byReport = new Map<number, { report: CompareReport; tier: CompareTier; facts: Map<string, HeadlineFact> }>();
  for (const f of headlineFactsOf(store.db).inScope(keys, factScope(q))) {
    let r = byReport.get(f.reportId);
    if (!r) {
      const report = {
        id: f.reportId,
        body: f.body,
        regionName: f.regionName,
        province: f.province,
        year: f.year,
        period: f.reportPeriod,
      };
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
  const built = { cmp: rankRows(rows, m.column, { includeDoubtful: q.includeDoubtful }), body, otherBodies };
  if (perStore.size >= MAX_TABLES) perStore.delete(perStore.keys().next().value!);
  perStore.set(cacheKey, { version, built });
  return built;
}

/** Rows of a comparison (tier groups and non-annual). */
export function rowCount(cmp: Comparison): number {
  return cmp.groups.reduce((n, g) => n + g.rows.length, 0) + cmp.nonAnnual.length;
}
