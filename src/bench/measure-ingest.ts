import { availableParallelism } from 'node:os';
import { readFileSync, rmSync } from 'node:fs';
import { closeDb, openDb } from '../db/open.js';
import { decodeInput } from '../ingest/decode.js';
import { loadExtractor } from '../ingest/load-extractor.js';
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
  /** CPU time of the whole process (every thread) per report, ms: what "CPU per report" targets measure. */
  cpuMsPerReport: number;
  /** Mean wall time of each timed stage per report (ms): read, the extraction stages and (single mode) store. */
  stageMsPerReport: Record<string, number>;
  /** Mean extraction time per report: decode … keywords, not reading the file or storing the report. */
  extractMsPerReport: number;
  /** Mean time reading the file per report (an await on the file system, so partly waiting). */
  readMsPerReport: number;
  /** Mean time storing per report (its share of its batch's transaction). */
  storeMsPerReport: number;
  /** Wall time per report outside read, extraction and store: the corpus passes and per-file checks. */
  otherMsPerReport: number;
  /** The corpus passes after storing (10× check and keyword re-ranking), ms for the whole run. */
  refreshMs: number;
  dbBytes: number;
  dbBytesPerReport: number;
}

/** Timed stages that are not extraction: reading the input and storing the report. */
const NOT_EXTRACTION: ReadonlySet<string> = new Set(['read', 'store']);

/** Ingests `files` into a new database at `dbPath`, in-process (`workers` ≤ 1) or with worker threads. */
export async function measureIngest(files: string[], dbPath: string, workers: number): Promise<IngestRun> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  const db = openDb(dbPath);
  try {
    const mode = workers > 1 ? 'workers' : 'single';
    // The pipeline's modules load before the clock starts, as they did when serving imported them statically;
    // the dictionaries' first use (jieba ~200 ms) stays in the figure.
    await loadExtractor();
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    const summary = mode === 'workers' ? await ingestWithWorkers(db, files, workers) : await ingestPaths(db, files);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const stages: Record<string, number> = {};
    for (const t of summary.timings) for (const [k, v] of Object.entries(t)) stages[k] = (stages[k] ?? 0) + v;
    const n = Math.max(1, summary.timings.length);
    const stageMsPerReport = Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, round(v / n)]));
    // Reading and storing are timed stages too (ingestPaths adds `store`), but they are not extraction.
    const extractMs = Object.entries(stages)
      .filter(([k]) => !NOT_EXTRACTION.has(k))
      .reduce((a, [, v]) => a + v, 0);
    const readMs = stages.read ?? 0;
    const storeMs = 'storeMs' in summary ? (summary.storeMs as number) : (stages.store ?? 0);
    const refreshMs =
      'refreshMs' in summary ? (summary.refreshMs as number) : (summary.passMs?.outliers ?? 0) + (summary.passMs?.keywords ?? 0);
    // With workers, extraction and reading run beside the main thread: only storing and the passes add to its wall time.
    const inThread = mode === 'workers' ? storeMs : extractMs + readMs + storeMs;
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
      cpuMsPerReport: round((cpu.user + cpu.system) / 1000 / files.length),
      stageMsPerReport,
      extractMsPerReport: round(extractMs / n),
      readMsPerReport: round(readMs / n),
      storeMsPerReport: round(storeMs / n),
      otherMsPerReport: round((seconds * 1000 - inThread) / n),
      refreshMs: round(refreshMs),
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
