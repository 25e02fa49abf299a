/** The reports of other bodies a comparison leaves out, counted so the reply can name them. */
import { rowBits } from '../domain/key-bits.js';
import { listingBy, type RankQuery } from './compare-rank-query.js';
import { listSql, scopeSql } from './compare-rank-sql.js';
import type { PrepareOnce } from './compare-statements.js';

/** Counts of the reports in scope whose body is not the comparison's. */
export function createOtherBodies(prepare: PrepareOnce) {
  return {
    /** Reports in scope having a figure of `keys` whose body is not `q.body`, by body, in order of first listing. */
    otherBodies(q: RankQuery): { body: string; n: number }[] {
      if (!q.body) return [];
      const bits = rowBits(q.keys);
      if (bits) {
        // Three index ranges of the family's rows (no body, before and after q.body), not every figure.
        const counts = new Map<string, number>();
        for (const cond of ['r.body IS NULL', 'r.body < @body', 'r.body > @body']) {
          const p: Record<string, unknown> = { body: q.body, family: bits.family, mask: bits.mask };
          const rows = prepare(
            `SELECT coalesce(r.body, '机构不详') AS body, count(*) AS n FROM headline_rows r INDEXED BY headline_rows_shape
             WHERE r.family = @family AND ${cond} AND (r.any & @mask) != 0${scopeSql({ ...q, body: null }, 'r', p)} GROUP BY 1`,
          ).all(p) as { body: string; n: number }[];
          for (const r of rows) counts.set(r.body, (counts.get(r.body) ?? 0) + r.n);
        }
        if (counts.size < 2) return [...counts].map(([body, n]) => ({ body, n }));
      }
      const p: Record<string, unknown> = { body: q.body };
      const where = `FROM headline_facts h INDEXED BY headline_facts_key_rank WHERE h.key IN ${listSql('k', q.keys, p)}${scopeSql(
        { ...q, body: null },
        'h',
        p,
      )} AND (h.body IS NULL OR h.body != @body)`;
      const counts = prepare(
        `SELECT coalesce(h.body, '机构不详') AS body, count(DISTINCT h.report_id) AS n ${where} GROUP BY 1`,
      ).all(p) as { body: string; n: number }[];
      if (counts.length < 2) return counts;
      // The order a reply names them in: the body's first report in listing order.
      const first = new Map(
        (
          prepare(
            `SELECT coalesce(h.body, '机构不详') AS body, min(rn) AS first FROM (
               SELECT h.body, row_number() OVER (ORDER BY ${listingBy('h')}) AS rn ${where}) h
             GROUP BY 1`,
          ).all(p) as { body: string; first: number }[]
        ).map((r) => [r.body, r.first]),
      );
      return counts.sort((a, b) => first.get(a.body)! - first.get(b.body)!);
    },
  };
}
