import { describe, expect, it } from 'vitest';
import { excerptDifference, rewriteExcerpt } from '../../src/cli/readme-match.js';

const OUTPUT = ['【标题】', '第一行 12件', '第二行很长很长的一句话', '第三行', '', '可继续: A | B'];

describe('README excerpt rules', () => {
  it('an excerpt equal to the output holds', () => {
    expect(excerptDifference(OUTPUT, OUTPUT)).toBeNull();
  });

  it('a line ending in … stands for one line with that start; … alone for any number of lines', () => {
    expect(excerptDifference(['【标题】', '…', '可继续: A | B'], OUTPUT)).toBeNull();
    expect(excerptDifference(['【标题】', '第一行 12件', '第二行很长…', '…'], OUTPUT)).toBeNull();
    // A gap may stand for no line at all.
    expect(excerptDifference(['【标题】', '…', '第一行 12件', '…'], OUTPUT)).toBeNull();
  });

  it('a cut line is one line: it does not stand for the lines after it', () => {
    expect(excerptDifference(['【标题】', '第一行…'], OUTPUT)).toMatchObject({ shownIndex: null, actualIndex: 2 });
  });

  it('lines left out without … do not hold, at the start, in the middle or at the end', () => {
    expect(excerptDifference(['第一行 12件', '…'], OUTPUT)).toMatchObject({ shownIndex: 0, actualIndex: 0, actual: '【标题】' });
    expect(excerptDifference(['【标题】', '第二行很长…', '…'], OUTPUT)).toMatchObject({
      shownIndex: 1,
      actual: '第一行 12件',
    });
    expect(excerptDifference(['【标题】', '第一行 12件'], OUTPUT)).toMatchObject({
      shownIndex: null,
      actual: '第二行很长很长的一句话',
    });
  });

  it('a changed figure is the first difference, after a gap too', () => {
    expect(excerptDifference(['【标题】', '第一行 13件', '…'], OUTPUT)).toEqual({
      shownIndex: 1,
      shown: '第一行 13件',
      actualIndex: 1,
      actual: '第一行 12件',
      afterGap: false,
    });
    expect(excerptDifference(['【标题】', '…', '可继续: A'], OUTPUT)).toMatchObject({ shownIndex: 2, afterGap: true });
  });

  it('trailing spaces do not count', () => {
    expect(excerptDifference(['【标题】  ', '…'], ['【标题】', 'x'])).toBeNull();
  });
});

describe('rewriting an excerpt', () => {
  it('keeps the lines, cuts and gaps that still hold and replaces the rest with output lines', () => {
    const shown = ['【标题】', '第一行 13件', '第二行很长…', '…', '可继续: A | B'];
    const rewrite = rewriteExcerpt(shown, OUTPUT);
    expect(rewrite).toEqual({
      lines: ['【标题】', '第一行 12件', '第二行很长…', '…', '可继续: A | B'],
      dropped: 1,
      added: 1,
    });
    expect(excerptDifference(rewrite.lines, OUTPUT)).toBeNull();
  });

  it('a line replacing a cut line is cut at the same length', () => {
    const output = ['【标题】', '新的第二行也很长很长很长', '尾'];
    const rewrite = rewriteExcerpt(['【标题】', '第二行很长…', '尾'], output);
    expect(rewrite.lines).toEqual(['【标题】', '新的第二行…', '尾']);
    expect(excerptDifference(rewrite.lines, output)).toBeNull();
  });

  it('adds output lines not shown, and leaves out a gap that stands for no line', () => {
    const rewrite = rewriteExcerpt(['【标题】', '…', '第一行 12件'], OUTPUT);
    expect(rewrite.lines).toEqual(['【标题】', '第一行 12件', ...OUTPUT.slice(2)]);
    expect(rewrite.added).toBe(4);
  });
});
