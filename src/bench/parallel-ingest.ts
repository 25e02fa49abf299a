import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { DigestDb } from '../db/open.js';
import type { ExtractedReport } from '../domain/report.js';
import { checkOutliers, type IngestSummary } from '../ingest/ingest-batch.js';
import { refreshKeywords } from '../ingest/refresh-keywords.js';
import { storeReport } from '../db/report-writer.js';
import type { ExtractJob } from './extract-worker.js';

/** What a worker sends back. */
type ExtractResult = { id: number; report: ExtractedReport } | { id: number; error: string };

/** Time split of a parallel ingest (ms). */
export interface ParallelTimings {
  storeMs: number;
  refreshMs: number;
}

/** Jobs kept in flight per worker so a worker never waits for the main thread to hand it the next file. */
const IN_FLIGHT = 2;

/**
 * Ingests files like `ingestPaths` (same store, one transaction per report, keyword refresh at the end)
 * with extraction spread over `workers` worker threads. Files are new to the database (benchmark use).
 */
export async function ingestWithWorkers(
  db: DigestDb,
  files: string[],
  workers: number,
): Promise<IngestSummary & ParallelTimings> {
  const summary: IngestSummary & ParallelTimings = {
    ingested: 0,
    unchanged: 0,
    skipped: [],
    databaseErrors: 0,
    timings: [],
    uploads: [],
    storeMs: 0,
    refreshMs: 0,
  };
  const pool = Array.from({ length: Math.max(1, workers) }, () => spawnWorker());
  let next = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let pending = 0;
      const feed = (worker: Worker) => {
        if (next >= files.length) {
          if (pending === 0) resolve();
          return;
        }
        const job: ExtractJob = { id: next, file: files[next]! };
        next++;
        pending++;
        worker.postMessage(job);
      };
      for (const worker of pool) {
        worker.on('error', reject);
        worker.on('message', (msg: ExtractResult) => {
          pending--;
          const file = files[msg.id]!;
          try {
            if ('error' in msg) summary.skipped.push({ file, reason: msg.error });
            else storeOne(db, file, msg.report, summary);
          } catch (error) {
            summary.skipped.push({ file, reason: error instanceof Error ? error.message : String(error) });
          }
          feed(worker);
          if (next >= files.length && pending === 0) resolve();
        });
        for (let k = 0; k < IN_FLIGHT; k++) feed(worker);
      }
    });
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  const started = performance.now();
  if (summary.ingested > 0) await checkOutliers(db, summary);
  if (summary.ingested > 0) refreshKeywords(db);
  summary.refreshMs = performance.now() - started;
  return summary;
}

/**
 * Starts one extraction worker. The worker is TypeScript: on Node 20.20 `execArgv: ['--import', 'tsx']`
 * does not reach worker threads (ERR_UNKNOWN_FILE_EXTENSION), so a tiny bootstrap registers tsx's
 * loader inside the worker and then imports the worker module.
 */
function spawnWorker(): Worker {
  const worker = new URL('./extract-worker.ts', import.meta.url).href;
  const api = typeof import.meta.resolve === 'function' ? import.meta.resolve('tsx/esm/api') : 'tsx/esm/api';
  const boot = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); })`;
  return new Worker(boot, { eval: true });
}

function storeOne(db: DigestDb, file: string, report: ExtractedReport, summary: IngestSummary & ParallelTimings): void {
  const started = performance.now();
  const info = statSync(file);
  const outcome = storeReport(db, report, { path: file, size: info.size, mtimeMs: info.mtimeMs });
  summary[outcome]++;
  summary.timings.push(report.timings);
  summary.storeMs += performance.now() - started;
}
