import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../../src/ingest/ingest-batch.js';
import { MAX_CANDIDATES } from '../../../src/service/query/text-search.js';
import { renderPlain } from '../../../src/service/reply/plain-renderer.js';
import { countyReport } from '../../helpers/county-report.js';
import { seededService } from '../../helpers/seeded-service.js';

// Totals above the ranked bound: a 1–2 character query is counted on the index, a longer one stops at the
// paragraphs the search read (it would have to read every paragraph's text to count further).
const MANY = MAX_CANDIDATES + 40;
let env: Awaited<ReturnType<typeof seededService>>;

beforeAll(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'digest-search-'));
  const lines = Array.from({ length: MANY }, (_, i) => `(${i + 1})围绕优化营商环境开展第${i + 1}项调研,形成报告。`);
  // Exactly MAX_CANDIDATES paragraphs hold 青川议事厅 (a made-up 5-character term): all of them, and no more, are read.
  lines.push(...Array.from({ length: MAX_CANDIDATES }, (_, i) => `在青川议事厅开展活动第${i + 1}场。`));
  const file = join(dir, 'many.txt');
  writeFileSync(file, countyReport('青川县', 2021, lines));
  env = await seededService([file]);
}, 120_000);
afterAll(() => env.cleanup());

const ask = (line: string) => renderPlain(env.service.handle(line, { platform: 'console', chatId: 'totals' }));

describe('/search totals above the ranked bound', () => {
  it('counts a 2-character term exactly on the index past the bound', () => {
    const head = ask('/search 营商');
    const total = Number(/(\d+) 段命中/.exec(head)?.[1]);
    expect(total).toBeGreaterThanOrEqual(MANY);
    expect(head).not.toContain('超过');
    expect(head).toContain(`按相关度排列最新的 ${MAX_CANDIDATES} 段`);
  });

  it('says “more than the bound” for a longer term with more matches than were ranked', () => {
    const head = ask('/search 营商环境');
    expect(head).toContain(`超过 ${MAX_CANDIDATES} 段命中`);
    expect(head).toContain(`第 1/${Math.ceil(MAX_CANDIDATES / 8)} 页`);
    expect(head).toContain(`按相关度排列最新的 ${MAX_CANDIDATES} 段`);
  });

  it('gives the exact total when a longer term matches exactly as many paragraphs as are ranked', () => {
    const stored = env.db.$client.prepare(`SELECT count(*) AS n FROM paragraphs WHERE text LIKE '%青川议事厅%'`).get() as {
      n: number;
    };
    expect(stored.n).toBe(MAX_CANDIDATES);
    const head = ask('/search 青川议事厅');
    expect(head).toContain(`${MAX_CANDIDATES} 段命中`);
    expect(head).not.toContain('超过');
  });

  it('a cached index total follows an ingest (it is kept per corpus version)', async () => {
    const total = () => Number(/(\d+) 段命中/.exec(ask('/search 营商'))?.[1]);
    const before = total();
    expect(total()).toBe(before);
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'digest-search-')), 'more.txt');
    const added = 7;
    const lines = Array.from({ length: added }, (_, i) => `苍溪县营商服务第${i + 1}条。`);
    writeFileSync(file, countyReport('苍溪县', 2022, lines));
    await ingestPaths(env.db, [file]);
    expect(total()).toBe(before + added);
  }, 60_000);

  it('a page past the last one shows the last page', () => {
    const last = Math.ceil(MAX_CANDIDATES / 8);
    const head = ask('/search 营商环境 第999页');
    expect(head).toContain(`第 ${last}/${last} 页`);
  });
});
