import { afterEach, describe, expect, it } from 'vitest';
import { fillHeadlineFactsIfNeeded } from '../../src/db/headline-facts-write.js';
import { ingestPaths } from '../../src/ingest/ingest-batch.js';
import { holdWriteLock } from '../helpers/lock-holder.js';
import { SEEDS_DIR, tempDb } from '../helpers/temp-db.js';

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
    // Another process finishing the same fill: under the write lock it marks one fact and sets the flag.
    const other = await holdWriteLock(
      t.path,
      [
        // The table has no rowid (WITHOUT ROWID): its first row by key.
        'UPDATE headline_facts SET normalized = -1 WHERE (report_id, key) = (SELECT report_id, key FROM headline_facts LIMIT 1)',
        "UPDATE corpus_meta SET value = 1 WHERE key = 'headline_facts'",
      ],
      1000,
    );
    // The flag still reads 0 here (the other's write is not committed): this process starts a fill, waits for
    // the lock, and finds it done.
    expect(fillHeadlineFactsIfNeeded(t.db)).toBe(0);
    await other.committed;
    expect(count()).toBe(facts);
    const marked = t.db.$client.prepare('SELECT count(*) AS n FROM headline_facts WHERE normalized = -1').get() as { n: number };
    expect(marked.n).toBe(1);
  });

  it('fills an unfilled read model again, the same as ingest wrote it, with the same indexes', async () => {
    t = tempDb();
    await ingestPaths(t.db, [SEEDS_DIR]);
    // Ingest writes them from the values it stored, the fill from the rows read back: both must agree.
    const rows = () => [
      t!.db.$client.prepare('SELECT * FROM headline_facts ORDER BY report_id, key').all(),
      t!.db.$client.prepare('SELECT * FROM headline_rows ORDER BY report_id, family').all(),
    ];
    // The fill drops the tables' indexes and builds them again after the rows: the same ones come back.
    const indexes = () =>
      t!.db.$client
        .prepare(
          `SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('headline_facts', 'headline_rows') ORDER BY name`,
        )
        .all();
    const before = rows();
    const indexesBefore = indexes();
    expect(indexesBefore.length).toBeGreaterThanOrEqual(4);
    t.db.$client.prepare("UPDATE corpus_meta SET value = 0 WHERE key = 'headline_facts'").run();
    expect(before[1]!.length).toBeGreaterThan(0);
    expect(fillHeadlineFactsIfNeeded(t.db)).toBe(before[0]!.length);
    expect(rows()).toEqual(before);
    expect(indexes()).toEqual(indexesBefore);
  });
});
