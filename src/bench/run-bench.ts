import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { coldStartOnce } from './cold-start.js';
import { REPO_ROOT, runTsx } from './child-process.js';
import { machineInfo } from './machine.js';
import type { BenchResult } from './bench-result.js';
import { measureIngest, measureNormalizeOnly, type IngestRun } from './measure-ingest.js';
import type { ServingFigures } from './measure-latency.js';

import { loadSeedProfiles } from './seed-profile.js';
import { median } from './stats.js';
import { createCorpus, writeCorpus } from './synthetic-corpus.js';
import { checkTargets } from './targets.js';

/** Benchmark options (`digest bench`). */
export interface BenchOptions {
  /** Size of the large run (the small run has min(1000, reports)). */
  reports: number;
  /** Extraction worker threads; ≤ 1 ingests in-process only. */
  workers: number;
  seedsDir?: string;
  /** Timed calls per service command. */
  iterations?: number;
  coldStarts?: number;
  /** Keep the corpus and databases (the path is printed). */
  keep?: boolean;
  log?: (message: string) => void;
}

/** Generates the corpus, ingests it (1,000 and N), serves the N database and times a cold start. */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const workDir = mkdtempSync(join(tmpdir(), 'digest-bench-'));
  try {
    const n = options.reports;
    const small = Math.min(1000, n);
    const seeds = loadSeedProfiles(options.seedsDir ?? join(REPO_ROOT, 'seeds'));
    log(`生成 ${n} 份合成报告(种子 ${seeds.length} 份)…`);
    const genStart = performance.now();
    const written = writeCorpus(createCorpus(seeds), join(workDir, 'corpus'), n);
    const generateSeconds = (performance.now() - genStart) / 1000;

    log('只做解码+规范化…');
    const normalizeOnlyMsPerReport = measureNormalizeOnly(written.paths.slice(0, Math.min(n, 500)));

    const runs: IngestRun[] = [];
    const ingest = async (count: number, workers: number, name: string) => {
      log(`导入 ${count} 份(${workers > 1 ? `${workers} 个工作线程` : '单线程'})…`);
      const run = await measureIngest(written.paths.slice(0, count), join(workDir, name), workers);
      runs.push(run);
      log(`  ${run.reportsPerSecond} 份/秒,${run.seconds} 秒`);
      return { run, path: join(workDir, name) };
    };
    let big = await ingest(small, 1, `single-${small}.db`);
    if (options.workers > 1) big = await ingest(small, options.workers, `workers-${small}.db`);
    if (n > small) big = await ingest(n, options.workers, `main-${n}.db`);

    log(`在 ${n} 份报告的数据库上测延迟与内存…`);
    const serving = JSON.parse(
      await runTsx(join(REPO_ROOT, 'src/bench/serve-probe.ts'), [big.path, String(options.iterations ?? 200)]),
    ) as ServingFigures;

    log('冷启动…');
    const line = reportLine(big.path);
    const emptySeeds = join(workDir, 'empty-seeds');
    mkdirSync(emptySeeds);
    const coldStartRunsMs: number[] = [];
    for (let i = 0; i < (options.coldStarts ?? 3); i++)
      coldStartRunsMs.push(Math.round(await coldStartOnce(big.path, emptySeeds, line)));

    const result: BenchResult = {
      date: new Date().toISOString(),
      machine: machineInfo(),
      reports: n,
      corpus: {
        reports: n,
        megabytes: round(written.bytes / 2 ** 20),
        meanKb: round(written.bytes / n / 1024),
        traditionalShare: round(written.traditional / n),
        generateSeconds: round(generateSeconds),
      },
      ingest: {
        reportsPerSecond: big.run.reportsPerSecond,
        reportsPerSecondPerCore: big.run.reportsPerSecondPerCore,
        normalizeOnlyMsPerReport,
        runs,
      },
      latency: serving.latency,
      peakRssMb: serving.peakRssMb,
      coldStartMs: median(coldStartRunsMs),
      coldStartRunsMs,
      dbBytesPerReport: big.run.dbBytesPerReport,
      targets: [],
      seconds: 0,
      workDir: options.keep ? workDir : null,
    };
    result.targets = checkTargets(result);
    result.seconds = round((performance.now() - started) / 1000);
    return result;
  } finally {
    if (!options.keep) rmSync(workDir, { recursive: true, force: true });
  }
}

/** A `/report <region> <year>` line for a report that is in the database. */
function reportLine(dbPath: string): string {
  const db = new Database(dbPath, { readonly: true });
  try {
    const row = db
      .prepare(
        'SELECT region_short AS short, year FROM reports WHERE region_short IS NOT NULL AND year IS NOT NULL ORDER BY id LIMIT 1',
      )
      .get() as { short: string; year: number } | undefined;
    return row ? `/report ${row.short} ${row.year}` : '/list';
  } finally {
    db.close();
  }
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
