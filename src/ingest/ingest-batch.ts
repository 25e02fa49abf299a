import { statSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { DigestDb } from '../db/open.js';
import { reportFiles } from '../db/schema.js';
import { withBusyRetry } from '../db/busy-retry.js';
import type { UploadedFile } from '../domain/upload.js';
import { isUrl } from '../domain/url.js';
import type { FetchOptions } from './fetch/fetch-url.js';
import { listInputs } from './list-inputs.js';
import { loadExtractor } from './load-extractor.js';
import { flagOutliers, type OutlierPass } from './outliers.js';
import { refreshKeywords } from './refresh-keywords.js';
import { isDatabaseError, skipReason } from './skip-reason.js';
import { type StoreItem, type StoreResult, storeReports } from '../db/report-writer.js';

/** What one `ingest` call did. */
export interface IngestSummary {
  ingested: number;
  unchanged: number;
  /** Every file or entry not stored, with the reason in Chinese (hidden files, pipes and broken links too). */
  skipped: { file: string; reason: string }[];
  /** Of `skipped`, the files that were fine but not stored for a database reason (busy, full, broken). */
  databaseErrors: number;
  /** Files stored or re-pointed in this call, with the stage timings of each extraction. */
  timings: Record<string, number>[];
  /** The corpus-wide 10× check after storing (null when nothing was stored). */
  outliers?: OutlierPass | null;
  /** Why the 10× check could not run (a database error); the stored reports stay, the next ingest re-runs it. */
  outlierError?: string;
  /** Milliseconds of the corpus-wide passes after storing: the 10× check and the keyword re-ranking. */
  passMs?: { outliers: number; keywords: number };
  /** Per uploaded file stored or re-pointed, the `report_files` path it is stored under (see uploadPath). */
  uploads: { name: string; path: string }[];
}

/**
 * Where an upload is recorded: its text hash makes the path its own, so another upload of the same name never
 * replaces it (as a changed file at a path would), and the same text again is the same report.
 */
function uploadPath(hash: string, name: string): string {
  return `upload:${hash}/${name}`;
}

/**
 * Reports stored per transaction: a commit and a search-index segment per report were half of storing one,
 * and a crash loses at most this many extractions (never part of a report); a rerun redoes them. 64, not 16:
 * storing cost ~10 % less CPU (fewer commits and index segments to write and merge), and the loss on a crash
 * is still under a second of extraction.
 */
const BATCH_REPORTS = 64;
/** …or fewer when their originals reach this many characters, to bound the memory the batch holds. */
const BATCH_CHARS = 4_000_000;

/** Progress callback: called after each file. */
export type IngestProgress = (done: number, total: number, file: string) => void;

/** Options of an ingest run. */
export interface IngestOptions {
  /** Limits and SSRF allow-list for URL inputs; without it URLs reach public addresses only. */
  fetch?: FetchOptions;
  /** Leave keyword re-ranking to the caller (uploads run it in the background); `keywords_dirty` covers a crash. */
  deferKeywords?: boolean;
}

/**
 * Ingests files, folders (every file below them), http(s) URLs and uploaded files' bytes; reports are stored in
 * batches (see BATCH_REPORTS), each report all-or-nothing. A URL is fetched every time; when its text is
 * unchanged the store keeps the report as it is. An upload is recorded under a path of its own (uploadPath).
 */
export async function ingestPaths(
  db: DigestDb,
  inputs: readonly (string | UploadedFile)[],
  onProgress?: IngestProgress,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const paths = inputs.filter((i): i is string => typeof i === 'string');
  const urls = paths.filter(isUrl);
  const listing = await listInputs(paths.filter((i) => !isUrl(i)));
  const files = [...listing.files, ...urls, ...inputs.filter((i): i is UploadedFile => typeof i !== 'string')];
  const summary: IngestSummary = {
    ingested: 0,
    unchanged: 0,
    skipped: [...listing.skipped],
    databaseErrors: 0,
    timings: [],
    uploads: [],
  };
  let done = 0;
  // Extractions wait here and are stored BATCH_REPORTS at a time in one transaction (one savepoint each).
  const pending: (StoreItem & { file: string; upload: boolean })[] = [];
  let pendingChars = 0;
  const flush = async () => {
    if (!pending.length) return;
    const batch = pending.splice(0);
    pendingChars = 0;
    const started = performance.now();
    let results: StoreResult[];
    try {
      // Another process may hold the write lock past the busy timeout: wait and try again, a few times.
      results = await withBusyRetry(() => storeReports(db, batch));
    } catch (error) {
      results = batch.map(() => ({ error }));
    }
    const storeMs = (performance.now() - started) / batch.length;
    results.forEach((result, i) => {
      const { report, file, stamp, upload } = batch[i]!;
      if ('error' in result) {
        if (isDatabaseError(result.error)) summary.databaseErrors++;
        summary.skipped.push({ file, reason: skipReason(result.error) });
      } else {
        report.timings.store = storeMs;
        summary[result.outcome]++;
        summary.timings.push(report.timings);
        if (upload) summary.uploads.push({ name: file, path: stamp.path });
      }
      onProgress?.(++done, files.length, file);
    });
  };
  for (const input of files) {
    // Reads are synchronous (see readInput): give a serving process's other work its turn between files.
    await new Promise((resolve) => setImmediate(resolve));
    const file = typeof input === 'string' ? input : input.name;
    try {
      if (typeof input !== 'string') {
        const report = await (await loadExtractor()).extractUpload(input.name, input.bytes);
        const stamp = { path: uploadPath(report.hash, input.name), size: input.bytes.length, mtimeMs: 0 };
        pending.push({ file, report, stamp, upload: true });
        pendingChars += report.original.length;
      } else if (isUrl(file)) {
        const { report, size } = await (await loadExtractor()).extractUrl(file, options.fetch ?? { allow: null });
        pending.push({ file, report, stamp: { path: file, size, mtimeMs: 0 }, upload: false });
        pendingChars += report.original.length;
      } else {
        // Synchronous like the read that follows (see readInput).
        const info = statSync(file);
        const known = db.select().from(reportFiles).where(eq(reportFiles.path, file)).get();
        if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) {
          summary.unchanged++;
          onProgress?.(++done, files.length, file);
        } else {
          const report = await (await loadExtractor()).extractFile(file);
          pending.push({ file, report, stamp: { path: file, size: info.size, mtimeMs: info.mtimeMs }, upload: false });
          pendingChars += report.original.length;
        }
      }
    } catch (error) {
      if (isDatabaseError(error)) summary.databaseErrors++;
      summary.skipped.push({ file, reason: skipReason(error) });
      onProgress?.(++done, files.length, file);
    }
    if (pending.length >= BATCH_REPORTS || pendingChars >= BATCH_CHARS) await flush();
  }
  await flush();
  let started = performance.now();
  if (summary.ingested > 0) await checkOutliers(db, summary);
  summary.passMs = { outliers: performance.now() - started, keywords: 0 };
  started = performance.now();
  // Deferred (uploads): the caller re-ranks in the background; `keywords_dirty` covers a crash before that.
  if (summary.ingested > 0 && !options.deferKeywords) refreshKeywords(db);
  summary.passMs.keywords = performance.now() - started;
  return summary;
}

/**
 * Runs the corpus-wide 10× check once the batch is stored. A database failure here must not undo or hide the
 * stored reports: it is reported in the summary and the next ingest that stores a report runs the check again.
 */
export async function checkOutliers(db: DigestDb, summary: Pick<IngestSummary, 'outliers' | 'outlierError'>): Promise<void> {
  try {
    summary.outliers = await withBusyRetry(() => flagOutliers(db));
  } catch (error) {
    if (!isDatabaseError(error)) throw error;
    summary.outliers = null;
    summary.outlierError = skipReason(error);
  }
}

/** Turns files and folders into a sorted list of absolute file paths (see `listInputs` for what is left out). */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  return (await listInputs(inputs)).files;
}
