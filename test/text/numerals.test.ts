import { describe, expect, it } from 'vitest';
import {
  chineseNumber,
  chineseYear,
  parseChineseNumeral,
  parseChineseRange,
  toArabicDigits,
  toChineseNumber,
} from '../../src/text/numerals.js';

describe('parseChineseNumeral', () => {
  it.each([
    ['十二', 12],
    ['两', 2],
    ['〇', 0],
    ['一百二十', 120],
    ['二十五', 25],
    ['两千三百', 2300],
    ['一百零五', 105],
    ['二〇二一', 2021],
    ['一二三', 123],
    ['百', 100],
  ])('%s → %d', (run, n) => expect(parseChineseNumeral(run)).toBe(n));
  it.each(['', '十四五', '三四', '一百五', '十百', '万', 'abc', '12'])('%s is not a numeral', (run) =>
    expect(parseChineseNumeral(run)).toBeNull(),
  );
});

describe('parseChineseRange', () => {
  it('reads two consecutive digits as a range and nothing else', () => {
    expect(parseChineseRange('三四')).toEqual([3, 4]);
    expect(parseChineseRange('两三')).toEqual([2, 3]);
    expect(parseChineseRange('三五')).toBeNull();
    expect(parseChineseRange('十一')).toBeNull();
    expect(parseChineseRange('三四五')).toBeNull();
  });
});

describe('chineseNumber (dates and sessions)', () => {
  it('reads Arabic digits and Chinese numerals, round-tripping every number below 100', () => {
    for (let n = 0; n < 100; n++) expect(chineseNumber(toChineseNumber(n))).toBe(n);
    expect(chineseNumber('12')).toBe(12);
    expect(chineseNumber('十五')).toBe(15);
    expect(chineseNumber('abc')).toBeNull();
    expect(chineseNumber('十四五')).toBeNull();
  });
});

describe('chineseYear', () => {
  it('reads four digits written one by one, in Chinese or Arabic', () => {
    expect(chineseYear('二〇二一')).toBe(2021);
    expect(chineseYear('二零二三')).toBe(2023);
    expect(chineseYear('2021')).toBe(2021);
    expect(chineseYear('两〇二一')).toBeNull();
    expect(chineseYear('二〇二')).toBeNull();
    expect(chineseYear('二千零二十一')).toBeNull();
  });
});

describe('toChineseNumber', () => {
  it('writes numbers below 100 in Chinese, others in Arabic digits', () => {
    expect([0, 6, 10, 15, 20, 99].map(toChineseNumber)).toEqual(['〇', '六', '十', '十五', '二十', '九十九']);
    expect(toChineseNumber(100)).toBe('100');
    expect(toChineseNumber(-1)).toBe('-1');
  });
});

describe('toArabicDigits', () => {
  it('replaces Chinese digits and the O letters typed for 〇, nothing else', () => {
    expect(toArabicDigits('二〇二二年')).toBe('2022年');
    expect(toArabicDigits('二ＯО二')).toBe('2002');
    expect(toArabicDigits('两十')).toBe('两十');
  });
});
