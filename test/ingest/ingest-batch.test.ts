import { copyFileSync, mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ingest/ingest-batch.js';
import { SEEDS_DIR, tempDb } from '../helpers/temp-db.js';

describe('ingestPaths', () => {
  let t: ReturnType<typeof tempDb>;
  beforeEach(() => {
    t = tempDb();
  });
  afterEach(() => t.cleanup());

  const count = (table: string) => (t.db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  it('stores the seeds once and does nothing on a second run', async () => {
    const first = await ingestPaths(t.db, [SEEDS_DIR]);
    expect(first).toMatchObject({ ingested: 5, unchanged: 0, skipped: [] });
    expect(count('reports')).toBe(5);
    expect(count('paragraphs')).toBeGreaterThan(50);
    const second = await ingestPaths(t.db, [SEEDS_DIR]);
    expect(second).toMatchObject({ ingested: 0, unchanged: 5, skipped: [] });
    expect(count('reports')).toBe(5);
  });

  it('keeps the same text under two names as one report, and a changed file replaces its report', async () => {
    const seed = readdirSync(SEEDS_DIR).sort()[0]!;
    const a = join(t.dir, 'a.txt');
    const b = join(t.dir, 'b.txt');
    copyFileSync(join(SEEDS_DIR, seed), a);
    copyFileSync(join(SEEDS_DIR, seed), b);
    const first = await ingestPaths(t.db, [a, b]);
    expect(first).toMatchObject({ ingested: 1, unchanged: 1 });
    expect(count('reports')).toBe(1);
    expect(count('report_files')).toBe(2);

    writeFileSync(a, readFileSync(a, 'utf8') + '\n补充一段新的内容,共收到提案99件。\n');
    utimesSync(a, new Date(), new Date(Date.now() + 5000));
    const second = await ingestPaths(t.db, [a]);
    expect(second.ingested).toBe(1);
    expect(count('reports')).toBe(2); // b still holds the old report

    writeFileSync(b, readFileSync(a));
    utimesSync(b, new Date(), new Date(Date.now() + 5000));
    await ingestPaths(t.db, [b]);
    expect(count('reports')).toBe(1); // the old report lost its last file and was dropped
    const orphans = t.db.$client
      .prepare('SELECT count(*) AS n FROM paragraphs WHERE report_id NOT IN (SELECT id FROM reports)')
      .get() as { n: number };
    expect(orphans.n).toBe(0);
  });

  it('skips empty, binary, oversized and unsupported files with reasons while the good ones are stored', async () => {
    const seed = readdirSync(SEEDS_DIR).sort()[4]!;
    const dir = join(t.dir, 'in');
    mkdirSync(dir);
    const good = join(dir, 'good.txt');
    copyFileSync(join(SEEDS_DIR, seed), good);
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
    writeFileSync(join(dir, 'huge.txt'), Buffer.alloc(6 * 1024 * 1024, 'a'));
    writeFileSync(join(dir, 'report.pptx'), 'PK');
    const summary = await ingestPaths(t.db, [dir]);
    expect(summary.ingested).toBe(1);
    const reasons = Object.fromEntries(summary.skipped.map((s) => [s.file.split('/').pop(), s.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['binary.txt', 'empty.txt', 'huge.txt', 'report.pptx']);
    expect(reasons['empty.txt']).toMatch(/空文件/);
    expect(reasons['huge.txt']).toMatch(/过大/);
    expect(reasons['report.pptx']).toMatch(/不支持/);
    expect(reasons['binary.txt']).toMatch(/二进制|无法/);
    expect(count('reports')).toBe(1);
  });
});
