import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learnedStopTerms } from '../../../src/ingest/summarize/build-stop-terms.js';
import { CORPUS_STOP_TERMS } from '../../../src/ingest/summarize/corpus-stop-terms.js';
import { isStopTerm } from '../../../src/ingest/summarize/lexicon.js';
import { seededService } from '../../helpers/seeded-service.js';

/** Words the issue found among keywords: generic in this genre, or news and page furniture. */
const GENERIC = ['中共中央', '公司', '行动', '事项', '网讯', '记者', '肯定性', '特色化'];

describe('the learned stop list', () => {
  it('keeps terms at or above the document-frequency share, domain terms and shape-stopped terms aside', () => {
    const df = new Map([
      ['中共中央', 30],
      ['行动', 12],
      ['营商环境', 40],
      ['请你来协商', 3],
      ['资阳市', 20],
      ['河长制', 11],
    ]);
    expect(learnedStopTerms(df, 100, 0.12)).toEqual(['行动', '中共中央'].sort((a, b) => a.localeCompare(b, 'zh')));
  });

  it('is committed, and stops generic words while the domain dictionary keeps its terms', () => {
    expect(CORPUS_STOP_TERMS.size).toBeGreaterThan(100);
    for (const w of GENERIC) expect(isStopTerm(w), w).toBe(true);
    for (const w of ['营商环境', '乡村振兴', '请你来协商', '社情民意信息', '数字化']) expect(isStopTerm(w), w).toBe(false);
  });
});

describe('keywords of the seeds and a dev-corpus fixture set', () => {
  // News write-ups (记者, 网讯), a 政府 report (公司), a national report (中共中央), five-year reviews.
  const FIXTURES = ['d005', 'd006', 'd010', 'd015', 'd019', 'd020', 'd026', 'd031', 'd053', 'd059', 'd068', 'd091', 'd095'];
  let env: Awaited<ReturnType<typeof seededService>>;
  beforeAll(async () => {
    env = await seededService(FIXTURES.map((d) => new URL(`../../../../shared/dev-corpus/${d}.txt`, import.meta.url).pathname));
    await env.service.keywordsReady;
  }, 60_000);
  afterAll(() => env?.cleanup());

  it('contain none of the generic words, and every report still has keywords', () => {
    const rows = env.db.$client.prepare('SELECT source_file AS file, keywords FROM reports').all() as {
      file: string;
      keywords: string;
    }[];
    expect(rows.length).toBeGreaterThanOrEqual(FIXTURES.length);
    for (const row of rows) {
      const keywords = JSON.parse(row.keywords) as string[];
      expect(keywords.length, row.file).toBeGreaterThanOrEqual(5);
      for (const k of keywords) expect(isStopTerm(k), `${row.file}: ${k}`).toBe(false);
      for (const w of GENERIC) expect(keywords, row.file).not.toContain(w);
    }
  });
});
