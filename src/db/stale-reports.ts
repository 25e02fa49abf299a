import { asc, eq, ne } from 'drizzle-orm';
import type { DigestDb } from './open.js';
import { unpackOriginal } from './original-text.js';
import { paragraphs, reportFiles, reportOriginals, reports } from './schema.js';

/** What a stored report was extracted from: enough to run the pipeline again without its file. */
export interface StoredSource {
  id: number;
  sourceFile: string;
  sourceUrl: string | null;
  encoding: string;
  original: string;
  /** The raw page's title and date; null when the report was stored before they were kept. */
  page: { title: string | null; date: string | null } | null;
  /** The files holding the report, with the stamps they had when stored. */
  files: { path: string; size: number; mtimeMs: number }[];
}

/** Ids of the reports extracted by another extractor version than `version`, oldest first. */
export function staleReportIds(db: DigestDb, version: number): number[] {
  return db
    .select({ id: reports.id })
    .from(reports)
    .where(ne(reports.extractorVersion, version))
    .orderBy(reports.id)
    .all()
    .map((r) => r.id);
}

/** The stored original of a report and what it came from, or undefined when the report is gone. */
export function storedSource(db: DigestDb, id: number): StoredSource | undefined {
  const row = db
    .select({
      sourceFile: reports.sourceFile,
      sourceUrl: reports.sourceUrl,
      encoding: reports.encoding,
      original: reportOriginals.original,
      page: reportOriginals.page,
    })
    .from(reports)
    .innerJoin(reportOriginals, eq(reportOriginals.reportId, reports.id))
    .where(eq(reports.id, id))
    .get();
  if (!row) return undefined;
  const files = db
    .select({ path: reportFiles.path, size: reportFiles.size, mtimeMs: reportFiles.mtimeMs })
    .from(reportFiles)
    .where(eq(reportFiles.reportId, id))
    .all();
  const original = unpackOriginal(row.original, () =>
    db
      .select({ text: paragraphs.text })
      .from(paragraphs)
      .where(eq(paragraphs.reportId, id))
      .orderBy(asc(paragraphs.ord))
      .all()
      .map((p) => p.text),
  );
  return { id, ...row, original, page: row.page ?? null, files };
}
