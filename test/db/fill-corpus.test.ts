import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillCorpus } from '../../src/db/fill-corpus.js';
import { renderPlain } from '../../src/service/reply/plain-renderer.js';
import { seededService } from '../helpers/seeded-service.js';

let t: Awaited<ReturnType<typeof seededService>>;
beforeAll(async () => {
  t = await seededService();
});
afterAll(() => t.cleanup());

const count = (table: string, where = '') =>
  (t.db.$client.prepare(`SELECT count(*) AS n FROM ${table} ${where}`).get() as { n: number }).n;

describe('fillCorpus (serving-scale benchmark)', () => {
  it('copies every stored row of a report under another region and year, and the service serves the copies', () => {
    const sources = count('reports');
    const tables = ['paragraphs', 'metrics', 'sections', 'parts', 'report_originals'];
    const first = 'WHERE report_id = (SELECT min(id) FROM reports)';
    const before = new Map(tables.map((name) => [name, { all: count(name), first: count(name, first) }]));
    const version = t.db.$client.prepare(`SELECT value FROM corpus_meta WHERE key = 'corpus_version'`).pluck();
    const versionBefore = version.get() as number;
    // Two copies of every source and one more of the first: 3 × sources + 1 reports.
    const target = sources * 3 + 1;
    expect(fillCorpus(t.db, target)).toBe(target - sources);
    expect(count('reports')).toBe(target);
    expect(version.get()).toBeGreaterThan(versionBefore);
    for (const [name, b] of before) expect(count(name), name).toBe(3 * b.all + b.first);
    // The metric vocabulary counts the copies as if their facts had been ingested one by one.
    expect(
      t.db.$client.prepare('SELECT key, label, reports, first_id AS firstId FROM headline_labels ORDER BY 1, 2').all(),
    ).toEqual(
      t.db.$client
        .prepare(
          `SELECT key, label, count(DISTINCT report_id) AS reports, min(id) AS firstId FROM metrics WHERE headline = 1
           GROUP BY 1, 2 ORDER BY 1, 2`,
        )
        .all(),
    );
    // Every copy's paragraphs are in the search index.
    expect(count('paragraph_grams')).toBe(count('paragraphs'));
    // Distinct regions: the copies are spread over the gazetteer, not stacked on the sources' regions.
    expect(count('(SELECT DISTINCT region_code, year FROM reports)')).toBeGreaterThan(sources * 2);

    const clone = t.db.$client
      .prepare(`SELECT id, region_name AS name, year FROM reports WHERE source_file LIKE 'clone:%' ORDER BY id DESC LIMIT 1`)
      .get() as { id: number; name: string; year: number };
    const reply = t.service.handle(`/report #${clone.id}`, { platform: 'console', chatId: 'fill' });
    expect(reply.kind).toBe('report');
    expect(renderPlain(reply)).toContain(clone.name);
    const list = t.service.handle('/list', { platform: 'console', chatId: 'fill' });
    expect(list.title).toContain(`现有报告 ${target} 份`);
  });

  it('adds nothing when the database already has the target size', () => {
    const n = count('reports');
    expect(fillCorpus(t.db, n)).toBe(0);
    expect(count('reports')).toBe(n);
  });
});
