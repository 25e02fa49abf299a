import { figureTexts, orderHeadlines } from './commands/headline-figures.js';
import { metricGroupFor } from './query/metric-words.js';
import type { DigestDb } from '../db/open.js';
import { headlineFactsOf } from '../db/headline-facts.js';
import { ReportStore } from '../db/report-store.js';
import { reportsWithTopic } from '../db/paragraph-search.js';
import type { DigestReads } from './ports.js';

/** The scheduler's read API over the service's report store (its caches shared), or over a database. */
export function createDigestReads(source: ReportStore | DigestDb): DigestReads {
  const store = source instanceof ReportStore ? source : new ReportStore(source);
  return {
    reportById: (id) => store.reportById(id),
    reportsIngestedBetween: (fromIso, toIso) => store.reportsIngestedBetween(fromIso, toIso),
    allReports: () => store.allReports(),
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
