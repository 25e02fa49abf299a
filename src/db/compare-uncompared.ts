/** The reports of a comparison's rows that have none of the compared figure: counted, shaped, and read per tier. */
import type { CompareTier } from '../domain/compare-tier.js';
import { listingBy, type RankQuery } from './compare-rank-query.js';
import { scopeSql, uncomparedFrom } from './compare-rank-sql.js';
import type { PrepareOnce } from './compare-statements.js';

/** An own figure of a report that has no own figure of the compared key. */
export interface UncomparedFact {
  reportId: number;
  key: string;
  normalized: number;
  period: string;
  tier: CompareTier;
  regionName: string | null;
}

/** Reports of a family with the same key sets (headline_rows, bits of src/domain/key-bits.ts). */
export interface RowShape {
  tier: CompareTier;
  own: number;
  annual: number;
  periods: string;
  any: number;
  n: number;
}

/** Reads of the reports without the compared figure: from their figures, or from the family's headline_rows. */
export function createUncompared(prepare: PrepareOnce) {
  return {
    /**
     * Reports in scope with an own figure of the row's other keys but none of the compared key, counted by tier
     * and row period: `year` when one of their figures is annual, else the period of the first in column order.
     */
    uncomparedCounts(q: RankQuery): { tier: CompareTier; period: string; n: number }[] {
      const others = q.keys.filter((k) => k !== q.key);
      if (!others.length) return [];
      const p: Record<string, unknown> = {};
      // Column order as a two-digit prefix, so min() of `prefix:period` is the first column's period.
      for (const [i, k] of q.keys.entries()) p[`col${i}`] = k;
      const order = q.keys.map((_, i) => `WHEN @col${i} THEN '${String(i).padStart(2, '0')}'`).join(' ');
      return prepare(
        `SELECT tier, CASE WHEN annual THEN 'year' ELSE substr(first, 4) END AS period, count(*) AS n FROM (
           SELECT o.tier, max(o.period = 'year') AS annual, min((CASE o.key ${order} END) || ':' || o.period) AS first
           ${uncomparedFrom(q, others, p)} GROUP BY o.report_id)
         GROUP BY tier, period`,
      ).all(p) as { tier: CompareTier; period: string; n: number }[];
    },

    /** A family's rows in scope by tier and key sets (own, annual, periods, any): one pass in index order. */
    rowShapes(q: RankQuery, family: string): RowShape[] {
      const p: Record<string, unknown> = { family };
      return prepare(
        `SELECT tier, own, annual, periods, any, count(*) AS n FROM headline_rows r INDEXED BY headline_rows_shape
         WHERE r.family = @family${scopeSql(q, 'r', p)} GROUP BY tier, own, annual, periods, any`,
      ).all(p) as RowShape[];
    },

    /** The facts uncomparedCounts counts, of one tier, in listing order (a report's facts together). */
    uncompared(q: RankQuery, tier: CompareTier): UncomparedFact[] {
      const others = q.keys.filter((k) => k !== q.key);
      if (!others.length) return [];
      const p: Record<string, unknown> = { oTier: tier };
      return prepare(
        `SELECT o.report_id AS reportId, o.key, o.normalized, o.period, o.tier, o.region_name AS regionName
         ${uncomparedFrom(q, others, p)} AND o.tier = @oTier
         ORDER BY ${listingBy('o')}`,
      ).all(p) as UncomparedFact[];
    },
  };
}
