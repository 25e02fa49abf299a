import { describe, expect, it } from 'vitest';
import { summarySentences } from '../../../src/ingest/summarize/sentences.js';

describe('summarySentences', () => {
  it('splits at terminal punctuation, keeps closing quotes and offsets into the text', () => {
    const text = '2020年工作回顾\n一、坚持思想引领。召开会议5次,形成“请你来协商”品牌。他说:“好!”下一句';
    const s = summarySentences(text);
    expect(s.map((x) => x.text)).toEqual([
      '2020年工作回顾',
      '一、坚持思想引领。',
      '召开会议5次,形成“请你来协商”品牌。',
      '他说:“好!”',
      '下一句',
    ]);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it('flags numbered leads and short unpunctuated lines as headings', () => {
    const s = summarySentences(
      '(一)强化思想理论武装,政治建设得到新加强。过去一年,我们开展学习28次。\n旗帜鲜明讲政治\n1.加强自身建设。全年召开6次常委会。',
    );
    expect(s.filter((x) => x.heading).map((x) => x.text)).toEqual([
      '(一)强化思想理论武装,政治建设得到新加强。',
      '旗帜鲜明讲政治',
      '1.加强自身建设。',
    ]);
  });

  it('handles full-width punctuation of normalized text', () => {
    const s = summarySentences('（一）强化理论武装。全年召开6次常委会！是否可行？');
    expect(s.map((x) => x.text)).toEqual(['（一）强化理论武装。', '全年召开6次常委会！', '是否可行？']);
    expect(s[0]?.heading).toBe(true);
  });

  it('cuts over-long sentences into clauses at semicolons and closes them with 。', () => {
    const long = `${'甲'.repeat(90)};${'乙'.repeat(90)}。`;
    const s = summarySentences(long);
    expect(s).toHaveLength(2);
    expect(s[0]?.text).toBe(`${'甲'.repeat(90)}。`);
    expect(s[1]?.start).toBe(91);
  });
});
