import { and, asc, eq, sql } from 'drizzle-orm';
import { tierOf } from '../domain/compare-tier.js';
import { comparePeriod, factDoubts } from '../domain/fact-period.js';
import { BITS_SIGNATURE, keyBit } from '../domain/key-bits.js';
import { CHECK_OWN_DOUBTS, CHECK_RATE, CHECKS_SIGNATURE, CROSS_CHECKS, rateFails } from '../domain/cross-checks.js';
import { readMeta, writeMeta } from './corpus-meta.js';
import { evidenceSql } from './evidence-ref.js';
import type Database from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from './schema.js';
import { headlineFacts, headlineRows, metrics, reports } from './schema.js';

/** What the stored checks and key bits mean (either changing refills the read model). */
const SIGNATURE = (CHECKS_SIGNATURE * 31 + BITS_SIGNATURE) % 2147483647;

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
    // Plain statements, values bound as drizzle would write them (doubts as JSON, booleans 0/1): drizzle's
    // placeholder filling and value mapping cost as much as the inserts into the table and its indexes.
    // The first headline fact of a key wins, as comparisons always read it.
    insert: db.$client.prepare(
      `INSERT INTO headline_facts (report_id, key, metric_id, value, unit, approx, normalized, period, doubts, derived,
         other_body, tier, year, province, body, region_name, report_period, checks)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ),
    insertRow: db.$client.prepare(
      `INSERT INTO headline_rows (report_id, family, own, any, annual, periods, tier, year, province, body)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
  };
}

const cache = new WeakMap<DigestDb['$client'], ReturnType<typeof prepare>>();

function statements(db: DigestDb): ReturnType<typeof prepare> {
  let s = cache.get(db.$client);
  if (!s) cache.set(db.$client, (s = prepare(db)));
  return s;
}

/** A report's facts as the read model holds them: the first headline fact of each key. */
type Fact = ReturnType<ReturnType<typeof prepare>['facts']['all']>[number];

/** headline_facts.checks of each of a report's facts (first per key), as a comparison row's checks decide them. */
function checksOf(facts: Map<string, Fact & { period: string; doubts: string[] }>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, f] of facts) out.set(key, (f.doubts.length ? CHECK_OWN_DOUBTS : 0) | (rateFails(f) ? CHECK_RATE : 0));
  for (const x of CROSS_CHECKS) {
    const a = facts.get(x.a);
    const b = facts.get(x.b);
    // Another body's figure is no cell of the row, so it checks nothing.
    if (!a || !b || a.bodyScope === 'other' || b.bodyScope === 'other' || a.period !== b.period) continue;
    if (!x.fails(a.normalized, b.normalized)) continue;
    out.set(x.a, out.get(x.a)! | x.bit);
    out.set(x.b, out.get(x.b)! | x.bit);
  }
  return out;
}

/** A report's headline_rows: per family, the bits of its keys with a figure, an own one, an annual one. */
function rowsOf(facts: Iterable<{ key: string; bodyScope: string; period: string }>) {
  const rows = new Map<string, { family: string; own: number; any: number; annual: number; periods: [number, string][] }>();
  for (const f of facts) {
    const b = keyBit(f.key);
    if (!b) continue;
    let row = rows.get(b.family);
    if (!row) rows.set(b.family, (row = { family: b.family, own: 0, any: 0, annual: 0, periods: [] }));
    row.any |= b.bit;
    if (f.bodyScope === 'other') continue;
    row.own |= b.bit;
    if (f.period === 'year') row.annual |= b.bit;
    else row.periods.push([b.bit, f.period]);
  }
  return [...rows.values()].map(({ periods, ...row }) => ({
    ...row,
    periods: periods
      .sort((a, b) => a[0] - b[0])
      .map(([bit, p]) => `${bit}:${p}`)
      .join(','),
  }));
}

/** The report columns the read model copies into its rows. */
export type FactReport = NonNullable<ReturnType<ReturnType<typeof prepare>['report']['get']>>;

