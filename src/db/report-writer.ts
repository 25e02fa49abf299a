import type Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import { and, count, eq, ne } from 'drizzle-orm';
import type { DigestDb } from './open.js';
import { markCorpusChanged } from './corpus-meta.js';
import { evidenceRef, paragraphStarts } from './evidence-ref.js';
import { charCount, toGramText } from './gram-index.js';
import { type StoredHeadlineFact, writeHeadlineFactsOf } from './headline-facts-write.js';
import { addHeadlineLabels, type LabelledFact } from './headline-labels.js';
import { packOriginal } from './original-text.js';
import { type ParagraphIndex, packSentences } from './summary-refs.js';
import { reportFiles, reports } from './schema.js';
import type { ExtractedReport } from '../domain/report.js';
import { applyTermDeltas, countTerms } from './term-df.js';
import { encodeTermCounts } from './term-counts.js';

/** Where a stored report came from on disk. */
export interface FileStamp {
  path: string;
  size: number;
  mtimeMs: number;
}

/** Outcome of storing one extraction. */
export type StoreOutcome = 'ingested' | 'unchanged';

/** One extraction to store, with the file it came from. */
export interface StoreItem {
  report: ExtractedReport;
  stamp: FileStamp;
}

/** What storing one report of a batch did: its outcome, or the error that rolled that report back. */
export type StoreResult = { outcome: StoreOutcome } | { error: unknown };

/** Search-index rows of a batch, written after all its reports (see storeReports). */
type GramRows = [paragraphId: number | bigint, body: string][];

/**
 * What a batch writes after all its reports' savepoints, from the reports that were kept: their search-index
 * rows (see storeReports) and their terms, added to the document frequencies once per distinct term.
 */
interface Deferred {
  grams: GramRows;
  /** Document-frequency change per term (+1 for each stored report holding it, -1 for each dropped one). */
  terms: Map<string, number>;
}

/**
 * Stores one extracted report and points `stamp.path` at it, in one transaction.
 * The same normalized text under another name joins the existing report; a changed file replaces the
 * report it pointed to when no other file still holds that report.
 */
export function storeReport(db: DigestDb, report: ExtractedReport, stamp: FileStamp, now = new Date()): StoreOutcome {
  const [result] = storeReports(db, [{ report, stamp }], now);
  if (!result || 'error' in result) throw result?.error;
  return result.outcome;
}

/**
 * Stores a batch of extractions in ONE write transaction, each report all-or-nothing in its own savepoint: a
 * report that fails is rolled back alone and reported, the others are kept; a crash before the commit keeps
 * none of the batch. One commit and one search-index segment per batch instead of per report: the index's
 * rows are written after every report's savepoint, because FTS5 flushes its pending rows to a new segment at
 * each savepoint opened after them (that flush and the commit were half the time of storing a report).
 */
export function storeReports(db: DigestDb, items: readonly StoreItem[], now = new Date()): StoreResult[] {
  const client = db.$client;
  // Immediate: the transaction reads before it writes, and a deferred one would fail at once (SQLITE_BUSY)
  // instead of waiting out the busy timeout when another process writes meanwhile.
  return client
    .transaction(() => {
      const deferred: Deferred = { grams: [], terms: new Map() };
      let changed = false;
      const results = items.map((item): StoreResult => {
        const own: Deferred = { grams: [], terms: new Map() };
        try {
          // Nested, better-sqlite3 runs it as a savepoint: an error rolls back this report's rows only.
          const stored = client.transaction(() => storeOne(db, item.report, item.stamp, now, own))();
          for (const g of own.grams) deferred.grams.push(g);
          for (const [term, delta] of own.terms) deferred.terms.set(term, (deferred.terms.get(term) ?? 0) + delta);
          changed ||= stored.changed;
          return { outcome: stored.outcome };
        } catch (error) {
          // SQLite rolls the whole transaction back on some errors (disk full, I/O): then nothing of the
          // batch may be written outside it, one statement at a time.
          if (!client.inTransaction) throw error;
          return { error };
        }
      });
      if (changed) markCorpusChanged(client);
      writeDeferred(db, deferred);
      return results;
    })
    .immediate();
}

