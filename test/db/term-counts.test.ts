import { describe, expect, it } from 'vitest';
import { decodeTermCounts, encodeTermCounts } from '../../src/db/term-counts.js';

/** Entries in order: the record's order is part of what round-trips. */
const entries = (r: Record<string, number>) => Object.entries(r);

describe('term counts in their stored form', () => {
  it('writes one line per count and reads the same record back in the same order', () => {
    const terms = { 民主监督: 6, 社情民意信息: 6, 营商环境: 5, APP: 1, 一等奖: 1 };
    const stored = encodeTermCounts(terms);
    expect(stored).toBe('6\t民主监督\t社情民意信息\n5\t营商环境\n1\tAPP\t一等奖');
    expect(stored.length).toBeLessThan(JSON.stringify(terms).length);
    expect(entries(decodeTermCounts(stored))).toEqual(entries(terms));
  });

  it('keeps an order whose counts rise again, and the empty record', () => {
    const terms = { 甲: 2, 乙: 1, 丙: 2, 丁: 2 };
    expect(entries(decodeTermCounts(encodeTermCounts(terms)))).toEqual(entries(terms));
    expect(encodeTermCounts({})).toBe('');
    expect(decodeTermCounts('')).toEqual({});
  });

  it('stores as JSON what the lines cannot hold, and reads JSON rows', () => {
    const odd: Record<string, number>[] = [{ 'a\tb': 1 }, { 'a\nb': 2 }, { 甲: 1.5 }, { 乙: 0 }];
    for (const terms of odd) {
      expect(encodeTermCounts(terms)).toBe(JSON.stringify(terms));
      expect(decodeTermCounts(encodeTermCounts(terms))).toEqual(terms);
    }
    expect(decodeTermCounts('{"协商":3,"委员":1}')).toEqual({ 协商: 3, 委员: 1 });
  });

  it('reads a term named like an object property as a term', () => {
    const back = decodeTermCounts(encodeTermCounts(JSON.parse('{"__proto__":2,"constructor":1}')));
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(entries(back)).toEqual([
      ['__proto__', 2],
      ['constructor', 1],
    ]);
  });
});
