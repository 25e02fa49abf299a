import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { storeReport } from '../../src/db/report-writer.js';
import { extractFile } from '../../src/ingest/extract.js';
import { SEEDS_DIR, tempDb } from '../helpers/temp-db.js';

// Another writer, in its own thread and connection: takes the write lock, writes, says so, holds the lock
// for `holdMs` while this thread goes on, then commits.
const HOLDER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path);
db.exec('BEGIN IMMEDIATE');
db.prepare("UPDATE corpus_meta SET value = value + 1 WHERE key = 'corpus_version'").run();
parentPort.postMessage('locked');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs);
db.exec('COMMIT');
db.close();
`;

let t: ReturnType<typeof tempDb> | null = null;
afterEach(() => {
  t?.cleanup();
  t = null;
});

describe('storeReport beside another writer (issue 14 #2)', () => {
  it('waits for the other connection’s write lock and stores the report, with no busy retry around it', async () => {
    t = tempDb();
    const seed = join(SEEDS_DIR, readdirSync(SEEDS_DIR).sort()[0]!);
    const report = await extractFile(seed);
    const worker = new Worker(HOLDER, {
      eval: true,
      workerData: { module: createRequire(import.meta.url).resolve('better-sqlite3'), path: t.path, holdMs: 1500 },
    });
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    await new Promise((resolve) => worker.once('message', resolve));
    // The lock is held now. A deferred transaction would read first, then fail to upgrade to a writer once
    // the other commits (SQLITE_BUSY_SNAPSHOT, no waiting); an immediate one waits for the lock, then reads.
    const outcome = storeReport(t.db, report, { path: seed, size: 1, mtimeMs: 1 });
    await exited;
    expect(outcome).toBe('ingested');
    const files = t.db.$client.prepare('SELECT count(*) AS n FROM report_files').get() as { n: number };
    expect(files.n).toBe(1);
  });
});
