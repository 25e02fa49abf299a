import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../src/bench/prng.js';
import { asciiLower, normalizeTerm } from '../../../src/db/gram-index.js';
import { openDb } from '../../../src/db/open.js';
import { searchCommand } from '../../../src/service/commands/search-command.js';
import { ReportStore } from '../../../src/db/report-store.js';
import { matchingParagraphs, rankedSearch, searchParagraphs, withTexts } from '../../../src/service/query/text-search.js';
import { countyReport } from '../../helpers/county-report.js';
import { seededService } from '../../helpers/seeded-service.js';

type Env = Awaited<ReturnType<typeof seededService>>;
let env: Env;
let store: ReportStore;
let paragraphs: { id: number; text: string }[];

// Mixed-case Latin and a character outside the BMP (𪷽, two UTF-16 units, one character): the counts and lengths
// that rank paragraphs must come out the same from SQL as from the texts.
const MIXED = ['推动GDP增长,Gdp与gdp都计入,𪷽字协商两次协商。', '𪷽𪷽协商议事,GDPGDP。', '围绕PPP项目协商,ppp模式。'];

beforeAll(async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const file = join(mkdtempSync(join(tmpdir(), 'digest-mixed-')), 'mixed.txt');
  writeFileSync(file, countyReport('青川县', 2021, MIXED));
  env = await seededService([file]);
  store = new ReportStore(env.db);
  paragraphs = env.db.$client.prepare('SELECT id, text FROM paragraphs ORDER BY id DESC').all() as typeof paragraphs;
}, 60_000);
afterAll(() => env.cleanup());

/** The reference: every paragraph containing every term as a substring (ASCII case ignored), newest first. */
function bruteForce(terms: string[]): number[] {
  const clean = terms.map(normalizeTerm).filter(Boolean);
  return paragraphs.filter((p) => clean.every((t) => asciiLower(p.text).includes(t))).map((p) => p.id);
}

/** Random 1–4 character queries: mostly substrings of stored paragraphs (hits), some recombined characters. */
function randomQueries(count: number, seed: number): string[][] {
  const rng = createRng(seed);
  const chars = [...new Set(paragraphs.flatMap((p) => Array.from(p.text)).filter((c) => /[\p{L}\p{N}]/u.test(c)))];
  const out: string[][] = [];
  while (out.length < count) {
    const len = rng.int(1, 4);
    let term: string;
    if (rng.chance(0.75)) {
      const chars_ = Array.from(rng.pick(paragraphs).text);
      const at = rng.int(0, Math.max(0, chars_.length - len));
      term = chars_.slice(at, at + len).join('');
      if (!/^[\p{L}\p{N}]+$/u.test(term)) continue;
    } else {
      term = Array.from({ length: len }, () => rng.pick(chars)).join('');
    }
    // Every fifth query has a second term, to check the AND.
    out.push(out.length % 5 === 4 ? [term, rng.pick(chars)] : [term]);
  }
  return out;
}

describe('paragraph search index', () => {
  it('finds exactly the paragraphs a brute-force substring scan finds, for 300 random 1–4 character queries', () => {
    const queries = randomQueries(300, 16);
    let nonEmpty = 0;
    for (const terms of queries) {
      const expected = bruteForce(terms);
      if (expected.length) nonEmpty++;
      const got = matchingParagraphs(store, terms, 1_000_000).map((h) => h.paragraphId);
      expect({ terms, got }).toEqual({ terms, got: expected });
    }
    // The sample must exercise both hits and misses.
    expect(nonEmpty).toBeGreaterThan(150);
    expect(nonEmpty).toBeLessThan(300);
  });

  it('a long term needs the substring, not only its bigrams (协商 and 商议 are both there, 协商议 is not)', () => {
    const withBigrams = bruteForce(['协商', '商议']);
    const exact = bruteForce(['协商议']);
    const got = matchingParagraphs(store, ['协商议'], 1_000_000).map((h) => h.paragraphId);
    expect(got).toEqual(exact);
    if (withBigrams.length > exact.length) expect(got.length).toBeLessThan(withBigrams.length);
  });

  it('ranks paragraphs that mention the term more often first, and only returns real matches', () => {
    const hits = searchParagraphs(store, ['协商'], 8);
    expect(hits.length).toBe(8);
    for (const h of hits) expect(h.text).toContain('协商');
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.rank).toBeGreaterThanOrEqual(hits[i - 1]!.rank);
    const count = (t: string) => t.split('协商').length - 1;
    expect(count(hits[0]!.text) / hits[0]!.text.length).toBeGreaterThan(count(hits[7]!.text) / hits[7]!.text.length);
  });

  it('ranks from the counts SQL takes exactly as from the texts, for 200 random queries and mixed-case Latin', () => {
    const queries = [...randomQueries(200, 23), ['gdp'], ['GDP', '协商'], ['𪷽'], ['𪷽协商'], ['ppp', '项目'], ['协商']];
    let ranked = 0;
    for (const terms of queries) {
      const fromTexts = searchParagraphs(store, terms, 20);
      const fromSql = withTexts(store, rankedSearch(store, terms, 20).hits);
      expect({ terms, hits: fromSql }).toEqual({ terms, hits: fromTexts });
      if (fromTexts.length > 1) ranked++;
    }
    expect(ranked).toBeGreaterThan(80);
    // The mixed paragraphs are found case-blind.
    const gdp = searchParagraphs(store, ['GDP'], 8).map((h) => h.text);
    expect(gdp).toHaveLength(2);
    expect(gdp).toEqual(expect.arrayContaining([expect.stringContaining('Gdp与gdp'), expect.stringContaining('GDPGDP')]));
  });

  it('answers a Traditional query like its Simplified form', () => {
    const simplified = searchCommand(store, '请你来协商');
    const traditional = searchCommand(store, '請你來協商');
    expect(traditional.sections).toEqual(simplified.sections);
    expect(simplified.sections.length).toBeGreaterThan(1);
  });

  it('is rebuilt from the paragraphs when a migration leaves it unbuilt', () => {
    const before = matchingParagraphs(store, ['委员'], 1_000_000).map((h) => h.paragraphId);
    env.db.$client.prepare("INSERT INTO paragraph_grams(paragraph_grams) VALUES ('delete-all')").run();
    env.db.$client.prepare("UPDATE corpus_meta SET value = 0 WHERE key = 'gram_index'").run();
    expect(matchingParagraphs(store, ['委员'], 1_000_000)).toEqual([]);
    const reopened = openDb(env.path);
    try {
      const again = matchingParagraphs(new ReportStore(reopened), ['委员'], 1_000_000).map((h) => h.paragraphId);
      expect(again).toEqual(before);
      expect(before.length).toBeGreaterThan(10);
    } finally {
      reopened.$client.close();
    }
  });
});
