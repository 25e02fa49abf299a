import type { DigestReads, ReportRef } from '../service/ports.js';
import { type DigestFilter, type FilterKind, regionPrefix, type SubjectKind } from '../domain/subscription.js';

/** A stable key for caching per distinct filter within a run. */
export function filterKey(f: DigestFilter): string {
  return f.subject ? `${f.kind}:${f.value}+${f.subject.kind}:${f.subject.value}` : `${f.kind}:${f.value}`;
}

/** The filter of a stored subscription. */
export function filterOf(s: {
  filterKind: FilterKind;
  filterValue: string;
  subjectKind?: SubjectKind | null;
  subjectValue?: string | null;
}): DigestFilter {
  return {
    kind: s.filterKind,
    value: s.filterValue,
    subject: s.subjectKind && s.subjectValue ? { kind: s.subjectKind, value: s.subjectValue } : null,
  };
}

/** Metric keys a metric filter selects on (the metric group's columns), or null when the word is no metric now. */
export function metricKeys(store: DigestReads, word: string): string[] | null {
  return store.metricKeys(word);
}

/**
 * The candidates a filter selects.
 * - region: the region itself and the places below it (a city code `512000` also takes `5120xx` counties),
 *   because a subscriber to a city wants its districts' reports too;
 * - province: exact province name;
 * - metric: reports with a headline figure of the metric's group (提案 → proposals.filed/received/…);
 *   a word that is no longer a metric falls back to topic;
 * - topic: reports with a paragraph containing every word (the full-text index, like /search).
 */
export function selectReports<T extends ReportRef>(store: DigestReads, filter: DigestFilter, candidates: T[]): T[] {
  if (!candidates.length) return [];
  const placed = selectOne(store, { kind: filter.kind, value: filter.value }, candidates);
  // A combined filter (四川 + 提案) is the intersection: the subject narrows the place's reports.
  return filter.subject ? selectOne(store, filter.subject, placed) : placed;
}

function selectOne<T extends ReportRef>(store: DigestReads, filter: { kind: FilterKind; value: string }, candidates: T[]): T[] {
  if (!candidates.length) return [];
  switch (filter.kind) {
    case 'all':
      return candidates;
    case 'province':
      return candidates.filter((r) => r.province === filter.value);
    case 'region': {
      const prefix = regionPrefix(filter.value);
      return candidates.filter(
        (r) => r.regionCode !== null && (r.regionCode === filter.value || (prefix !== null && r.regionCode.startsWith(prefix))),
      );
    }
    case 'metric': {
      const keys = metricKeys(store, filter.value);
      if (!keys) return byTopic(store, filter.value, candidates);
      // A few candidates (the week's reports) are looked up by id; many by one read of the keys' index range.
      const ids = store.reportsWithMetric(keys, candidates.length <= 500 ? candidates.map((r) => r.id) : null);
      return candidates.filter((r) => ids.has(r.id));
    }
    case 'topic':
      return byTopic(store, filter.value, candidates);
  }
}

/** Candidates with at least one paragraph matching all words of the topic. */
function byTopic<T extends ReportRef>(store: DigestReads, topic: string, candidates: T[]): T[] {
  const hit = store.reportsWithTopic(
    topic,
    candidates.map((r) => r.id),
  );
  return candidates.filter((r) => hit.has(r.id));
}