/** A stored headline fact as the read model takes it (evidence resolved, flags as their stored text). */
export type StoredHeadlineFact = Fact;

/** Fills the read model for one stored report from its rows; call inside the transaction that stored them. */
export function writeHeadlineFacts(db: DigestDb, reportId: number): number {
  const st = statements(db);
  const r = st.report.get({ id: reportId });
  if (!r) return 0;
  return writeHeadlineFactsOf(db, reportId, r, st.facts.all({ id: reportId }));
}

/**
 * Fills the read model for one report from values the caller holds: the report's columns and its headline
 * facts in id order, exactly as stored (the writer, which has just bound them, instead of reading them back).
 */
export function writeHeadlineFactsOf(db: DigestDb, reportId: number, r: FactReport, facts: readonly Fact[]): number {
  const st = statements(db);
  const tier = tierOf(r);
  // The first headline fact of a key wins, as comparisons always read it.
  const first = new Map<string, Fact & { period: string; doubts: string[] }>();
  for (const f of facts) if (!first.has(f.key)) first.set(f.key, { ...f, period: comparePeriod(f), doubts: factDoubts(f) });
  const checks = checksOf(first);
  for (const row of rowsOf(first.values()))
    st.insertRow.run(reportId, row.family, row.own, row.any, row.annual, row.periods, tier, r.year, r.province, r.body);
  let n = 0;
  for (const f of first.values()) {
    n += st.insert.run(
      reportId,
      f.key,
      f.id,
      f.value,
      f.unit,
      f.approx,
      f.normalized,
      f.period,
      JSON.stringify(f.doubts),
      f.derived,
      f.bodyScope === 'other' ? 1 : 0,
      tier,
      r.year,
      r.province,
      r.body,
      r.regionName,
      r.period,
      checks.get(f.key) ?? 0,
    ).changes;
  }
  return n;
}

/** Rewrites one report's read-model rows after its headline figures changed (the outlier pass). */
export function refreshHeadlineFacts(db: DigestDb, reportId: number): number {
  db.delete(headlineFacts).where(eq(headlineFacts.reportId, reportId)).run();
  db.delete(headlineRows).where(eq(headlineRows.reportId, reportId)).run();
  return writeHeadlineFacts(db, reportId);
}

/**
 * Fills the read model for every report when the migration that added it left it empty (flag
 * `headline_facts` 0), or when its stored bits mean another list of checks or keys (`headline_checks` is not
 * SIGNATURE): the compare period reads evidence with JS, so SQL alone cannot. One transaction.
 */
export function fillHeadlineFactsIfNeeded(db: DigestDb): number {
  const client = db.$client;
  const filled = () => readMeta(client, 'headline_facts') === 1 && readMeta(client, 'headline_checks') === SIGNATURE;
  if (filled()) return 0;
  let n = 0;
  // Immediate, and asked again under the write lock: another process opening the database meanwhile may have
  // filled it while this one waited (at 100,000 reports a fill is over a minute of work).
  client
    .transaction(() => {
      if (filled()) return;
      // The secondary indexes built once after the rows, from sorted keys, instead of updated by every insert
      // (most of a fill's time was those random index inserts). Their SQL is read back, so they stay as defined.
      const indexes = client
        .prepare(
          `SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('headline_facts', 'headline_rows')`,
        )
        .all() as { name: string; sql: string }[];
      for (const i of indexes) client.exec(`DROP INDEX "${i.name}"`);
      db.delete(headlineFacts).run();
      db.delete(headlineRows).run();
      for (const r of db.select({ id: reports.id }).from(reports).orderBy(asc(reports.id)).all())
        n += writeHeadlineFacts(db, r.id);
      for (const i of indexes) client.exec(i.sql);
      writeMeta(client, 'headline_facts', 1);
      writeMeta(client, 'headline_checks', SIGNATURE);
    })
    .immediate();
  return n;
}
