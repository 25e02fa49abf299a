import { describe, expect, it } from 'vitest';
import { findNumber } from '../../src/domain/number-text.js';
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

  it('never cuts the quote inside a number (资阳: …问题27… where the text says 2758个)', () => {
    const evidence =
      '一年来，全市上下整合打造1257个“有事来协商”议事平台，开展1435场次小微协商活动，推动解决群众“急难愁盼”问题2758个，真正将政协制度优势转化为治理优势';
    for (const [value, written] of [
      [1435, '1435场次'],
      [2758, '2758个'],
      [1257, '1257个'],
    ] as const) {
      const q = shortQuote(evidence, value);
      expect(q).toContain(written);
      expect(q).not.toMatch(/[0-9]…|…[0-9]/);
      expect(q.length).toBeLessThanOrEqual(62);
      // Every number the quote shows is a whole number of the evidence, not a piece of one.
      for (const n of q.match(/[0-9]+/g) ?? []) expect(evidence).toMatch(new RegExp(`(?<![0-9])${n}(?![0-9])`));
    }
  });

  it('places the quote on the figure as a whole number, not inside a longer one', () => {
    const evidence = `解决问题2758个，${'并持续跟踪问效推动落实'.repeat(4)}，举行协商活动27场次，成效明显。`;
    const q = shortQuote(evidence, 27);
    expect(q).toContain('27场次');
    expect(q).not.toContain('2758');
  });

  it('finds figures stored in a base unit (4.9万名 stored as 49000)', () => {
    expect(findNumber('共有会员4.9万名', 49000)).toEqual({ start: 4, end: 8 });
    expect(findNumber('问题2758个', 27)).toBeNull();
    expect(findNumber('增长0.5%', 5)).toBeNull();
  });

  it('computes medians of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([121, 153, 138, 196])).toBe(145.5);
    expect(median([])).toBeNull();
  });
});
