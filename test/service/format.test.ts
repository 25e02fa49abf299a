import { describe, expect, it } from 'vitest';
import { formatValue, median, shortQuote } from '../../src/service/reply/format.js';

describe('reply formatting', () => {
  it('writes approximations the way reports do', () => {
    expect(formatValue({ value: 330, unit: '万元', approx: 'below' })).toBe('近330万元');
    expect(formatValue({ value: 4000, unit: '人次', approx: 'above' })).toBe('4000余人次');
    expect(formatValue({ value: 4, unit: '次', approx: 'at-least' })).toBe('不少于4次');
    expect(formatValue({ value: 75.7, unit: '%', approx: 'exact' })).toBe('75.7%');
  });

  it('quotes the evidence line that states the figure, trimmed around it', () => {
    const evidence =
      '共征集提案261件,民生类提案占40%。\n' +
      '办理提案261件,撰写社情民意信息67篇,这些履职成果得到了省政协领导的充分肯定和高度评价,谱写了新篇章。';
    expect(shortQuote(evidence, 67)).toContain('67篇');
    expect(shortQuote(evidence, 67).length).toBeLessThanOrEqual(62);
    expect(shortQuote('短句,共5件。', 5)).toBe('短句,共5件。');
  });

  it('computes medians of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([121, 153, 138, 196])).toBe(145.5);
    expect(median([])).toBeNull();
  });
});
