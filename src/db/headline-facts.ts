import { and, asc, count, countDistinct, eq, gt, gte, inArray, lte, notInArray, type SQL, sql } from 'drizzle-orm';
import type { CompareTier } from '../domain/compare-tier.js';
import type { DigestDb } from './open.js';
import { headlineFacts as hf } from './schema.js';

/** A row of the headline-facts read model as comparisons read it (no evidence, no wide report columns). */
export type HeadlineFact = Omit<typeof hf.$inferSelect, 'metricId' | 'checks'>;

/** Which reports a comparison covers: year range, province, tier (all optional). */
export interface FactScope {
  year: { from: number; to: number } | null;
  province: string | null;
  tier: CompareTier | null;
}

/** Facts of `keys` in reports matching `scope` (columns are the table's, `tier` its tierOf). */
function scopeWhere(keys: readonly string[], scope: FactScope): SQL | undefined {
  return and(
    inArray(hf.key, [...keys]),
    scope.year ? and(gte(hf.year, scope.year.from), lte(hf.year, scope.year.to)) : undefined,
    scope.province ? eq(hf.province, scope.province) : undefined,
    scope.tier ? eq(hf.tier, scope.tier) : undefined,
  );
}

const narrow = {
  reportId: hf.reportId,
  key: hf.key,
  value: hf.value,
  unit: hf.unit,
  approx: hf.approx,
  normalized: hf.normalized,
  period: hf.period,
  doubts: hf.doubts,
  derived: hf.derived,
  otherBody: hf.otherBody,
  tier: hf.tier,
  year: hf.year,
  province: hf.province,
  body: hf.body,
  regionName: hf.regionName,
  reportPeriod: hf.reportPeriod,
};

/** Read-side queries over `headline_facts`: comparisons, metric filters and standings without touching `metrics`. */
export function createHeadlineFacts(db: DigestDb) {
  const keyCount = db
    .select({ n: count() })
    .from(hf)
    .where(eq(hf.key, sql.placeholder('key')))
    .prepare();
  const above = db
    .select({ n: count() })
    .from(hf)
    .where(and(eq(hf.key, sql.placeholder('key')), gt(hf.normalized, sql.placeholder('value'))))
    .prepare();
  return {
    /**
     * Facts of `keys` in scope, in report-listing order (province, region, year, id) like the scope they
     * replace, so ties rank as before. Narrow rows: the key's index range, no evidence.
     */
    inScope(keys: readonly string[], scope: FactScope): HeadlineFact[] {
      if (!keys.length) return [];
      return db
        .select(narrow)
        .from(hf)
        .where(scopeWhere(keys, scope))
        .orderBy(asc(hf.province), asc(hf.regionName), asc(hf.year), asc(hf.reportId))
        .all();
    },

    /** Reports in scope having a headline figure of one of `keys` (another body's figures included). */
    reportCount(keys: readonly string[], scope: FactScope): number {
      if (!keys.length) return 0;
      return (
        db
          .select({ n: countDistinct(hf.reportId) })
          .from(hf)
          .where(scopeWhere(keys, scope))
          .get()?.n ?? 0
      );
    },

    /** Ids among `reportIds` (all reports when null) that have a headline figure of one of `keys`. */
    reportsWithKeys(keys: readonly string[], reportIds: readonly number[] | null): Set<number> {
      if (!keys.length) return new Set();
      const where = and(inArray(hf.key, [...keys]), reportIds ? inArray(hf.reportId, [...reportIds]) : undefined);
      return new Set(
        db
          .selectDistinct({ id: hf.reportId })
          .from(hf)
          .where(where)
          .all()
          .map((r) => r.id),
      );
    },

    /** The first of `keys` (in order) a report has a headline figure for, or null. */
    firstKeyOf(reportId: number, keys: readonly string[]): string | null {
      if (!keys.length) return null;
      const have = new Set(
        db
          .select({ key: hf.key })
          .from(hf)
          .where(and(eq(hf.reportId, reportId), inArray(hf.key, [...keys])))
          .all()
          .map((r) => r.key),
      );
      return keys.find((k) => have.has(k)) ?? null;
    },

    /** Facts of `key` (every report): how many, and how many have a larger normalized value. */
    rankOf(key: string, normalized: number): { total: number; above: number } {
      return { total: keyCount.get({ key })?.n ?? 0, above: above.get({ key, value: normalized })?.n ?? 0 };
    },

    /** Median normalized value of `key` over reports not in `except` (an indexed walk to the middle), or null. */
    medianOf(key: string, except: readonly number[]): { median: number; count: number } | null {
      const where = and(eq(hf.key, key), except.length ? notInArray(hf.reportId, [...except]) : undefined);
      const n = db.select({ n: count() }).from(hf).where(where).get()?.n ?? 0;
      if (!n) return null;
      const mid = db
        .select({ v: hf.normalized })
        .from(hf)
        .where(where)
        .orderBy(asc(hf.normalized))
        .limit(2 - (n % 2))
        .offset(Math.floor((n - 1) / 2))
        .all();
      return { median: mid.reduce((s, r) => s + r.v, 0) / mid.length, count: n };
    },
  };
}

/** The repository type. */
export type HeadlineFacts = ReturnType<typeof createHeadlineFacts>;

const perDb = new WeakMap<DigestDb['$client'], HeadlineFacts>();

/** The repository of a database, created once per connection (its statements prepared once). */
export function headlineFactsOf(db: DigestDb): HeadlineFacts {
  let r = perDb.get(db.$client);
  if (!r) perDb.set(db.$client, (r = createHeadlineFacts(db)));
  return r;
}
