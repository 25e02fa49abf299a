import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { storeReport } from '../../src/db/report-writer.js';
import { extractFile } from '../../src/ingest/extract.js';
import { holdWriteLock } from '../helpers/lock-holder.js';
import { SEEDS_DIR, tempDb } from '../helpers/temp-db.js';

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
    const other = await holdWriteLock(t.path, ["UPDATE corpus_meta SET value = value + 1 WHERE key = 'corpus_version'"], 1500);
    // The lock is held now. A deferred transaction would read first, then fail to upgrade to a writer once
    // the other commits (SQLITE_BUSY_SNAPSHOT, no waiting); an immediate one waits for the lock, then reads.
    const outcome = storeReport(t.db, report, { path: seed, size: 1, mtimeMs: 1 });
    await other.committed;
    expect(outcome).toBe('ingested');
    const files = t.db.$client.prepare('SELECT count(*) AS n FROM report_files').get() as { n: number };
    expect(files.n).toBe(1);
  });
});
