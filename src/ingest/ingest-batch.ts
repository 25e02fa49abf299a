import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import type { DigestDb } from '../db/open.js';
import { reportFiles } from '../db/schema.js';
import { DigestError } from '../errors.js';
import { extractFile } from './extract.js';
import { extractUrl } from './extract-url.js';
import { type FetchOptions, isUrl } from './fetch/fetch-url.js';
import { refreshKeywords } from './refresh-keywords.js';
import { storeReport } from './store.js';

/** What one `ingest` call did. */
export interface IngestSummary {
  ingested: number;
  unchanged: number;
  skipped: { file: string; reason: string }[];
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
  const files = [...(await expandInputs(inputs.filter((i) => !isUrl(i)))), ...urls];
  const summary: IngestSummary = { ingested: 0, unchanged: 0, skipped: [], timings: [] };
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
        const outcome = storeReport(db, report, { path: file, size: info.size, mtimeMs: info.mtimeMs });
        summary[outcome]++;
        summary.timings.push(report.timings);
      }
    } catch (error) {
      summary.skipped.push({ file, reason: reasonOf(error) });
    }
    onProgress?.(++done, files.length, file);
  }
  // Deferred (uploads): the caller re-ranks in the background; `keywords_dirty` covers a crash before that.
  if (summary.ingested > 0 && !options.deferKeywords) refreshKeywords(db);
  return summary;
}

/** Turns files and folders into a sorted list of absolute file paths. */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  const out = new Set<string>();
  for (const input of inputs) {
    const path = resolve(input);
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) {
      for (const entry of await readdir(path, { recursive: true, withFileTypes: true })) {
        if (entry.isFile() && !entry.name.startsWith('.')) out.add(join(entry.parentPath, entry.name));
      }
    } else {
      out.add(path);
    }
  }
  return [...out].sort();
}

function reasonOf(error: unknown): string {
  if (error instanceof DigestError && 'reason' in error) return String((error as { reason: string }).reason);
  if (error instanceof DigestError) return error.message;
  if (error && typeof error === 'object' && 'code' in error && (error as { code: string }).code === 'ENOENT') return '文件不存在';
  return `无法处理: ${error instanceof Error ? error.message : String(error)}`;
}
