import { confirmSql, type GramQuery, toGramQuery } from './gram-index.js';
import type { ReportStore } from './report-store.js';

/** Matches counted at most: enough to say “more than 5000”, bounded so a common word stays cheap to count. */
const COUNT_CAP = 5000;

/**
 * How many paragraphs contain all `terms`, given that the search read `read` confirmed matches with a bound of
 * `bound` (more than `bound` read means there are more). Below the bound the read ones are all of them. Above
 * it, 1–2 character terms are counted on the index alone, up to `COUNT_CAP`; a longer term needs every
 * paragraph's text to confirm it (~6 µs each, 30 ms for 5,000 at 30,000 reports), so its count stops at what
 * the search read: “more than `bound`”.
 */
export function countParagraphs(
  store: ReportStore,
  terms: string[],
  read: { found: number; bound: number },
): { count: number; capped: boolean } {
  if (read.found <= read.bound) return { count: read.found, capped: false };
  const query = toGramQuery(terms);
  if (!query || query.confirm.length) return { count: read.bound, capped: true };
  const row = store
    .stmt('SELECT count(*) AS n FROM (SELECT rowid FROM paragraph_grams WHERE paragraph_grams MATCH ? LIMIT ?)')
    .get(query.match, COUNT_CAP + 1) as { n: number };
  return row.n > COUNT_CAP ? { count: COUNT_CAP, capped: true } : { count: row.n, capped: false };
}

/** A paragraph matching a search: its report and section. */
export interface ParagraphMatch {
  paragraphId: number;
  reportId: number;
  sectionPath: string | null;
  text: string;
}

/** Paragraphs matching `query`, newest first, at most `max` (FTS5 walks its doclists in rowid order, so this stops early). */
export function candidates(store: ReportStore, query: GramQuery, max: number): ParagraphMatch[] {
  return store
    .stmt(
      `SELECT p.id AS paragraphId, p.report_id AS reportId, p.section_path AS sectionPath, p.text AS text
       FROM paragraph_grams g JOIN paragraphs p ON p.id = g.rowid
       WHERE paragraph_grams MATCH ?${confirmSql('p.text', query)}
       ORDER BY g.rowid DESC LIMIT ?`,
    )
    .all(query.match, ...query.confirm, max) as ParagraphMatch[];
}

/** Ids among `reportIds` with at least one paragraph containing every word of `topic` (the index, like /search). */
export function reportsWithTopic(store: ReportStore, topic: string, reportIds: readonly number[]): Set<number> {
  const hit = new Set<number>();
  const query = toGramQuery(topic.split(/\s+/).filter(Boolean));
  if (!query) return hit;
  // Chunks keep the IN list far below SQLite's variable limit.
  for (let i = 0; i < reportIds.length; i += 500) {
    const chunk = reportIds.slice(i, i + 500);
    const rows = store.db.$client
      .prepare(
        `SELECT DISTINCT p.report_id AS id FROM paragraph_grams g JOIN paragraphs p ON p.id = g.rowid
         WHERE paragraph_grams MATCH ? AND p.report_id IN (${chunk.map(() => '?').join(',')})${confirmSql('p.text', query)}`,
      )
      .all(query.match, ...chunk, ...query.confirm) as { id: number }[];
    for (const r of rows) hit.add(r.id);
  }
  return hit;
}
