import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/open.js';
import { ReportStore } from '../../src/db/report-store.js';
import { storeReports } from '../../src/db/report-writer.js';
import { decodeTermCounts } from '../../src/db/term-counts.js';
import { extractFile } from '../../src/ingest/extract.js';
import { ingestPaths } from '../../src/ingest/ingest-batch.js';
import { matchingParagraphs } from '../../src/service/query/text-search.js';
import { SEEDS_DIR, tempDb } from '../helpers/temp-db.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const seeds = readdirSync(SEEDS_DIR)
  .sort()
  .map((f) => join(SEEDS_DIR, f));

let t: ReturnType<typeof tempDb> | null = null;
afterEach(() => {
  t?.cleanup();
  t = null;
});

/** Row counts that must agree for every stored report to be whole. */
function wholeness(db: ReturnType<typeof tempDb>['db']) {
  const n = (sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;
  return {
    reports: n('SELECT count(*) AS n FROM reports'),
    files: n('SELECT count(*) AS n FROM report_files'),
    withoutParagraphs: n(
      'SELECT count(*) AS n FROM reports r WHERE NOT EXISTS (SELECT 1 FROM paragraphs p WHERE p.report_id = r.id)',
    ),
    orphanRows: n(
      `SELECT (SELECT count(*) FROM metrics WHERE report_id NOT IN (SELECT id FROM reports))
        + (SELECT count(*) FROM sections WHERE report_id NOT IN (SELECT id FROM reports))
        + (SELECT count(*) FROM paragraphs WHERE report_id NOT IN (SELECT id FROM reports))
        + (SELECT count(*) FROM report_originals WHERE report_id NOT IN (SELECT id FROM reports)) AS n`,
    ),
    searchRowsMissing: n('SELECT (SELECT count(*) FROM paragraphs) - (SELECT count(*) FROM paragraph_grams) AS n'),
  };
}

/** term_df as stored, and as a count of the stored reports' terms gives it (both sorted by term). */
function termDf(db: ReturnType<typeof tempDb>['db']) {
  const counted = new Map<string, number>();
  for (const terms of db.$client.prepare('SELECT terms FROM reports').pluck().all() as string[])
    for (const term of Object.keys(decodeTermCounts(terms))) counted.set(term, (counted.get(term) ?? 0) + 1);
  const stored = db.$client.prepare('SELECT term, df FROM term_df').raw().all() as [string, number][];
  const sorted = (rows: [string, number][]) => rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { stored: sorted(stored), counted: sorted([...counted]) };
}

describe('storeReports: one transaction per batch, one savepoint per report', () => {
  it('rolls back only the report that fails half-way and keeps the rest of the batch whole and searchable', async () => {
    t = tempDb();
    const reports = await Promise.all(seeds.slice(0, 3).map((f) => extractFile(f)));
    // The middle report fails on its 4th paragraph: its report, figures and sections rows are written by then.
    (reports[1]!.paragraphs[3] as { text: string | null }).text = null;
    const results = storeReports(
      t.db,
      reports.map((report, i) => ({ report, stamp: { path: seeds[i]!, size: 1, mtimeMs: 1 } })),
    );
    expect(results.map((r) => ('error' in r ? 'error' : r.outcome))).toEqual(['ingested', 'error', 'ingested']);
    expect(wholeness(t.db)).toEqual({ reports: 2, files: 2, withoutParagraphs: 0, orphanRows: 0, searchRowsMissing: 0 });
    const hashes = t.db.$client.prepare('SELECT hash FROM reports ORDER BY id').pluck().all();
    expect(hashes).toEqual([reports[0]!.hash, reports[2]!.hash]);
    // Document frequencies count the kept reports only (they are written once for the batch, after it).
    const df = termDf(t.db);
    expect(df.stored.length).toBeGreaterThan(10);
    expect(df.stored).toEqual(df.counted);
    // The kept reports' search rows are the ones of their own paragraphs.
    const word = reports[2]!.paragraphs[0]!.text.slice(0, 4);
    const hits = matchingParagraphs(new ReportStore(t.db), [word], 50);
    expect(hits.length).toBeGreaterThan(0);
  });

  it('counts the terms of a report replaced later in the same batch out again', async () => {
    t = tempDb();
    const reports = await Promise.all(seeds.slice(0, 3).map((f) => extractFile(f)));
    // One path stored three times in one batch with other texts: only the last report stays.
    const stamp = { path: '/inbox/report.txt', size: 1, mtimeMs: 1 };
    const results = storeReports(
      t.db,
      reports.map((report) => ({ report, stamp })),
    );
    expect(results).toEqual([{ outcome: 'ingested' }, { outcome: 'ingested' }, { outcome: 'ingested' }]);
    expect(t.db.$client.prepare('SELECT hash FROM reports').pluck().all()).toEqual([reports[2]!.hash]);
    const df = termDf(t.db);
    expect(df.stored.length).toBeGreaterThan(10);
    expect(df.stored).toEqual(df.counted);
  });

  it('keeps nothing of a batch whose process is killed mid-way', () => {
    t = tempDb();
    t.db.$client.close();
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'test/helpers/store-crash-child.ts'), t.path, ...seeds.slice(0, 4)],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(child.signal).toBe('SIGKILL');
    t.db = openDb(t.path);
    // Only the report committed before the batch: the batch's first two reports went with it.
    expect(wholeness(t.db)).toEqual({ reports: 1, files: 1, withoutParagraphs: 0, orphanRows: 0, searchRowsMissing: 0 });
    expect(t.db.$client.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
  });

  it('an ingest after the crash stores every file once', async () => {
    t = tempDb();
    t.db.$client.close();
    spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test/helpers/store-crash-child.ts'), t.path, ...seeds], {
      cwd: ROOT,
    });
    t.db = openDb(t.path);
    const summary = await ingestPaths(t.db, seeds);
    expect(summary.skipped).toEqual([]);
    expect(summary.ingested).toBe(seeds.length - 1);
    expect(wholeness(t.db)).toMatchObject({
      reports: seeds.length,
      files: seeds.length + 1,
      orphanRows: 0,
      searchRowsMissing: 0,
    });
  });
});
