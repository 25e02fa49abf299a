import { describe, expect, it } from 'vitest';
import { rankKeywords } from '../../../src/ingest/summarize/tfidf.js';

describe('rankKeywords', () => {
  const terms = { 请你来协商: 6, 乡村振兴: 3, 营商环境: 3, 政协: 40, 工作: 30, 委员: 25, 产业: 8, 民生: 5, 开化县: 4 };

  it('drops stop terms and place names, and favours terms rare in the corpus', () => {
    const df: Record<string, number> = { 请你来协商: 1, 乡村振兴: 30, 营商环境: 40, 产业: 45, 民生: 45 };
    const ranked = rankKeywords(terms, (t) => df[t] ?? 0, 50, 10);
    expect(ranked).not.toContain('政协');
    expect(ranked).not.toContain('工作');
    expect(ranked).not.toContain('开化县');
    expect(ranked[0]).toBe('请你来协商');
    expect(ranked.indexOf('乡村振兴')).toBeLessThan(ranked.indexOf('产业'));
  });

  it('re-ranks as document frequencies change', () => {
    const rare = rankKeywords({ 产业: 8, 民生: 5 }, (t) => (t === '产业' ? 50 : 1), 50, 1);
    const common = rankKeywords({ 产业: 8, 民生: 5 }, (t) => (t === '产业' ? 1 : 50), 50, 1);
    expect(rare).toEqual(['民生']);
    expect(common).toEqual(['产业']);
  });

  it('respects n, exclusions and drops a term contained in a better one', () => {
    const ranked = rankKeywords({ 社情民意信息: 5, 社情民意: 4, 乡村振兴: 3, 民生: 2 }, () => 1, 10, 2, {
      exclude: ['乡村振兴'],
    });
    expect(ranked).toEqual(['社情民意信息', '民生']);
  });

  it('blends a prior IDF while the corpus is small', () => {
    const prior = (t: string) => (t === '民生' ? 12 : 2);
    expect(rankKeywords({ 产业: 3, 民生: 2 }, () => 1, 1, 1, { priorIdf: prior })).toEqual(['民生']);
    expect(rankKeywords({ 产业: 3, 民生: 2 }, () => 1, 1, 1)).toEqual(['产业']);
  });

  it('is deterministic and handles an empty corpus', () => {
    expect(rankKeywords({}, () => 0, 0)).toEqual([]);
    expect(rankKeywords({ 产业: 1, 民生: 1 }, () => 0, 0)).toEqual(['产业', '民生'].sort((a, b) => a.localeCompare(b)));
  });
});
