import { describe, expect, it } from 'vitest';
import { rankKeywords } from '../../../src/ingest/summarize/tfidf.js';

describe('rankKeywords', () => {
  const terms = { 请你来协商: 6, 乡村振兴: 3, 营商环境: 3, 政协: 40, 工作: 30, 委员: 25, 河长制: 8, 预制菜: 5, 开化县: 4 };

  it('drops stop terms and place names, and favours terms rare in the corpus', () => {
    const df: Record<string, number> = { 请你来协商: 1, 乡村振兴: 30, 营商环境: 40, 河长制: 45, 预制菜: 45 };
    const ranked = rankKeywords(terms, (t) => df[t] ?? 0, 50, 10);
    expect(ranked).not.toContain('政协');
    expect(ranked).not.toContain('工作');
    expect(ranked).not.toContain('开化县');
    expect(ranked[0]).toBe('请你来协商');
    expect(ranked.indexOf('乡村振兴')).toBeLessThan(ranked.indexOf('河长制'));
  });

  it('re-ranks as document frequencies change', () => {
    const rare = rankKeywords({ 河长制: 8, 预制菜: 5 }, (t) => (t === '河长制' ? 50 : 1), 50, 1);
    const common = rankKeywords({ 河长制: 8, 预制菜: 5 }, (t) => (t === '河长制' ? 1 : 50), 50, 1);
    expect(rare).toEqual(['预制菜']);
    expect(common).toEqual(['河长制']);
  });

  it('respects n, exclusions and drops a term contained in a better one', () => {
    const ranked = rankKeywords({ 社情民意信息: 5, 社情民意: 4, 乡村振兴: 3, 预制菜: 2 }, () => 1, 10, 2, {
      exclude: ['乡村振兴'],
    });
    expect(ranked).toEqual(['社情民意信息', '预制菜']);
  });

  it('blends a prior IDF while the corpus is small', () => {
    const prior = (t: string) => (t === '预制菜' ? 12 : 2);
    expect(rankKeywords({ 河长制: 3, 预制菜: 2 }, () => 1, 1, 1, { priorIdf: prior })).toEqual(['预制菜']);
    expect(rankKeywords({ 河长制: 3, 预制菜: 2 }, () => 1, 1, 1)).toEqual(['河长制']);
  });

  it('is deterministic and handles an empty corpus', () => {
    expect(rankKeywords({}, () => 0, 0)).toEqual([]);
    expect(rankKeywords({ 河长制: 1, 预制菜: 1 }, () => 0, 0)).toEqual(['河长制', '预制菜'].sort((a, b) => a.localeCompare(b)));
  });
});
