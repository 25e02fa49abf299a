import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.js';

describe('splitSentences', () => {
  it('ends sentences at 。!?！？ runs and line breaks; text, body and offsets agree with the source', () => {
    const text = ' 召开会议5次。形成建议12条！！\n  是否可行?下一句；还在一句 ';
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual(['召开会议5次。', '形成建议12条！！', '是否可行?', '下一句；还在一句']);
    expect(s.map((x) => x.body)).toEqual(['召开会议5次', '形成建议12条', '是否可行', '下一句；还在一句']);
    for (const x of s) {
      expect(text.slice(x.start, x.end)).toBe(x.text);
      expect(text.slice(x.start, x.start + x.body.length)).toBe(x.body);
    }
  });

  it('with semicolons, ; and ； end a sentence too', () => {
    const s = splitSentences('立案152件;办复率100%；收到提案186件。', { semicolons: true });
    expect(s.map((x) => x.body)).toEqual(['立案152件', '办复率100%', '收到提案186件']);
  });

  it('with closers, closing quotes after the end mark stay with the sentence', () => {
    const text = '他说:“好!”下一句。（完。）';
    expect(splitSentences(text, { closers: true }).map((x) => x.text)).toEqual(['他说:“好!”', '下一句。', '（完。）']);
    expect(splitSentences(text).map((x) => x.text)).toEqual(['他说:“好!', '”下一句。', '（完。', '）']);
  });

  it('drops blank pieces; end marks without words are kept as text with an empty body', () => {
    const s = splitSentences('。。  \n\n好。 。');
    expect(s.map((x) => [x.text, x.body])).toEqual([
      ['好。', '好'],
      ['。', ''],
    ]);
  });
});