/** One report's rows (not its search-index rows and term counts: those go to `deferred`), inside the caller's transaction. */
function storeOne(
  db: DigestDb,
  report: ExtractedReport,
  stamp: FileStamp,
  now: Date,
  deferred: Deferred,
): { outcome: StoreOutcome; changed: boolean } {
  const st = statements(db);
  const existing = st.reportByHash.get(report.hash) as { id: number } | undefined;
  const previous = st.fileByPath.get(stamp.path) as { reportId: number } | undefined;
  let reportId = existing?.id;
  let outcome: StoreOutcome = 'unchanged';
  if (reportId === undefined) {
    reportId = insertReport(db, report, now, deferred);
    outcome = 'ingested';
  }
  st.file.run(stamp.path, reportId, report.hash, stamp.size, stamp.mtimeMs);
  const dropped = previous && previous.reportId !== reportId ? dropIfOrphaned(db, previous.reportId, deferred) : false;
  return { outcome, changed: outcome === 'ingested' || dropped };
}

/**
 * Replaces a stored report by a new extraction of its own original, in one transaction: its rows are deleted
 * and the extraction stored through the same insert as an ingest, under the same id and ingest date (so
 * deliveries and "new this week" still refer to it), and the files holding it point at it again. When the
 * new text hash is another report's, the files join that one, as an ingest would. False when the report is
 * gone or already at this extraction's version (another process did it).
 */
export function replaceReport(db: DigestDb, reportId: number, report: ExtractedReport): boolean {
  return db.transaction(
    () => {
      const old = db
        .select({ terms: reports.terms, ingestedAt: reports.ingestedAt, version: reports.extractorVersion })
        .from(reports)
        .where(eq(reports.id, reportId))
        .get();
      if (!old || old.version === report.extractorVersion) return false;
      const files = db.select().from(reportFiles).where(eq(reportFiles.reportId, reportId)).all();
      const same = db
        .select({ id: reports.id })
        .from(reports)
        .where(and(eq(reports.hash, report.hash), ne(reports.id, reportId)))
        .get();
      const deferred: Deferred = { grams: [], terms: new Map() };
      countTerms(deferred.terms, Object.keys(old.terms), -1);
      // Cascades to its parts, sections, metrics, paragraphs, search rows, original and file links.
      db.delete(reports).where(eq(reports.id, reportId)).run();
      const id = same?.id ?? insertReport(db, report, new Date(old.ingestedAt), deferred, reportId);
      for (const f of files)
        db.insert(reportFiles)
          .values({ ...f, reportId: id, hash: report.hash })
          .run();
      markCorpusChanged(db.$client);
      writeDeferred(db, deferred);
      return true;
    },
    { behavior: 'immediate' },
  );
}

/** Insert statements of one connection, prepared once: drizzle's query builder costs more than the insert. */
interface InsertStatements {
  report: Statement;
  part: Statement;
  section: Statement;
  metric: Statement;
  original: Statement;
  paragraph: Statement;
  grams: Statement;
  file: Statement;
  reportByHash: Statement;
  fileByPath: Statement;
}

const prepared = new WeakMap<Database.Database, InsertStatements>();

