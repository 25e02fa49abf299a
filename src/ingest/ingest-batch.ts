import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { eq } from 'drizzle-orm';
import type { DigestDb } from '../db/open.js';
import { reportFiles } from '../db/schema.js';
import { DigestError } from '../errors.js';
import { extractFile } from './extract.js';
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

/** Ingests files and folders (folders: every file below them); one transaction per report. */
export async function ingestPaths(db: DigestDb, inputs: string[], onProgress?: IngestProgress): Promise<IngestSummary> {
  const files = await expandInputs(inputs);
  const summary: IngestSummary = { ingested: 0, unchanged: 0, skipped: [], timings: [] };
  let done = 0;
  for (const file of files) {
    try {
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
  if (summary.ingested > 0) refreshKeywords(db);
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
