/** Per-stage ingest time over a real corpus: a full ingest into a throwaway database, stage means per report. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDb, openDb } from '../db/open.js';
import { ingestPaths } from '../ingest/ingest-batch.js';

/** The pipeline's stages in order; `store` is the report's write transaction. */
const STAGES = ['read', 'decode', 'normalize', 'outline', 'metadata', 'metrics', 'summaries', 'keywords', 'store'];

/** Mean milliseconds per stored report, and the once-per-ingest passes. */
export interface StageTimes {
  reports: number;
  msPerReport: Map<string, number>;
  /** The corpus-wide passes after storing (10× check, keyword re-ranking), ms for the whole ingest. */
  passMs: { outliers: number; keywords: number };
  seconds: number;
}

/** Ingests `inputs` (files or folders) into a fresh temp database and averages the stage timings. */
export async function measureStages(inputs: string[]): Promise<StageTimes> {
  const dir = mkdtempSync(join(tmpdir(), 'digest-stages-'));
  const db = openDb(join(dir, 'stages.db'));
  try {
    const started = performance.now();
    const summary = await ingestPaths(db, inputs);
    const seconds = (performance.now() - started) / 1000;
    const sums = new Map<string, number>();
    for (const t of summary.timings) for (const [k, v] of Object.entries(t)) sums.set(k, (sums.get(k) ?? 0) + v);
    const n = Math.max(1, summary.timings.length);
    const msPerReport = new Map([...sums].map(([k, v]) => [k, v / n]));
    return { reports: summary.timings.length, msPerReport, passMs: summary.passMs ?? { outliers: 0, keywords: 0 }, seconds };
  } finally {
    closeDb(db);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One line per stage (ms/report and share), then the passes and the wall time. */
export function stageTable(t: StageTimes): string {
  const total = STAGES.reduce((a, s) => a + (t.msPerReport.get(s) ?? 0), 0);
  const rows = STAGES.map((s) => {
    const ms = t.msPerReport.get(s) ?? 0;
    return `  ${s.padEnd(10)} ${ms.toFixed(2).padStart(8)} ms  ${total ? ((100 * ms) / total).toFixed(0).padStart(3) : '  —'}%`;
  });
  rows.push(`  ${'total'.padEnd(10)} ${total.toFixed(2).padStart(8)} ms`);
  rows.push(
    `  after the batch: 10× check ${t.passMs.outliers.toFixed(0)} ms, keyword re-ranking ${t.passMs.keywords.toFixed(0)} ms; ` +
      `${t.reports} reports in ${t.seconds.toFixed(1)} s`,
  );
  return rows.join('\n');
}
