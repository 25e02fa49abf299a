import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { PassThrough, Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/config.js';
import type { DigestDb } from '../../src/db/open.js';
import { EXTRACTOR_VERSION } from '../../src/ingest/extractor-version.js';
import { ingestPaths } from '../../src/ingest/ingest-batch.js';
import { reextractStale } from '../../src/ingest/reextract.js';
import { SEEDS_DIR, tempDb } from '../helpers/temp-db.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

function db(): ReturnType<typeof tempDb> {
  const t = tempDb();
  cleanups.push(t.cleanup);
  return t;
}

/** The seed files copied into `dir`, so a test may delete them. */
function copySeeds(dir: string): string {
  const to = join(dir, 'seeds');
  mkdirSync(to);
  for (const f of readdirSync(SEEDS_DIR)) copyFileSync(join(SEEDS_DIR, f), join(to, f));
  return to;
}

/** Everything an extraction stores about each report, keyed by its text hash (ids and dates left out). */
function facts(d: DigestDb): Map<string, unknown> {
  const all = <T>(sql: string, ...args: unknown[]) => d.$client.prepare(sql).all(...args) as T[];
  const out = new Map<string, unknown>();
  for (const r of all<Record<string, unknown> & { id: number; hash: string }>(
    `SELECT id, hash, source_file, title, body, kind, region_code, year, period, delivered_on, speaker, session,
       source_url, summary, plan_summary, keywords, terms, extractor_version FROM reports`,
  )) {
    const { id, source_file, ...row } = r;
    out.set(r.hash, {
      ...row,
      source: String(source_file).split('/').pop(),
      metrics: all(
        `SELECT key, label, value, unit, headline, evidence, confidence, flags, derived FROM metrics
         WHERE report_id = ? ORDER BY key, offset, label, value`,
        id,
      ),
      sections: all('SELECT ord, path, title, summary FROM sections WHERE report_id = ? ORDER BY ord', id),
      paragraphs: all('SELECT ord, section_path, text FROM paragraphs WHERE report_id = ? ORDER BY ord', id),
      files: all('SELECT hash FROM report_files WHERE report_id = ?', id),
    });
  }
  return out;
}

/**
 * Makes every stored report look extracted by an old extractor: version 0, no page context kept, other
 * figures, title and summary, and another text hash (as when normalize changed).
 */
function ageReports(d: DigestDb): void {
  d.$client.exec(`
    UPDATE reports SET extractor_version = 0, title = '旧标题', summary = '["旧摘要"]', hash = 'old-' || hash;
    UPDATE report_files SET hash = 'old-' || hash;
    UPDATE metrics SET value = value * 10 + 1;
    DELETE FROM sections WHERE ord > 0;
    UPDATE report_originals SET page = NULL;`);
}

const count = (d: DigestDb, sql: string) => (d.$client.prepare(sql).get() as { n: number }).n;

describe('re-extraction of reports stored by another extractor version', () => {
  it('gives each old report what a fresh ingest of its file gives, keeping its id and ingest date, without the file', async () => {
    const fresh = db();
    const old = db();
    const seeds = copySeeds(old.dir);
    await ingestPaths(fresh.db, [SEEDS_DIR]);
    await ingestPaths(old.db, [seeds]);
    const expected = facts(fresh.db);
    const before = old.db.$client.prepare('SELECT id, ingested_at FROM reports ORDER BY id').all();
    ageReports(old.db);
    expect(facts(old.db)).not.toEqual(expected);
    rmSync(seeds, { recursive: true });

    const summary = await reextractStale(old.db);

    expect(summary.reextracted).toBe(expected.size);
    expect(summary.kept).toEqual([]);
    expect(facts(old.db)).toEqual(expected);
    expect(old.db.$client.prepare('SELECT id, ingested_at FROM reports ORDER BY id').all()).toEqual(before);
    expect(count(old.db, `SELECT count(*) AS n FROM reports WHERE extractor_version <> ${EXTRACTOR_VERSION}`)).toBe(0);
  });

  it('re-extracts nothing when every report carries the current version', async () => {
    const t = db();
    await ingestPaths(t.db, [SEEDS_DIR]);
    const metricIds = count(t.db, 'SELECT max(id) AS n FROM metrics');
    const version = count(t.db, "SELECT value AS n FROM corpus_meta WHERE key = 'corpus_version'");

    const summary = await reextractStale(t.db);

    expect(summary.reextracted).toBe(0);
    expect(count(t.db, 'SELECT max(id) AS n FROM metrics')).toBe(metricIds);
    expect(count(t.db, "SELECT value AS n FROM corpus_meta WHERE key = 'corpus_version'")).toBe(version);
  });

  it('after a crash on the 2nd report keeps each report whole, old or new, and the next run does the rest', async () => {
    const fresh = db();
    const t = db();
    await ingestPaths(fresh.db, [SEEDS_DIR]);
    await ingestPaths(t.db, [SEEDS_DIR]);
    ageReports(t.db);
    const total = count(t.db, 'SELECT count(*) AS n FROM reports');
    let seen = 0;
    const crash = () => {
      if (++seen === 2) throw new Error('killed');
    };

    await expect(reextractStale(t.db, { onReport: crash })).rejects.toThrow('killed');

    expect(count(t.db, 'SELECT count(*) AS n FROM reports WHERE extractor_version = 0')).toBe(total - 2);
    expect(count(t.db, 'SELECT count(*) AS n FROM reports')).toBe(total);
    // Every report still has its paragraphs, original and file link, old or new.
    for (const child of ['paragraphs', 'report_originals', 'report_files'])
      expect(
        count(t.db, `SELECT count(*) AS n FROM reports r WHERE NOT EXISTS (SELECT 1 FROM ${child} c WHERE c.report_id = r.id)`),
      ).toBe(0);

    const rest = await reextractStale(t.db);
    expect(rest.reextracted).toBe(total - 2);
    expect(facts(t.db)).toEqual(facts(fresh.db));
  });

  it('joins a report whose new extraction is the text of another stored report to that one, as an ingest would', async () => {
    const t = db();
    const [first] = readdirSync(SEEDS_DIR).sort();
    const text = readFileSync(join(SEEDS_DIR, first!), 'utf8');
    writeFileSync(join(t.dir, 'a.txt'), text);
    // Another text when stored; its stored original is then made the first one's (the old code read it apart).
    writeFileSync(join(t.dir, 'b.txt'), `${text}\n本年度另行组织专题协商活动十二次，形成建议报告五份。\n`);
    await ingestPaths(t.db, [join(t.dir, 'a.txt'), join(t.dir, 'b.txt')]);
    const id = (path: string) => count(t.db, `SELECT report_id AS n FROM report_files WHERE path = '${path}'`);
    const a = id(join(t.dir, 'a.txt'));
    const b = id(join(t.dir, 'b.txt'));
    expect(b).not.toBe(a);
    t.db.$client.prepare('UPDATE report_originals SET original = ? WHERE report_id = ?').run(deflateSync(text), b);
    t.db.$client.prepare('UPDATE reports SET extractor_version = 0 WHERE id = ?').run(b);
    const df = t.db.$client.prepare('SELECT term, df FROM term_df ORDER BY term');
    const dfBefore = new Map((df.all() as { term: string; df: number }[]).map((r) => [r.term, r.df]));

    const summary = await reextractStale(t.db);

    expect(summary.reextracted).toBe(1);
    expect(count(t.db, 'SELECT count(*) AS n FROM reports')).toBe(1);
    expect(id(join(t.dir, 'b.txt'))).toBe(a);
    // Only report a's terms are counted now: b's were taken out with it.
    const dfAfter = df.all() as { term: string; df: number }[];
    expect(dfAfter.every((r) => r.df === 1)).toBe(true);
    expect([...dfBefore.values()].some((n) => n === 2)).toBe(true);
  });

  it('keeps an old HTML page whose title and date were not stored and whose file is gone, saying why', async () => {
    const t = db();
    const page = join(t.dir, 'page.html');
    writeFileSync(
      page,
      '<html><head><title>某市政协2021年工作报告</title></head><body><article><p>2021年,共收到提案320件,立案298件。</p></article></body></html>',
    );
    await ingestPaths(t.db, [page]);
    ageReports(t.db);
    rmSync(page);

    const summary = await reextractStale(t.db);

    expect(summary.reextracted).toBe(0);
    expect(summary.kept).toEqual([expect.objectContaining({ source: page, reason: expect.stringContaining('重新导入') })]);
    expect(count(t.db, 'SELECT count(*) AS n FROM reports WHERE extractor_version = 0')).toBe(1);
  });

  it('runs at createApp start and logs how many reports it re-extracted', async () => {
    const t = db();
    await ingestPaths(t.db, [SEEDS_DIR]);
    ageReports(t.db);
    const total = count(t.db, 'SELECT count(*) AS n FROM reports');
    t.db.$client.close();
    const lines: { msg: string; reextracted?: number }[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(chunk.toString('utf8')));
        done();
      },
    });
    const config = loadConfig({ DIGEST_DB: t.path, DIGEST_SEEDS: SEEDS_DIR, LOG_LEVEL: 'info' }, t.dir);
    const input = new PassThrough();
    const app = createApp(config, { logger: pino({ level: 'info' }, sink), input, output: new PassThrough() });
    cleanups.push(() => void app.stop());
    await app.start();
    input.end();

    expect(lines.find((l) => l.reextracted !== undefined)?.msg).toBe(
      `re-extracted ${total} reports with extractor v${EXTRACTOR_VERSION}`,
    );
    expect(count(app.db, 'SELECT count(*) AS n FROM reports WHERE extractor_version = 0')).toBe(0);
    await app.stop();
  });
});
