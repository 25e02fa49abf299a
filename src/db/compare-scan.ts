import type { Statement } from 'better-sqlite3';
import { LISTING, type RankQuery, type RankedFact, type Segment, segmentSql } from './compare-ranks.js';
import type { DigestDb } from './open.js';

/** Statements per connection, by SQL text (a segment's shape: its scope, units and bounds). */
const statements = new WeakMap<DigestDb['$client'], Map<string, Statement>>();

function prepare(db: DigestDb, sql: string): Statement {
  let perDb = statements.get(db.$client);
  if (!perDb) statements.set(db.$client, (perDb = new Map()));
  let s = perDb.get(sql);
  if (!s) perDb.set(sql, (s = db.$client.prepare(sql)));
  return s;
}

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
  const listing = LISTING.split(', ')
    .map((c) => `h.${c}`)
    .join(', ');
  return prepare(db, `${sql} ORDER BY h.normalized DESC, ${listing} LIMIT @n`).all(p) as RankedFact[];
}
