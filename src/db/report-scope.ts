import { and, asc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { FactScope } from './headline-facts.js';
import type { DigestDb } from './open.js';
import { REF_COLUMNS } from './report-columns.js';
import type { ReportRef } from './report-store.js';
import { reports } from './schema.js';

/** The report columns tierOf reads. */
type TierColumns = { regionCode: string | null; regionLevel: string | null; regionName: string | null };

function where(scope: FactScope): SQL | undefined {
  return and(
    scope.year ? and(gte(reports.year, scope.year.from), lte(reports.year, scope.year.to)) : undefined,
    scope.province ? eq(reports.province, scope.province) : undefined,
  );
}

/**
 * How many reports match `scope`, counted in SQL instead of filtering every listing row in JS; the tier filter
 * is applied per distinct region (tierOf reads the gazetteer), not per report.
 */
export function scopeCount(db: DigestDb, scope: FactScope, tierOf: (r: TierColumns) => string): number {
  if (!scope.tier) return db.select({ n: sql<number>`count(*)` }).from(reports).where(where(scope)).get()?.n ?? 0;
  return db
    .select({
      regionCode: reports.regionCode,
      regionLevel: reports.regionLevel,
      regionName: reports.regionName,
      n: sql<number>`count(*)`,
    })
    .from(reports)
    .where(where(scope))
    .groupBy(reports.regionCode, reports.regionLevel, reports.regionName)
    .all()
    .reduce((n, r) => n + (tierOf(r) === scope.tier ? r.n : 0), 0);
}

/** A province's reports in listing order (region, year, id): one range of the `reports_listing` index. */
export function provinceRefs(db: DigestDb, province: string): ReportRef[] {
  return db
    .select(REF_COLUMNS)
    .from(reports)
    .where(eq(reports.province, province))
    .orderBy(asc(reports.province), asc(reports.regionName), asc(reports.year), asc(reports.id))
    .all();
}

/** Listing columns of the reports among `ids` that match `scope`, by id (chunked below SQLite's variable limit). */
export function refsInScope(
  db: DigestDb,
  ids: readonly number[],
  scope: FactScope,
  tierOf: (r: TierColumns) => string,
): Map<number, ReportRef> {
  const out = new Map<number, ReportRef>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = db
      .select(REF_COLUMNS)
      .from(reports)
      .where(and(inArray(reports.id, ids.slice(i, i + 500)), where(scope)))
      .all();
    for (const r of rows) if (!scope.tier || tierOf(r) === scope.tier) out.set(r.id, r);
  }
  return out;
}
