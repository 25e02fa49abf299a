import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { storeReport } from '../../src/db/report-writer.js';
import { extractFile } from '../../src/ingest/extract.js';
import { SEEDS_DIR, tempDb } from '../helpers/temp-db.js';

let t: ReturnType<typeof tempDb> | null = null;
afterEach(() => {
  t?.cleanup();
  t = null;
});

/** Headline facts whose report is gone, and reports whose read-model rows differ from their headline figures. */
function inconsistencies(t: ReturnType<typeof tempDb>): { orphans: number; mismatched: number } {
  const q = (sql: string) => (t.db.$client.prepare(sql).get() as { n: number }).n;
  return {
    orphans: q('SELECT count(*) AS n FROM headline_facts h WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.id = h.report_id)'),
    mismatched: q(`SELECT count(*) AS n FROM reports r WHERE
      (SELECT count(DISTINCT key) FROM metrics m WHERE m.report_id = r.id AND m.headline = 1) <>
      (SELECT count(*) FROM headline_facts h WHERE h.report_id = r.id)`),
  };
}

describe('the headline-facts read model in a failed ingest', () => {
  it('is written in the report’s transaction: a failure after the figures leaves no facts behind', async () => {
    t = tempDb();
    const file = join(SEEDS_DIR, readdirSync(SEEDS_DIR).sort()[0]!);
    const report = await extractFile(file);
    expect(Object.keys(report.headline).length).toBeGreaterThan(0);
    const stamp = { path: file, size: statSync(file).size, mtimeMs: statSync(file).mtimeMs };
    // The file link is written after the report's rows and facts: failing it fails the whole store.
    t.db.$client.exec(`CREATE TRIGGER fail_link BEFORE INSERT ON report_files BEGIN SELECT RAISE(ABORT, 'disk gone'); END`);
    expect(() => storeReport(t!.db, report, stamp)).toThrow(/disk gone/);
    const count = (table: string) => (t!.db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    expect([count('reports'), count('metrics'), count('headline_facts')]).toEqual([0, 0, 0]);

    t.db.$client.exec('DROP TRIGGER fail_link');
    expect(storeReport(t.db, report, stamp)).toBe('ingested');
    expect(count('headline_facts')).toBe(Object.keys(report.headline).length);
    expect(inconsistencies(t)).toEqual({ orphans: 0, mismatched: 0 });
  });
});
