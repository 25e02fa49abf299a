import { availableParallelism } from 'node:os';
import { readFileSync, rmSync } from 'node:fs';
import { closeDb, openDb } from '../db/open.js';
import { decodeInput } from '../ingest/decode.js';
import { ingestPaths } from '../ingest/ingest-batch.js';
import { normalize } from '../ingest/normalize/index.js';
import { databaseBytes } from './measure-size.js';
import { ingestWithWorkers } from './parallel-ingest.js';

/** Figures of one ingest run into a fresh database. */
export interface IngestRun {
  reports: number;
  mode: 'single' | 'workers';
  workers: number;
  seconds: number;
  reportsPerSecond: number;
  /** Throughput divided by the cores the run could use. */
  reportsPerSecondPerCore: number;
  ingested: number;
  skipped: number;
  /** Mean time of each pipeline stage per report (ms, inside the extracting thread). */
  stageMsPerReport: Record<string, number>;
  /** Mean extraction time per report (sum of stages). */
  extractMsPerReport: number;
  /** Wall time per report not spent extracting in this thread: file read, store, keyword refresh (single mode). */
  storeMsPerReport: number;
  refreshMs: number | null;
  dbBytes: number;
  dbBytesPerReport: number;
}

/** Ingests `files` into a new database at `dbPath`, in-process (`workers` ≤ 1) or with worker threads. */
export async function measureIngest(files: string[], dbPath: string, workers: number): Promise<IngestRun> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  const db = openDb(dbPath);
  try {
    const mode = workers > 1 ? 'workers' : 'single';
    const started = performance.now();
    const summary = mode === 'workers' ? await ingestWithWorkers(db, files, workers) : await ingestPaths(db, files);
    const seconds = (performance.now() - started) / 1000;
    const stages: Record<string, number> = {};
    for (const t of summary.timings) for (const [k, v] of Object.entries(t)) stages[k] = (stages[k] ?? 0) + v;
    const n = Math.max(1, summary.timings.length);
    const stageMsPerReport = Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, round(v / n)]));
    const extractMsPerReport = round(Object.values(stages).reduce((a, b) => a + b, 0) / n);
    const storeMs = 'storeMs' in summary ? (summary.storeMs as number) : seconds * 1000 - extractMsPerReport * n;
    const refreshMs = 'refreshMs' in summary ? round(summary.refreshMs as number) : null;
    const bytes = databaseBytes(db, dbPath);
    const cores = mode === 'workers' ? Math.min(workers, availableParallelism()) : 1;
    return {
      reports: files.length,
      mode,
      workers: mode === 'workers' ? workers : 0,
      seconds: round(seconds),
      reportsPerSecond: round(files.length / seconds),
      reportsPerSecondPerCore: round(files.length / seconds / cores),
      ingested: summary.ingested,
      skipped: summary.skipped.length,
      stageMsPerReport,
      extractMsPerReport,
      storeMsPerReport: round(storeMs / n),
      refreshMs,
      dbBytes: bytes,
      dbBytesPerReport: Math.round(bytes / Math.max(1, summary.ingested)),
    };
  } finally {
    closeDb(db);
  }
}

/** Mean decode + normalize time per report (ms): the floor any ingest pays. */
export function measureNormalizeOnly(files: string[]): number {
  const bytes = files.map((f) => readFileSync(f));
  // One warm-up pass: the first call loads conversion tables.
  normalize(decodeInput(files[0]!, bytes[0]!));
  const started = performance.now();
  files.forEach((f, i) => {
    normalize(decodeInput(f, bytes[i]!));
  });
  return round((performance.now() - started) / files.length);
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
