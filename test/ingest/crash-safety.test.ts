import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/open.js';
import { SEEDS_DIR, tempDb } from '../helpers/temp-db.js';

const ROOT = new URL('../../', import.meta.url).pathname;

describe('a crash during a large ingest', () => {
  let t: ReturnType<typeof tempDb>;
  afterEach(() => t?.cleanup());

  it('leaves no half-written report, and a rerun completes the batch', async () => {
    t = tempDb();
    const dir = join(t.dir, 'many');
    mkdirSync(dir);
    const seeds = readdirSync(SEEDS_DIR).sort();
    for (let i = 0; i < 150; i++) {
      const seed = seeds[i % seeds.length]!;
      writeFileSync(
        join(dir, `r${String(i).padStart(3, '0')}.txt`),
        readFileSync(join(SEEDS_DIR, seed), 'utf8') + `\n附注:第${i}份副本。\n`,
      );
    }
    t.db.$client.close();

    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/digest.ts'), 'ingest', dir, '--db', t.path], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    const peek = new Database(t.path, { readonly: true, fileMustExist: true });
    const stored = () => (peek.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n;
    // Kill it hard once it is mid-way: some reports stored, more to come.
    for (let i = 0; i < 600 && stored() < 10; i++) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    peek.close();

    const db = openDb(t.path);
    const q = <T>(sql: string) => db.$client.prepare(sql).get() as T;
    const reports = q<{ n: number }>('SELECT count(*) AS n FROM reports').n;
    expect(reports).toBeGreaterThanOrEqual(10);
    expect(reports).toBeLessThan(150);
    expect(
      q<{ ok: string }>('PRAGMA integrity_check').ok ?? Object.values(q<Record<string, string>>('PRAGMA integrity_check'))[0],
    ).toBe('ok');
    // Every stored report is whole: its file link, paragraphs and search rows are all there.
    expect(
      q<{ n: number }>(
        'SELECT count(*) AS n FROM reports r WHERE NOT EXISTS (SELECT 1 FROM paragraphs p WHERE p.report_id = r.id)',
      ).n,
    ).toBe(0);
    expect(
      q<{ n: number }>(
        'SELECT count(*) AS n FROM reports r WHERE NOT EXISTS (SELECT 1 FROM report_files f WHERE f.report_id = r.id)',
      ).n,
    ).toBe(0);
    // The headline-facts read model is whole too: every stored report's headline figures, no orphan rows.
    expect(
      q<{ n: number }>(`SELECT count(*) AS n FROM reports r WHERE
        (SELECT count(DISTINCT key) FROM metrics m WHERE m.report_id = r.id AND m.headline = 1) <>
        (SELECT count(*) FROM headline_facts h WHERE h.report_id = r.id)`).n,
    ).toBe(0);
    expect(
      q<{ n: number }>(
        'SELECT count(*) AS n FROM headline_facts h WHERE NOT EXISTS (SELECT 1 FROM reports r WHERE r.id = h.report_id)',
      ).n,
    ).toBe(0);
    expect(q<{ n: number }>('SELECT count(*) AS n FROM paragraphs').n).toBe(
      q<{ n: number }>('SELECT count(*) AS n FROM paragraph_grams').n,
    );
    db.$client.close();

    const { ingestPaths } = await import('../../src/ingest/ingest-batch.js');
    const again = openDb(t.path);
    const summary = await ingestPaths(again, [dir]);
    expect(summary.ingested + summary.unchanged).toBe(150);
    expect(summary.skipped).toEqual([]);
    const after = again.$client
      .prepare('SELECT count(*) AS n, (SELECT count(*) FROM report_files) AS files FROM reports')
      .get() as { n: number; files: number };
    expect(after.n).toBeGreaterThan(reports);
    expect(after.files).toBe(150);
    again.$client.close();
    t.db = openDb(t.path); // let cleanup close a live handle
  }, 120_000);
});
