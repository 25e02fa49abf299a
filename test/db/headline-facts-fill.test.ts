import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { fillHeadlineFactsIfNeeded } from '../../src/db/headline-facts-write.js';
import { ingestPaths } from '../../src/ingest/ingest-batch.js';
import { SEEDS_DIR, tempDb } from '../helpers/temp-db.js';

// Another process finishing the same fill: under the write lock it marks one fact and sets the flag, holds the
// lock for `holdMs`, then commits.
const OTHER_FILLER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
db.exec('BEGIN IMMEDIATE');
db.prepare("UPDATE headline_facts SET normalized = -1 WHERE rowid = (SELECT min(rowid) FROM headline_facts)").run();
db.prepare("UPDATE corpus_meta SET value = 1 WHERE key = 'headline_facts'").run();
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

describe('the one-time headline-facts fill beside another process', () => {
  it('waits for the write lock and does not fill again what the other process filled meanwhile', async () => {
    t = tempDb();
    await ingestPaths(t.db, [SEEDS_DIR]);
    const count = () => (t!.db.$client.prepare('SELECT count(*) AS n FROM headline_facts').get() as { n: number }).n;
    const facts = count();
    expect(facts).toBeGreaterThan(10);
    // As an older database: the read model not yet filled.
    t.db.$client.prepare("UPDATE corpus_meta SET value = 0 WHERE key = 'headline_facts'").run();
    const worker = new Worker(OTHER_FILLER, {
      eval: true,
      workerData: { module: createRequire(import.meta.url).resolve('better-sqlite3'), path: t.path, holdMs: 1000 },
    });
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    await new Promise((resolve) => worker.once('message', resolve));
    // The flag still reads 0 here (the other's write is not committed): this process starts a fill, waits for
    // the lock, and finds it done.
    expect(fillHeadlineFactsIfNeeded(t.db)).toBe(0);
    await exited;
    expect(count()).toBe(facts);
    const marked = t.db.$client.prepare('SELECT count(*) AS n FROM headline_facts WHERE normalized = -1').get() as { n: number };
    expect(marked.n).toBe(1);
  });

  it('fills an unfilled read model again, the same as ingest wrote it', async () => {
    t = tempDb();
    await ingestPaths(t.db, [SEEDS_DIR]);
    const rows = () => t!.db.$client.prepare('SELECT * FROM headline_facts ORDER BY report_id, key').all();
    const before = rows();
    t.db.$client.prepare("UPDATE corpus_meta SET value = 0 WHERE key = 'headline_facts'").run();
    expect(fillHeadlineFactsIfNeeded(t.db)).toBe(before.length);
    expect(rows()).toEqual(before);
  });
});
