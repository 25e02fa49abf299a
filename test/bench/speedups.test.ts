import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReportStore } from '../../src/db/report-store.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedProfiles } from '../../src/bench/seed-profile.js';
import { createCorpus } from '../../src/bench/synthetic-corpus.js';
import { openDb } from '../../src/db/open.js';
import { decodeTermCounts } from '../../src/db/term-counts.js';
import { extractFile } from '../../src/ingest/extract.js';
import { ingestPaths } from '../../src/ingest/ingest-batch.js';
import { renderPlain } from '../../src/service/reply/plain-renderer.js';
import { seededService } from '../helpers/seeded-service.js';
import { SEEDS_DIR } from '../helpers/temp-db.js';

// The performance changes made for the benchmark must not change what is stored or answered.
describe('store and service speed-ups', () => {
  let env: Awaited<ReturnType<typeof seededService>>;
  beforeAll(async () => {
    env = await seededService();
  });
  afterAll(() => env.cleanup());

  const ask = (line: string) => renderPlain(env.service.handle(line, { platform: 'console', chatId: 't' }));
  const client = () => env.db.$client;

  it('stores every row of an extraction with drizzle-compatible values', async () => {
    const file = join(SEEDS_DIR, '004_580fe89a2b738e05.txt');
    const report = await extractFile(file);
    const row = client()
      .prepare(
        'SELECT r.*, o.original FROM reports r JOIN report_files f ON f.report_id = r.id JOIN report_originals o ON o.report_id = r.id WHERE f.path = ?',
      )
      .get(file) as Record<string, unknown>;
    expect(row.hash).toBe(report.hash);
    expect(row.region_code).toBe(report.meta.region!.code);
    expect(decodeTermCounts(row.terms as string)).toEqual(report.terms);
    const id = row.id as number;
    const store = new ReportStore(env.db);
    expect(store.originalText(id)).toBe(report.original);
    expect(store.reportById(id)!.summary).toEqual(report.summary);
    expect(store.reportById(id)!.planSummary).toEqual(report.planSummary);
    const count = (sql: string) => (client().prepare(sql).get(id) as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM paragraphs WHERE report_id = ?')).toBe(report.paragraphs.length);
    expect(count('SELECT count(*) AS n FROM sections WHERE report_id = ?')).toBe(report.outline.sections.length);
    expect(count('SELECT count(*) AS n FROM metrics WHERE report_id = ? AND headline = 1')).toBe(
      new Set(Object.values(report.headline)).size,
    );
    expect(count("SELECT count(*) AS n FROM metrics WHERE report_id = ? AND typeof(headline) = 'integer'")).toBeGreaterThan(0);
    const summaries = store.sections(id);
    expect(summaries.map((s) => s.summary)).toEqual(report.outline.sections.map((s) => s.summary ?? []));
  });

  it('gives the same headlines for some reports as the corpus-wide query, in the same order', () => {
    const keys = ['proposals.filed', 'proposals.received', 'proposals.answered', 'proposals.answer_rate'];
    const all = env.service.store.headlinesForKeys(keys);
    expect(all.length).toBeGreaterThan(0);
    const ids = [...new Set(all.map((f) => f.reportId))].slice(0, 2);
    expect(env.service.store.headlinesForReports(ids, keys)).toEqual(all.filter((f) => ids.includes(f.reportId)));
  });

  it('recomputes cached comparisons when this or another connection adds reports', async () => {
    const before = ask('/compare 提案');
    expect(ask('/compare 提案')).toBe(before);
    const reportsBefore = env.service.store.allReports().length;

    const seeds = loadSeedProfiles(SEEDS_DIR);
    const corpus = createCorpus(seeds, { traditionalShare: 0 });
    const files = [0, 4].map((i) => {
      const r = corpus.report(i);
      const path = join(env.dir, r.name);
      writeFileSync(path, r.bytes);
      return path;
    });
    // Another connection (an ingest CLI next to the bot).
    const other = openDb(env.path);
    await ingestPaths(other, [files[0]!]);
    other.$client.close();
    expect(env.service.store.allReports().length).toBe(reportsBefore + 1);
    const afterOther = ask('/compare 提案');
    expect(afterOther).not.toBe(before);

    // This connection (an upload through the service).
    await ingestPaths(env.db, [files[1]!]);
    expect(env.service.store.allReports().length).toBe(reportsBefore + 2);
    expect(ask('/compare 提案')).not.toBe(afterOther);
  });

  it('hands out cached rows that cannot be changed by one caller for the next', () => {
    const rows = env.service.store.allReports();
    rows.pop();
    expect(env.service.store.allReports().length).toBe(rows.length + 1);
    expect(Object.isFrozen(env.service.store.allReports()[0])).toBe(true);
  });
});
