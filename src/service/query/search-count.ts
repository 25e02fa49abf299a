import { confirmSql, toGramQuery } from '../../db/gram-index.js';
import type { ReportStore } from './report-store.js';

/** Matches counted at most: enough to say “more than 5000”, bounded so a common word stays cheap to count. */
const COUNT_CAP = 5000;

/** How many paragraphs contain all `terms`, counted up to `COUNT_CAP` (`capped` when there are more). */
export function countParagraphs(store: ReportStore, terms: string[]): { count: number; capped: boolean } {
  const query = toGramQuery(terms);
  if (!query) return { count: 0, capped: false };
  // A long term's bigrams can all occur without the term: confirm on the text, as the search does.
  const sql = query.confirm.length
    ? `SELECT count(*) AS n FROM (SELECT g.rowid FROM paragraph_grams g JOIN paragraphs p ON p.id = g.rowid
         WHERE paragraph_grams MATCH ?${confirmSql('p.text', query)} LIMIT ?)`
    : 'SELECT count(*) AS n FROM (SELECT rowid FROM paragraph_grams WHERE paragraph_grams MATCH ? LIMIT ?)';
  const row = store.stmt(sql).get(query.match, ...query.confirm, COUNT_CAP + 1) as { n: number };
  return row.n > COUNT_CAP ? { count: COUNT_CAP, capped: true } : { count: row.n, capped: false };
}
