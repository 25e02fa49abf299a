import type { Statement } from 'better-sqlite3';
import type { CompareTier } from '../domain/compare-tier.js';
import { rowBits } from '../domain/key-bits.js';
import type { FactScope } from './headline-facts.js';
import type { DigestDb } from './open.js';

/** The facts a comparison ranks: the compared key's own figures in scope, in reports of `body`. */
export interface RankQuery {
  /** The row's columns (a report is a row when it has an own figure of one of them). */
  keys: readonly string[];
  /** The compared column. */
  key: string;
  scope: FactScope;
  body: string | null;
  /** headline_facts.checks bits that make a figure of `key` doubtful in a row of `keys` (doubtMask). */
  mask: number;
}

/** Figures of the compared key counted by tier, period, unit and doubt. */
export interface CellCount {
  tier: CompareTier;
  period: string;
  unit: string;
  doubtful: boolean;
  n: number;
}

/**
 * One sorted run of a tier group: the compared key's figures of one tier and period, either the counted ones
 * (trusted unless `includeDoubtful`, in `units`) or the annual ones that are not counted (`notCounted`).
 */
export interface Segment {
  tier: CompareTier;
  period: string;
  counted?: { units: readonly string[]; includeDoubtful: boolean; notCounted: boolean };
}

/** A ranked figure with what its tie order reads (value, then the region name, then the listing order). */
export interface RankedFact {
  reportId: number;
  normalized: number;
  regionName: string | null;
}

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

/** A figure of a row shown on a page (cells of every column). */
export interface RowFact {
  reportId: number;
  key: string;
  value: number;
  unit: string;
  approx: string;
  normalized: number;
  period: string;
  doubts: string;
  derived: string | null;
  otherBody: number;
  checks: number;
  tier: CompareTier;
  year: number | null;
  province: string | null;
  body: string | null;
  regionName: string | null;
  reportPeriod: string;
}

/** The report-listing order of headline_facts rows (a comparison's tie order). */
export const LISTING = 'province, region_name, year, report_id';

/** Scope and body conditions (on `alias`), and their parameters. */
function scopeSql(q: RankQuery, alias: string, p: Record<string, unknown>): string {
  const parts: string[] = [];
  if (q.scope.year) {
    parts.push(`${alias}.year BETWEEN @yearFrom AND @yearTo`);
    p.yearFrom = q.scope.year.from;
    p.yearTo = q.scope.year.to;
  }
  if (q.scope.province) {
    parts.push(`${alias}.province = @province`);
    p.province = q.scope.province;
  }
  if (q.scope.tier) {
    parts.push(`${alias}.tier = @scopeTier`);
    p.scopeTier = q.scope.tier;
  }
  if (q.body) {
    parts.push(`${alias}.body = @body`);
    p.body = q.body;
  }
  return parts.map((s) => ` AND ${s}`).join('');
}

/** `IN (@name0, @name1, …)` for a list. */
function listSql(name: string, values: readonly unknown[], p: Record<string, unknown>): string {
  for (const [i, v] of values.entries()) p[`${name}${i}`] = v;
  return `(${values.map((_, i) => `@${name}${i}`).join(', ')})`;
}

/** The compared key's own figures of a segment, as SQL over the `headline_facts_key_rank` index. */
export function segmentSql(q: RankQuery, s: Segment, p: Record<string, unknown>): string {
  p.key = q.key;
  p.tier = s.tier;
  p.period = s.period;
  p.mask = q.mask;
  let sql = `FROM headline_facts h INDEXED BY headline_facts_key_rank
    WHERE h.key = @key AND h.tier = @tier AND h.period = @period AND h.other_body = 0${scopeSql(q, 'h', p)}`;
  if (s.counted) {
    const counted = `(h.unit IN ${listSql('unit', s.counted.units, p)}${s.counted.includeDoubtful ? '' : ' AND (h.checks & @mask) = 0'})`;
    sql += s.counted.units.length ? ` AND ${s.counted.notCounted ? 'NOT ' : ''}${counted}` : s.counted.notCounted ? '' : ' AND 0';
  }
  return sql;
}

/** Own figures of `others` in scope whose report has no own figure of the compared key (`o`). */
function uncomparedFrom(q: RankQuery, others: readonly string[], p: Record<string, unknown>): string {
  p.key = q.key;
  const scope = scopeSql(q, 'o', p);
  // The compared key's reports once, as a list SQLite probes (a correlated look-up per figure was 10× slower).
  return `FROM headline_facts o INDEXED BY headline_facts_key_rank
    WHERE o.key IN ${listSql('k', others, p)} AND o.other_body = 0${scope}
      AND o.report_id NOT IN (SELECT o.report_id FROM headline_facts o INDEXED BY headline_facts_key_rank
        WHERE o.key = @key AND o.other_body = 0${scope})`;
}

/** Read-side queries a comparison ranks, groups and pages with, without reading every figure of the metric. */
export function createCompareRanks(db: DigestDb) {
  const statements = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.$client.prepare(sql)));
    return s;
  };
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
         ORDER BY ${LISTING.split(', ')
           .map((c) => `h.${c}`)
           .join(', ')} LIMIT 1`,
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
               SELECT h.body, row_number() OVER (ORDER BY ${LISTING.split(', ')
                 .map((c) => `h.${c}`)
                 .join(', ')}) AS rn ${where}) h
             GROUP BY 1`,
          ).all(p) as { body: string; first: number }[]
        ).map((r) => [r.body, r.first]),
      );
      return counts.sort((a, b) => first.get(a.body)! - first.get(b.body)!);
    },

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
         ORDER BY ${LISTING.split(', ')
           .map((c) => `o.${c}`)
           .join(', ')}`,
      ).all(p) as UncomparedFact[];
    },

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
           AND h.normalized BETWEEN @low AND @high ORDER BY ${LISTING.split(', ')
             .map((c) => `h.${c}`)
             .join(', ')}`,
      ).all(p) as RankedFact[];
    },

    /** Every figure of `keys` of the given reports (a page's rows). */
    rowFacts(reportIds: readonly number[], keys: readonly string[]): RowFact[] {
      if (!reportIds.length) return [];
      const p: Record<string, unknown> = {};
      return prepare(
        `SELECT report_id AS reportId, key, value, unit, approx, normalized, period, doubts, derived,
           other_body AS otherBody, checks, tier, year, province, body, region_name AS regionName,
           report_period AS reportPeriod
         FROM headline_facts WHERE report_id IN ${listSql('r', reportIds, p)} AND key IN ${listSql('k', keys, p)}`,
      ).all(p) as RowFact[];
    },
  };
}

/** The repository type. */
export type CompareRanks = ReturnType<typeof createCompareRanks>;

const perDb = new WeakMap<DigestDb['$client'], CompareRanks>();

/** The repository of a database, created once per connection (its statements prepared once). */
export function compareRanksOf(db: DigestDb): CompareRanks {
  let r = perDb.get(db.$client);
  if (!r) perDb.set(db.$client, (r = createCompareRanks(db)));
  return r;
}
