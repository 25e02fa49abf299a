import { figureTexts, orderHeadlines } from './commands/headline-figures.js';
import { metricGroupFor } from './query/metric-words.js';
import type { DigestDb } from '../db/open.js';
import { headlineFactsOf } from '../db/headline-facts.js';
import { ReportStore } from '../db/report-store.js';
import { reportsWithTopic } from '../db/paragraph-search.js';
import { countMatching, matchingIdAt, type ReportCondition, type ReportMatch } from '../db/report-filters.js';
import { type DigestFilter, regionPrefix } from '../domain/subscription.js';
import type { DigestReads } from './ports.js';

/** A filter's condition as SQL tests it: a metric word by its keys now (a word no longer a metric: a topic). */
function conditionOf(store: ReportStore, f: { kind: DigestFilter['kind']; value: string }): ReportCondition | null {
  switch (f.kind) {
    case 'all':
      return null;
    case 'province':
      return { kind: 'province', province: f.value };
    case 'region':
      return { kind: 'region', code: f.value, prefix: regionPrefix(f.value) };
    case 'metric': {
      const keys = metricGroupFor(f.value, store)?.columns.map((c) => c.key);
      return keys ? { kind: 'metric', keys } : { kind: 'topic', topic: f.value };
    }
    case 'topic':
      return { kind: 'topic', topic: f.value };
  }
}

/** Filters as SQL matches; null (every report) when one of them selects every report. */
function matchesOf(store: ReportStore, filters: readonly DigestFilter[] | null): ReportMatch[] | null {
  if (filters === null) return null;
  const out: ReportMatch[] = [];
  for (const f of filters) {
    const first = conditionOf(store, f);
    const narrowed = f.subject ? conditionOf(store, f.subject) : null;
    if (first) out.push({ first, and: narrowed });
    else if (narrowed) out.push({ first: narrowed, and: null });
    else return null;
  }
  return out;
}

/** The scheduler's read API over the service's report store (its caches shared), or over a database. */
export function createDigestReads(source: ReportStore | DigestDb): DigestReads {
  const store = source instanceof ReportStore ? source : new ReportStore(source);
  return {
    reportById: (id) => store.reportById(id),
    reportsIngestedBetween: (fromIso, toIso) => store.reportsIngestedBetween(fromIso, toIso),
    countMatching: (filters) => countMatching(store.db, matchesOf(store, filters)),
    matchingAt: (filters, offset) => {
      const id = matchingIdAt(store.db, matchesOf(store, filters), offset);
      return id === undefined ? undefined : store.reportById(id);
    },
    reportsWithMetric: (keys, reportIds) => headlineFactsOf(store.db).reportsWithKeys(keys, reportIds),
    metricFact: (reportId, keys) => {
      const key = headlineFactsOf(store.db).firstKeyOf(reportId, keys);
      return key ? (store.headlines(reportId).find((f) => f.key === key) ?? null) : null;
    },
    metricRank: (key, normalized) => headlineFactsOf(store.db).rankOf(key, normalized),
    metricMedian: (key, except) => headlineFactsOf(store.db).medianOf(key, except),
    headlineFigures: (reportId) => {
      const rows = orderHeadlines(store.headlines(reportId));
      const texts = figureTexts(rows);
      return rows.map((f, i) => ({ ...f, display: texts[i]! }));
    },
    metricKeys: (word) => metricGroupFor(word, store)?.columns.map((c) => c.key) ?? null,
    reportsWithTopic: (topic, reportIds) => reportsWithTopic(store, topic, reportIds),
  };
}
