import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDb, openDb } from '../db/open.js';
import { reportCount } from '../db/report-writer.js';
import { REPO_ROOT, runTsx } from './child-process.js';
import { fillCorpus } from '../db/fill-corpus.js';
import { type MachineInfo, machineInfo } from './machine.js';
import { measureIngest, type IngestRun } from './measure-ingest.js';
import type { ServingFigures } from './measure-latency.js';
import { databaseBytes } from './measure-size.js';
import { loadSeedProfiles } from './seed-profile.js';
import { createCorpus, writeCorpus } from './synthetic-corpus.js';

/** Options of a serving-scale run (`digest bench --scale 1000,10000,…`). */
export interface ScaleOptions {
  /** Corpus sizes to serve, ascending; the database grows from one to the next. */
  sizes: number[];
  /** Synthetic reports really extracted; every further report is a copy of one of them. */
  base: number;
  workers: number;
  iterations: number;
  seedsDir?: string;
  keep?: boolean;
  log?: (message: string) => void;
}

/** Figures at one corpus size. */
export interface ScaleStep {
  reports: number;
  /** Time to grow the database from the previous size by copying reports. */
  fillSeconds: number;
  dbBytesPerReport: number;
  /** 1-minute load average when the step was measured (the machine is shared). */
  load: number;
  serving: ServingFigures;
}

/** Every figure of a serving-scale run. */
export interface ScaleResult {
  date: string;
  machine: MachineInfo;
  base: IngestRun;
  steps: ScaleStep[];
  seconds: number;
  workDir: string | null;
}

/**
 * Extracts `base` synthetic reports, then for each size grows the database to that many reports by copying
 * (no extraction) and measures serving in a child process: p50/p99 of every command, first call after open
 * and after a write, peak RSS of the serving process, database size per report.
 */
export async function runScale(options: ScaleOptions): Promise<ScaleResult> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const workDir = mkdtempSync(join(tmpdir(), 'digest-scale-'));
  try {
    const seeds = loadSeedProfiles(options.seedsDir ?? join(REPO_ROOT, 'seeds'));
    const base = Math.min(options.base, options.sizes[0] ?? options.base);
    const written = writeCorpus(createCorpus(seeds), join(workDir, 'corpus'), base);
    const dbPath = join(workDir, 'scale.db');
    log(`抽取 ${base} 份合成报告(其余为复制)…`);
    const baseRun = await measureIngest(written.paths, dbPath, options.workers);
    const steps: ScaleStep[] = [];
    for (const size of [...options.sizes].sort((a, b) => a - b)) {
      log(`复制到 ${size} 份…`);
      const fillStart = performance.now();
      const db = openDb(dbPath);
      let bytes: number;
      let reports: number;
      try {
        fillCorpus(db, size);
        bytes = databaseBytes(db, dbPath);
        reports = reportCount(db);
      } finally {
        closeDb(db);
      }
      const fillSeconds = round((performance.now() - fillStart) / 1000);
      log(`  ${fillSeconds} 秒;测服务(子进程)…`);
      const serving = JSON.parse(
        await runTsx(join(REPO_ROOT, 'src/bench/serve-probe.ts'), [dbPath, String(options.iterations), 'after-write']),
      ) as ServingFigures;
      steps.push({ reports, fillSeconds, dbBytesPerReport: Math.round(bytes / reports), load: round(loadavg()[0]!), serving });
    }
    return {
      date: new Date().toISOString(),
      machine: machineInfo(),
      base: baseRun,
      steps,
      seconds: round((performance.now() - started) / 1000),
      workDir: options.keep ? workDir : null,
    };
  } finally {
    if (!options.keep) rmSync(workDir, { recursive: true, force: true });
  }
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
