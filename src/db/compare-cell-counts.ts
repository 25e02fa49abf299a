/** What a comparison's groups hold: the compared figures counted by tier, period, unit and doubt. */
import type { CompareTier } from '../domain/compare-tier.js';
import { listingBy, type RankQuery } from './compare-rank-query.js';
import { listSql, scopeSql } from './compare-rank-sql.js';
import type { PrepareOnce } from './compare-statements.js';

/** Figures of the compared key counted by tier, period, unit and doubt. */
export interface CellCount {
  tier: CompareTier;
  period: string;
  unit: string;
  doubtful: boolean;
  n: number;
}

/** Counts of a comparison's figures, the unit listed first, and whether a column has figures at all. */
export function createCellCounts(prepare: PrepareOnce) {
  return {
    /**
     * Figures of the compared key by tier, period, unit and doubt: one pass over the key's index range grouped by
     * (tier, period) in index order; only a (tier, period) stating several units is grouped again by unit (a
     * sort of its figures, which a single pass grouped by unit needed for all of them: 60 ms at 100,000 reports).
     */
    cellCounts(q: RankQuery): CellCount[] {
      const p: Record<string, unknown> = { key: q.key, mask: q.mask };
      const from = `FROM headline_facts h INDEXED BY headline_facts_key_rank WHERE h.key = @key AND h.other_body = 0${scopeSql(q, 'h', p)}`;
      const groups = prepare(
        `SELECT tier, period, min(unit) AS unit, max(unit) AS last, count(*) AS n, sum((checks & @mask) != 0) AS doubtful
         ${from} GROUP BY tier, period`,
      ).all(p) as { tier: CompareTier; period: string; unit: string; last: string; n: number; doubtful: number }[];
      const out: CellCount[] = [];
      for (const g of groups) {
        if (g.unit === g.last) {
          if (g.doubtful) out.push({ tier: g.tier, period: g.period, unit: g.unit, doubtful: true, n: g.doubtful });
          if (g.n > g.doubtful) out.push({ tier: g.tier, period: g.period, unit: g.unit, doubtful: false, n: g.n - g.doubtful });
          continue;
        }
        const rows = prepare(
          `SELECT unit, (checks & @mask) != 0 AS doubtful, count(*) AS n ${from} AND h.tier = @tier AND h.period = @period
           GROUP BY unit, doubtful`,
        ).all({ ...p, tier: g.tier, period: g.period }) as { unit: string; doubtful: number; n: number }[];
        for (const r of rows) out.push({ tier: g.tier, period: g.period, unit: r.unit, doubtful: r.doubtful === 1, n: r.n });
      }
      return out;
    },

    /** The unit of the first annual figure in listing order among `units` (trusted ones only unless `includeDoubtful`). */
    firstListedUnit(q: RankQuery, units: readonly string[], includeDoubtful: boolean): string | null {
      const p: Record<string, unknown> = { key: q.key, mask: q.mask };
      const row = prepare(
        `SELECT h.unit FROM headline_facts h WHERE h.key = @key AND h.period = 'year' AND h.other_body = 0${scopeSql(q, 'h', p)}
           AND h.unit IN ${listSql('unit', units, p)}${includeDoubtful ? '' : ' AND (h.checks & @mask) = 0'}
         ORDER BY ${listingBy('h')} LIMIT 1`,
      ).get(p) as { unit: string } | undefined;
      return row?.unit ?? null;
    },

    /** True when some report in scope has an own figure of `key`. */
    hasFigure(q: RankQuery, key: string): boolean {
      const p: Record<string, unknown> = { k: key };
      return !!prepare(`SELECT 1 FROM headline_facts h WHERE h.key = @k AND h.other_body = 0${scopeSql(q, 'h', p)} LIMIT 1`).get(
        p,
      );
    },
  };
}
