import { stat } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import type { DigestDb } from '../db/open.js';
import { reportFiles } from '../db/schema.js';
import { withBusyRetry } from '../db/busy-retry.js';
import { extractFile } from './extract.js';
import { extractUrl } from './extract-url.js';
import { isUrl } from '../domain/url.js';
import type { FetchOptions } from './fetch/fetch-url.js';
import { listInputs } from './list-inputs.js';
import { refreshKeywords } from './refresh-keywords.js';
import { isDatabaseError, skipReason } from './skip-reason.js';
import { storeReport } from '../db/report-writer.js';

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
}

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
 * Ingests files, folders (every file below them) and http(s) URLs; one transaction per report. A URL is
 * fetched every time; when its text is unchanged the store keeps the report as it is.
 */
export async function ingestPaths(
  db: DigestDb,
  inputs: string[],
  onProgress?: IngestProgress,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const urls = inputs.filter(isUrl);
  const listing = await listInputs(inputs.filter((i) => !isUrl(i)));
  const files = [...listing.files, ...urls];
  const summary: IngestSummary = { ingested: 0, unchanged: 0, skipped: [...listing.skipped], databaseErrors: 0, timings: [] };
  let done = 0;
  for (const file of files) {
    try {
      if (isUrl(file)) {
        const { report, size } = await extractUrl(file, options.fetch ?? { allow: null });
        const outcome = storeReport(db, report, { path: file, size, mtimeMs: 0 });
        summary[outcome]++;
        summary.timings.push(report.timings);
        onProgress?.(++done, files.length, file);
        continue;
      }
      const info = await stat(file);
      const known = db.select().from(reportFiles).where(eq(reportFiles.path, file)).get();
      if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) {
        summary.unchanged++;
      } else {
        const report = await extractFile(file);
        // Another process may hold the write lock past the busy timeout: wait and try again, a few times.
        const outcome = await withBusyRetry(() =>
          storeReport(db, report, { path: file, size: info.size, mtimeMs: info.mtimeMs }),
        );
        summary[outcome]++;
        summary.timings.push(report.timings);
      }
    } catch (error) {
      if (isDatabaseError(error)) summary.databaseErrors++;
      summary.skipped.push({ file, reason: skipReason(error) });
    }
    onProgress?.(++done, files.length, file);
  }
  // Deferred (uploads): the caller re-ranks in the background; `keywords_dirty` covers a crash before that.
  if (summary.ingested > 0 && !options.deferKeywords) refreshKeywords(db);
  return summary;
}

/** Turns files and folders into a sorted list of absolute file paths (see `listInputs` for what is left out). */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  return (await listInputs(inputs)).files;
}
