/** The walk into a sorted segment of the rank index: a value at an offset (the median's middle), counts, a value range. */
import { listingBy, type RankQuery, type Segment } from './compare-rank-query.js';
import { segmentSql } from './compare-rank-sql.js';
import type { PrepareOnce } from './compare-statements.js';

/** A ranked figure with what its tie order reads (value, then the region name, then the listing order). */
export interface RankedFact {
  reportId: number;
  normalized: number;
  regionName: string | null;
}

/** Reads of one segment by position and value, each a seek into `headline_facts_key_rank`, never the whole segment. */
export function createSegmentWalk(prepare: PrepareOnce) {
  return {
    /** The normalized value at `offset` of a segment sorted largest first (null past its end). */
    valueAt(q: RankQuery, s: Segment, offset: number): number | null {
      const p: Record<string, unknown> = { offset };
      const sql = segmentSql(q, s, p);
      const row = prepare(`SELECT h.normalized AS v ${sql} ORDER BY h.normalized DESC LIMIT 1 OFFSET @offset`).get(p) as
        | { v: number }
        | undefined;
      return row ? row.v : null;
    },

    /** The stated values at `offset` and the one after it of a segment sorted smallest first (a median's middle). */
    valuesAt(q: RankQuery, s: Segment, offset: number, n: number): { value: number; normalized: number }[] {
      const p: Record<string, unknown> = { offset, n };
      const sql = segmentSql(q, s, p);
      return prepare(`SELECT h.value, h.normalized ${sql} ORDER BY h.normalized LIMIT @n OFFSET @offset`).all(p) as {
        value: number;
        normalized: number;
      }[];
    },

    /** Figures of a segment larger than `value`. */
    countAbove(q: RankQuery, s: Segment, value: number): number {
      const p: Record<string, unknown> = { above: value };
      const sql = segmentSql(q, s, p);
      return (prepare(`SELECT count(*) AS n ${sql} AND h.normalized > @above`).get(p) as { n: number }).n;
    },

    /** Figures of a segment from `low` to `high` (both included), in listing order. */
    between(q: RankQuery, s: Segment, low: number, high: number): RankedFact[] {
      const p: Record<string, unknown> = { low, high };
      const sql = segmentSql(q, s, p);
      return prepare(
        `SELECT h.report_id AS reportId, h.normalized, h.region_name AS regionName ${sql}
           AND h.normalized BETWEEN @low AND @high ORDER BY ${listingBy('h')}`,
      ).all(p) as RankedFact[];
    },
  };
}