function statements(db: DigestDb): InsertStatements {
  const client = db.$client;
  let s = prepared.get(client);
  if (!s) {
    s = {
      report: client.prepare(
        `INSERT INTO reports (id, hash, source_file, title, body, kind, region_code, region_name, region_short, region_level,
           region_tier, province, parent, year, period, delivered_on, speaker, session, source_url, script, encoding,
           text_length, summary, plan_summary, keywords, terms, extractor_version, ingested_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      part: client.prepare('INSERT INTO parts (report_id, ord, title, scope, start, "end") VALUES (?, ?, ?, ?, ?, ?)'),
      section: client.prepare(
        'INSERT INTO sections (report_id, ord, path, title, level, scope, start, "end", summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      metric: client.prepare(
        `INSERT INTO metrics (report_id, key, label, value, unit, approx, lower, upper, normalized, scope, period, evidence,
           evidence_ord, evidence_at, evidence_len, section_path, offset, headline, body_scope, confidence, rule, flags, derived)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      paragraph: client.prepare('INSERT INTO paragraphs (report_id, ord, section_path, text, chars) VALUES (?, ?, ?, ?, ?)'),
      original: client.prepare('INSERT INTO report_originals (report_id, original, page) VALUES (?, ?, ?)'),
      grams: client.prepare('INSERT INTO paragraph_grams(rowid, body) VALUES (?, ?)'),
      file: client.prepare(
        `INSERT INTO report_files (path, report_id, hash, size, mtime_ms) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (path) DO UPDATE SET report_id = excluded.report_id, hash = excluded.hash, size = excluded.size,
           mtime_ms = excluded.mtime_ms`,
      ),
      reportByHash: client.prepare('SELECT id FROM reports WHERE hash = ?'),
      fileByPath: client.prepare('SELECT report_id AS reportId FROM report_files WHERE path = ?'),
    };
    prepared.set(client, s);
  }
  return s;
}

// Values are bound as drizzle would write them: JSON columns stringified, booleans as 0/1, absent as NULL.
// `id` null takes the next id; a re-extraction passes the report's own id so references to it stay valid.
function insertReport(db: DigestDb, r: ExtractedReport, now: Date, deferred: Deferred, id: number | null = null): number {
  const m = r.meta;
  const st = statements(db);
  const texts = r.paragraphs.map((p) => p.text);
  // Summaries and evidence are sentences of the paragraphs: stored as references to them, not a second copy.
  const index: ParagraphIndex = { text: r.normalized.text, texts, starts: paragraphStarts(r.normalized.text, texts) };
  const reportId = Number(
    st.report.run(
      id,
      r.hash,
      r.file,
      m.title ?? null,
      m.body ?? null,
      m.kind ?? null,
      m.region?.code ?? null,
      m.region?.name ?? null,
      m.region?.short ?? null,
      m.region?.level ?? null,
      m.region?.tier ?? null,
      m.region?.province ?? null,
      m.region?.parent ?? null,
      m.year ?? null,
      m.period,
      m.deliveredOn ?? null,
      m.speaker ?? null,
      m.session ?? null,
      r.sourceUrl ?? null,
      r.normalized.script,
      r.encoding,
      r.normalized.text.length,
      packSentences(r.summary, index),
      packSentences(r.planSummary, index),
      JSON.stringify(r.keywords),
      encodeTermCounts(r.terms),
      r.extractorVersion,
      now.toISOString(),
    ).lastInsertRowid,
  );

  st.original.run(reportId, packOriginal(r.original, texts), JSON.stringify(r.page));
  r.outline.parts.forEach((p, ord) => {
    st.part.run(reportId, ord, p.title, p.scope, p.start, p.end);
  });
  r.outline.sections.forEach((s, ord) => {
    st.section.run(
      reportId,
      ord,
      s.path,
      s.title,
      s.level,
      s.scope ?? null,
      s.start,
      s.end,
      packSentences(s.summary ?? [], index, s.start),
    );
  });
  const headlines = new Set(Object.values(r.headline));
  // The headline facts as just stored, in id order: the labels and the read model are written from them.
  const stored: (StoredHeadlineFact & LabelledFact)[] = [];
  const metric = (f: ExtractedReport['metrics'][number], headline: boolean) => {
    const id = insertMetric(st, reportId, f, headline, index);
    if (headline) stored.push(storedFact(id, f));
  };
  for (const f of r.metrics) metric(f, headlines.has(f));
  for (const f of headlines) if (!r.metrics.includes(f)) metric(f, true);
  addHeadlineLabels(db.$client, stored);

  r.paragraphs.forEach((p, ord) => {
    const id = st.paragraph.run(reportId, ord, p.sectionPath ?? null, p.text, charCount(p.text)).lastInsertRowid;
    deferred.grams.push([id, toGramText(p.text)]);
  });
  countTerms(deferred.terms, Object.keys(r.terms), +1);
  const columns = {
    regionCode: m.region?.code ?? null,
    regionLevel: m.region?.level ?? null,
    regionName: m.region?.name ?? null,
    province: m.region?.province ?? null,
    body: m.body ?? null,
    year: m.year ?? null,
    period: m.period,
  };
  writeHeadlineFactsOf(db, reportId, columns, stored);
  return reportId;
}

/** A headline fact as writeHeadlineFacts would read it back: evidence resolved, flags as their stored JSON. */
function storedFact(id: number, f: ExtractedReport['metrics'][number]): StoredHeadlineFact & LabelledFact {
  return {
    id,
    key: f.key,
    label: f.label,
    value: f.value,
    unit: f.unit,
    approx: f.approx,
    normalized: f.normalized,
    evidence: f.evidence,
    period: f.period,
    bodyScope: f.bodyScope,
    confidence: f.confidence,
    flags: JSON.stringify(f.flags),
    derived: f.derived ?? null,
  };
}

function insertMetric(
  st: InsertStatements,
  reportId: number,
  f: ExtractedReport['metrics'][number],
  headline: boolean,
  paragraphs: ParagraphIndex,
): number {
  // The evidence is one of the report's paragraphs' substrings almost always: stored as a reference, not again.
  const ref = evidenceRef(paragraphs.texts, paragraphs.starts, f.evidence, f.offset);
  const { lastInsertRowid } = st.metric.run(
    reportId,
    f.key,
    f.label,
    f.value,
    f.unit,
    f.approx,
    f.lower ?? null,
    f.upper ?? null,
    f.normalized,
    f.scope ?? null,
    f.period,
    ref ? '' : f.evidence,
    ref?.ord ?? null,
    ref?.at ?? null,
    ref?.len ?? null,
    f.sectionPath ?? null,
    f.offset,
    headline ? 1 : 0,
    f.bodyScope,
    f.confidence,
    f.rule,
    JSON.stringify(f.flags),
    f.derived ?? null,
  );
  return Number(lastInsertRowid);
}

/** Writes a batch's deferred rows, after the reports' savepoints (see storeReports). */
function writeDeferred(db: DigestDb, deferred: Deferred): void {
  applyTermDeltas(db, deferred.terms);
  // Last: any later statement that opens a savepoint would flush the index rows to a segment of their own.
  const st = statements(db);
  for (const [id, body] of deferred.grams) st.grams.run(id, body);
}

/** Deletes a report that no file points to any more (its rows cascade; its terms count down with the batch's). */
function dropIfOrphaned(db: DigestDb, reportId: number, deferred: Deferred): boolean {
  const holder = db.select({ path: reportFiles.path }).from(reportFiles).where(eq(reportFiles.reportId, reportId)).get();
  if (holder) return false;
  const gone = db.select({ terms: reports.terms }).from(reports).where(eq(reports.id, reportId)).get();
  if (!gone) return false;
  countTerms(deferred.terms, Object.keys(gone.terms), -1);
  db.delete(reports).where(eq(reports.id, reportId)).run();
  return true;
}

/** The report stored from a file path (an upload just ingested), or undefined. */
export function reportIdForFile(db: DigestDb, path: string): number | undefined {
  return db.select({ id: reportFiles.reportId }).from(reportFiles).where(eq(reportFiles.path, path)).get()?.id;
}

/** How many reports the corpus holds. */
export function reportCount(db: DigestDb): number {
  return db.select({ n: count() }).from(reports).get()?.n ?? 0;
}
