import { listingBy, type RankQuery, type Segment } from './compare-rank-query.js';
import { segmentSql } from './compare-rank-sql.js';
import type { RankedFact } from './compare-segment-walk.js';
import { prepareOnceOf } from './compare-statements.js';
import type { DigestDb } from './open.js';

/**
 * Up to `n` figures of a segment, largest first and in listing order within a value, below `below` (from the
 * top when null): one seek into the `headline_facts_key_rank` range and `n` rows, so walking a whole segment
 * page by page reads each figure once (an OFFSET walks every row before it again).
 */
export function rankedPage(db: DigestDb, q: RankQuery, s: Segment, below: number | null, n: number): RankedFact[] {
  const p: Record<string, unknown> = { n };
  let sql = `SELECT h.report_id AS reportId, h.normalized, h.region_name AS regionName ${segmentSql(q, s, p)}`;
  if (below !== null) {
    sql += ' AND h.normalized < @below';
    p.below = below;
  }
  return prepareOnceOf(db)(`${sql} ORDER BY h.normalized DESC, ${listingBy('h')} LIMIT @n`).all(p) as RankedFact[];
}
