import { deflateSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import type { DigestDb } from '../db/open.js';
import { toFtsText } from '../db/fts-text.js';
import { metrics, paragraphs, parts, reportFiles, reports, sections } from '../db/schema.js';
import type { ExtractedReport } from '../domain/report.js';
import { adjustTermDf } from './term-df.js';

/** Where a stored report came from on disk. */
export interface FileStamp {
  path: string;
  size: number;
  mtimeMs: number;
}

/** Outcome of storing one extraction. */
export type StoreOutcome = 'ingested' | 'unchanged';

/**
 * Stores one extracted report and points `stamp.path` at it, in one transaction.
 * The same normalized text under another name joins the existing report; a changed file replaces the
 * report it pointed to when no other file still holds that report.
 */
export function storeReport(db: DigestDb, report: ExtractedReport, stamp: FileStamp, now = new Date()): StoreOutcome {
  // better-sqlite3 runs everything on one connection, so statements on `db` inside this callback are part
  // of the transaction (the raw FTS statements need the client, which drizzle's `tx` does not expose).
  return db.transaction(() => {
    const tx = db;
    const existing = tx.select({ id: reports.id }).from(reports).where(eq(reports.hash, report.hash)).get();
    const previous = tx.select().from(reportFiles).where(eq(reportFiles.path, stamp.path)).get();
    let reportId = existing?.id;
    let outcome: StoreOutcome = 'unchanged';
    if (reportId === undefined) {
      reportId = insertReport(db, report, now);
      outcome = 'ingested';
    }
    tx.insert(reportFiles)
      .values({ path: stamp.path, reportId, hash: report.hash, size: stamp.size, mtimeMs: stamp.mtimeMs })
      .onConflictDoUpdate({
        target: reportFiles.path,
        set: { reportId, hash: report.hash, size: stamp.size, mtimeMs: stamp.mtimeMs },
      })
      .run();
    if (previous && previous.reportId !== reportId) dropIfOrphaned(db, previous.reportId);
    return outcome;
  });
}

function insertReport(db: DigestDb, r: ExtractedReport, now: Date): number {
  const m = r.meta;
  const row = db
    .insert(reports)
    .values({
      hash: r.hash,
      sourceFile: r.file,
      title: m.title,
      body: m.body,
      kind: m.kind,
      regionCode: m.region?.code ?? null,
      regionName: m.region?.name ?? null,
      regionShort: m.region?.short ?? null,
      regionLevel: m.region?.level ?? null,
      regionTier: m.region?.tier ?? null,
      province: m.region?.province ?? null,
      parent: m.region?.parent ?? null,
      year: m.year,
      deliveredOn: m.deliveredOn,
      speaker: m.speaker,
      session: m.session,
      sourceUrl: r.sourceUrl,
      script: r.normalized.script,
      encoding: r.encoding,
      textLength: r.normalized.text.length,
      original: deflateSync(Buffer.from(r.original, 'utf8')),
      summary: r.summary,
      planSummary: r.planSummary,
      keywords: r.keywords,
      terms: r.terms,
      ingestedAt: now.toISOString(),
    })
    .returning({ id: reports.id })
    .get();
  const reportId = row.id;

  r.outline.parts.forEach((p, ord) => {
    db.insert(parts).values({ reportId, ord, title: p.title, scope: p.scope, start: p.start, end: p.end }).run();
  });
  r.outline.sections.forEach((s, ord) => {
    db.insert(sections)
      .values({ reportId, ord, path: s.path, title: s.title, level: s.level, scope: s.scope, start: s.start, end: s.end, summary: s.summary ?? [] })
      .run();
  });
  const headlines = new Set(Object.values(r.headline));
  for (const f of r.metrics) insertMetric(db, reportId, f, headlines.has(f));
  for (const f of headlines) if (!r.metrics.includes(f)) insertMetric(db, reportId, f, true);

  const ftsInsert = db.$client.prepare('INSERT INTO paragraphs_fts(rowid, body) VALUES (?, ?)');
  r.paragraphs.forEach((p, ord) => {
    const { id } = db.insert(paragraphs).values({ reportId, ord, sectionPath: p.sectionPath, text: p.text }).returning({ id: paragraphs.id }).get();
    ftsInsert.run(id, toFtsText(p.text));
  });
  adjustTermDf(db, Object.keys(r.terms), +1);
  return reportId;
}

function insertMetric(db: DigestDb, reportId: number, f: ExtractedReport['metrics'][number], headline: boolean): void {
  db.insert(metrics)
    .values({
      reportId,
      key: f.key,
      label: f.label,
      value: f.value,
      unit: f.unit,
      approx: f.approx,
      lower: f.lower,
      upper: f.upper,
      normalized: f.normalized,
      scope: f.scope,
      period: f.period,
      evidence: f.evidence,
      sectionPath: f.sectionPath,
      offset: f.offset,
      headline,
    })
    .run();
}

/** Deletes a report that no file points to any more (its rows cascade). */
function dropIfOrphaned(db: DigestDb, reportId: number): void {
  const holder = db.select({ path: reportFiles.path }).from(reportFiles).where(eq(reportFiles.reportId, reportId)).get();
  if (holder) return;
  const gone = db.select({ terms: reports.terms }).from(reports).where(eq(reports.id, reportId)).get();
  if (!gone) return;
  adjustTermDf(db, Object.keys(gone.terms), -1);
  db.delete(reports).where(eq(reports.id, reportId)).run();
}
