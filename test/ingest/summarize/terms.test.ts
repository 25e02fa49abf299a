import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../../../src/ingest/decode.js';
import { normalize } from '../../../src/ingest/normalize/index.js';
import { extractTerms } from '../../../src/ingest/summarize/index.js';
import { idf } from '@node-rs/jieba/dict.js';
import { parseIdfTable } from '../../../src/ingest/summarize/idf-table.js';
import { builtinIdf, jieba, posFilter } from '../../../src/ingest/summarize/jieba.js';
import { DOMAIN_TERMS, KEEP_POS, isStopTerm } from '../../../src/ingest/summarize/lexicon.js';
import { seedAndDevFiles } from '../../helpers/corpus-files.js';

const text = [
  '开化县政协持续擦亮“请你来协商”金名片,全年开展13场“请你来协商”活动。',
  '围绕乡村振兴、营商环境开展专题协商,县政协委员提出意见建议36条,社情民意信息办复率100%。',
  '政协工作坚持以习近平新时代中国特色社会主义思想为指导,全面加强委员履职,推进政协建设发展。',
  '衢州市、浙江省政协领导到开化调研钱江源国家公园建设。',
].join('\n');

describe('extractTerms', () => {
  const { terms, keywords } = extractTerms(text, ['开化县', '开化']);

  it('keeps domain terms whole (user dictionary)', () => {
    expect(terms['请你来协商']).toBe(2);
    expect(terms).toHaveProperty('乡村振兴');
    expect(terms).toHaveProperty('营商环境');
    expect(keywords).toContain('请你来协商');
  });

  it('drops the stop list, region names and place-like tokens', () => {
    for (const stop of ['政协', '委员', '工作', '建设', '发展', '习近平', '新时代', '开化县', '开化', '衢州市', '浙江省']) {
      expect(terms, stop).not.toHaveProperty(stop);
      expect(keywords).not.toContain(stop);
    }
    expect(Object.keys(terms).some((t) => t.includes('开化'))).toBe(false);
  });

  it('caps the candidate list and keywords', () => {
    const long = Array.from(
      { length: 200 },
      (_, i) => `项目${String.fromCharCode(0x4e00 + i * 7)}${String.fromCharCode(0x4e80 + i)}工程`,
    ).join(',');
    const r = extractTerms(long, []);
    expect(Object.keys(r.terms).length).toBeLessThanOrEqual(60);
    expect(r.keywords.length).toBeLessThanOrEqual(12);
  });

  it('drops URL and pinyin debris but keeps acronyms', () => {
    const r = extractTerms('http://www.zxnews.net 政(zhèng)协(xié) 5G基站和APP平台建设,5G网络覆盖。', []);
    expect(Object.keys(r.terms).some((t) => /^[a-z]+$/.test(t))).toBe(false);
    expect(r.terms).toHaveProperty('5G');
  });

  it('never takes a one-unit token as a term, so skipping those before the look-ups changes nothing', () => {
    // extractTerms drops tokens shorter than 2 UTF-16 units up front: exact only while isStopTerm stops all of them.
    expect(DOMAIN_TERMS.filter((t) => t.length < 2)).toEqual([]);
    for (const one of ['县', '案', 'A', '5', '𠀀'.slice(0, 1)]) expect(isStopTerm(one), one).toBe(true);
  });
});

describe('posFilter', () => {
  it("keeps exactly the tokens of `cut` that jieba's `tag` gives a kept part of speech (seeds and dev corpus)", () => {
    const segmenter = jieba();
    const kept = posFilter(KEEP_POS);
    let tokens = 0;
    const mismatches: string[] = [];
    const texts = seedAndDevFiles().map((file) => normalize(decodeInput(file, readFileSync(file))).text);
    // Tokens the POS table must get right beyond the corpus: user terms the bundled dictionary has with
    // another tag (社情民意 l), unknown Latin (eng) and digits (m).
    texts.push('社情民意信息和社情民意,十四五规划,APP与5G,abc123,2024年,请你来协商');
    for (const text of texts) {
      const byLine: string[] = [];
      for (const line of text.split('\n')) {
        const cut = segmenter.cut(line, true);
        byLine.push(...cut);
        const tagged = segmenter.tag(line, true);
        expect(cut).toEqual(tagged.map((t) => t.word));
        for (const { word, tag } of tagged) {
          tokens++;
          if (kept(word) !== KEEP_POS.has(tag)) mismatches.push(`${word}/${tag}`);
        }
      }
      // extractTerms cuts the whole text at once: the same words, line breaks aside.
      const words = (list: string[]) => list.filter((w) => w.trim() !== '');
      expect(words(segmenter.cut(text, true))).toEqual(words(byLine));
    }
    expect(tokens).toBeGreaterThan(5000);
    expect(mismatches).toEqual([]);
  });

  it('rejects tags outside the set, including the dictionary tags of user terms', () => {
    const nouns = posFilter(new Set(['n']));
    expect(nouns('政协委员')).toBe(true);
    expect(nouns('社情民意')).toBe(false);
    expect(nouns('请你来协商')).toBe(false);
    expect(posFilter(new Set(['nz']))('请你来协商')).toBe(true);
    expect(posFilter(new Set(['m']))('2024')).toBe(true);
    expect(posFilter(new Set(['eng']))('APP')).toBe(true);
    expect(posFilter(new Set(['eng']))('2024')).toBe(false);
  });
});

describe('builtinIdf', () => {
  it('takes the median of jieba’s IDF values as a comparator sort of every value does, and each term’s last value', () => {
    const source = Buffer.from(idf).toString('utf8');
    const values: number[] = [];
    const last = new Map<string, number>();
    for (const line of source.split('\n')) {
      const space = line.lastIndexOf(' ');
      if (space <= 0) continue;
      const value = Number(line.slice(space + 1));
      values.push(value);
      last.set(line.slice(0, space), value);
    }
    values.sort((a, b) => a - b);
    const { table, median } = builtinIdf();
    expect(median).toBe(values[values.length >> 1]);
    expect(table.size).toBe(last.size);
    // Every term, as the Map filled line by line answers it (a repeated term keeps its last value).
    const wrong = [...last].filter(([term, value]) => table.get(term) !== value);
    expect(wrong).toEqual([]);
    for (const absent of ['', '政协提案工作报告不在词典', 'zz-not-a-term', '提案 '])
      expect(table.get(absent)).toBe(last.get(absent));
  });

  it('answers like a Map on a table with repeated terms, spaces inside terms and lines without a value', () => {
    const text = ['协商 1.5', '提案 2', '协商 3.25', 'a b 4', 'novalue', '', '委员 7', '提 8'].join('\n');
    const { table, median } = parseIdfTable(text);
    expect([
      table.get('协商'),
      table.get('提案'),
      table.get('a b'),
      table.get('委员'),
      table.get('提'),
      table.get('novalue'),
    ]).toEqual([3.25, 2, 4, 7, 8, undefined]);
    expect(table.size).toBe(5);
    // Values 1.5, 2, 3.25, 4, 7, 8: the upper median.
    expect(median).toBe(4);
  });
});
