import { toFtsQuery } from '../../db/fts-text.js';
import type { ReportStore } from './report-store.js';

/** Matches counted at most: enough to say “more than 5000”, bounded so a common word stays cheap to count. */
export const COUNT_CAP = 5000;

/** How many paragraphs contain all `terms`, counted up to `COUNT_CAP` (`capped` when there are more). */
export function countParagraphs(store: ReportStore, terms: string[]): { count: number; capped: boolean } {
  const match = toFtsQuery(terms);
  if (!match) return { count: 0, capped: false };
  const row = store
    .stmt('SELECT count(*) AS n FROM (SELECT rowid FROM paragraphs_fts WHERE paragraphs_fts MATCH ? LIMIT ?)')
    .get(match, COUNT_CAP + 1) as { n: number };
  return row.n > COUNT_CAP ? { count: COUNT_CAP, capped: true } : { count: row.n, capped: false };
}
