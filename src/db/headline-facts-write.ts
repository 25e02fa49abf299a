import { and, asc, eq, sql } from 'drizzle-orm';
import { tierOf } from '../domain/compare-tier.js';
import { comparePeriod, factDoubts } from '../domain/fact-period.js';
import { readMeta, writeMeta } from './corpus-meta.js';
import { evidenceSql } from './evidence-ref.js';
import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from './schema.js';
import { headlineFacts, metrics, reports } from './schema.js';

/** DigestDb, spelled out: open.ts calls the fill, so importing its type from there would be a cycle. */
type DigestDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const id = sql.placeholder('id');

function prepare(db: DigestDb) {
  return {
    report: db
      .select({
        regionCode: reports.regionCode,
        regionLevel: reports.regionLevel,
        regionName: reports.regionName,
        province: reports.province,
        body: reports.body,
        year: reports.year,
        period: reports.period,
      })
      .from(reports)
      .where(eq(reports.id, id))
      .prepare(),
    facts: db
      .select({
        id: metrics.id,
        key: metrics.key,
        value: metrics.value,
        unit: metrics.unit,
        approx: metrics.approx,
        normalized: metrics.normalized,
        // The sentence as every reader gets it (a stored reference resolved into its paragraph).
        evidence: sql<string>`${sql.raw(evidenceSql())}`,
        period: metrics.period,
        bodyScope: metrics.bodyScope,
        confidence: metrics.confidence,
        // Raw text: rows stored before flags were JSON hold `;`-separated reasons, which JSON mode cannot read.
        flags: sql<string>`${metrics.flags}`,
        derived: metrics.derived,
      })
      .from(metrics)
      .where(and(eq(metrics.reportId, id), eq(metrics.headline, true)))
      .orderBy(asc(metrics.id))
      .prepare(),
    insert: db
      .insert(headlineFacts)
      .values({
        reportId: sql.placeholder('reportId'),
        key: sql.placeholder('key'),
        metricId: sql.placeholder('metricId'),
        value: sql.placeholder('value'),
        unit: sql.placeholder('unit'),
        approx: sql.placeholder('approx'),
        normalized: sql.placeholder('normalized'),
        period: sql.placeholder('period'),
        doubts: sql.placeholder('doubts'),
        derived: sql.placeholder('derived'),
        otherBody: sql.placeholder('otherBody'),
        tier: sql.placeholder('tier'),
        year: sql.placeholder('year'),
        province: sql.placeholder('province'),
        body: sql.placeholder('body'),
        regionName: sql.placeholder('regionName'),
        reportPeriod: sql.placeholder('reportPeriod'),
      })
      // The first headline fact of a key wins, as comparisons always read it.
      .onConflictDoNothing()
      .prepare(),
  };
}

const cache = new WeakMap<DigestDb['$client'], ReturnType<typeof prepare>>();

function statements(db: DigestDb): ReturnType<typeof prepare> {
  let s = cache.get(db.$client);
  if (!s) cache.set(db.$client, (s = prepare(db)));
  return s;
}

/** Fills the read model for one stored report from its rows; call inside the transaction that stored them. */
export function writeHeadlineFacts(db: DigestDb, reportId: number): number {
  const st = statements(db);
  const r = st.report.get({ id: reportId });
  if (!r) return 0;
  const tier = tierOf(r);
  let n = 0;
  for (const f of st.facts.all({ id: reportId })) {
    n += st.insert.run({
      reportId,
      key: f.key,
      metricId: f.id,
      value: f.value,
      unit: f.unit,
      approx: f.approx,
      normalized: f.normalized,
      period: comparePeriod(f),
      doubts: factDoubts(f),
      derived: f.derived,
      otherBody: f.bodyScope === 'other',
      tier,
      year: r.year,
      province: r.province,
      body: r.body,
      regionName: r.regionName,
      reportPeriod: r.period,
    }).changes;
  }
  return n;
}

/** Rewrites one report's read-model rows after its headline figures changed (the outlier pass). */
export function refreshHeadlineFacts(db: DigestDb, reportId: number): number {
  db.delete(headlineFacts).where(eq(headlineFacts.reportId, reportId)).run();
  return writeHeadlineFacts(db, reportId);
}

/**
 * Fills the read model for every report when the migration that added it left it empty (flag
 * `headline_facts` 0): the compare period reads evidence with JS, so SQL alone cannot. One transaction.
 */
export function fillHeadlineFactsIfNeeded(db: DigestDb): number {
  const client = db.$client;
  if (readMeta(client, 'headline_facts') === 1) return 0;
  let n = 0;
  client.transaction(() => {
    db.delete(headlineFacts).run();
    for (const r of db.select({ id: reports.id }).from(reports).orderBy(asc(reports.id)).all()) n += writeHeadlineFacts(db, r.id);
    writeMeta(client, 'headline_facts', 1);
  })();
  return n;
}
