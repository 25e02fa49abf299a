import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/bench/prng.js';
import { unifyPunctuation } from '../../../src/ingest/normalize/punctuation.js';

// The conversion as it was written before it worked on UTF-16 indexes: over an array of code points, marks
// written back in place. The index-based one must decide every mark the same way.
const FULL = new Map([
  [',', '，'],
  [';', '；'],
  [':', '：'],
  ['?', '？'],
  ['!', '！'],
  ['(', '（'],
  [')', '）'],
]);
const HAN = /\p{Script=Han}/u;
const CJK_CONTEXT = /[\p{Script=Han}“”‘’《》〈〉【】（）「」『』、。，；：？！…—]/u;
const URL =
  /(?:https?|ftp):\/\/[^\s\p{Script=Han}，。；、“”（）《》]+|www\.[a-z0-9.-]+\.[a-z]{2,}[^\s\p{Script=Han}，。；、“”]*/giu;

function referenceUnify(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let out = '';
      let last = 0;
      for (const m of line.matchAll(URL)) {
        out += referenceSegment(line.slice(last, m.index)) + m[0];
        last = m.index + m[0].length;
      }
      return out + referenceSegment(line.slice(last));
    })
    .join('\n');
}

function referenceSegment(segment: string): string {
  const chars = Array.from(segment);
  const parens = new Set<number>();
  const stack: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '(') stack.push(i);
    else if (chars[i] === ')') {
      const open = stack.pop();
      if (open === undefined) {
        if (HAN.test(chars[i - 1] ?? '')) parens.add(i);
        continue;
      }
      const inner = chars.slice(open + 1, i).join('');
      const around = (chars[open - 1] ?? '') + (chars[i + 1] ?? '');
      if (HAN.test(inner) || HAN.test(around) || /^[\d一二三四五六七八九十]{1,3}$/.test(inner)) {
        parens.add(open);
        parens.add(i);
      }
    }
  }
  for (const open of stack)
    if (HAN.test(chars[open + 1] ?? '') || /\d{4}年/.test(chars.slice(open + 1, open + 6).join(''))) parens.add(open);
  const visible = (from: number, step: number): string => {
    for (let j = from; j >= 0 && j < chars.length; j += step) if (chars[j] !== ' ') return chars[j]!;
    return '';
  };
  chars.forEach((ch, i) => {
    const full = FULL.get(ch);
    if (full === undefined) return;
    if (ch === '(' || ch === ')') {
      if (parens.has(i)) chars[i] = full;
    } else if (CJK_CONTEXT.test(visible(i - 1, -1)) || CJK_CONTEXT.test(visible(i + 1, 1))) chars[i] = full;
  });
  return chars.join('');
}

describe('unifyPunctuation on UTF-16 indexes', () => {
  it('decides like the code-point walk on random lines (astral Han, lone surrogates, spaces, URLs, dates)', () => {
    const pieces = [
      ',',
      ';',
      ':',
      '?',
      '!',
      '(',
      ')',
      '(',
      ')',
      ' ',
      ' ',
      '年',
      '政',
      '协',
      '𠀀',
      '𪚥',
      '😀',
      '\ud800',
      '\udc00',
      '1',
      '2',
      '0',
      '2024年',
      '一',
      '十',
      'a',
      'x',
      '，',
      '（',
      '）',
      '“',
      '。',
      '\n',
      'https://a.cn/b?c=1,2',
      'www.x.gov.cn/a',
    ];
    const rng = createRng(16);
    for (let n = 0; n < 3000; n++) {
      let line = '';
      const length = rng.int(1, 24);
      for (let k = 0; k < length; k++) line += rng.pick(pieces);
      expect(unifyPunctuation(line), JSON.stringify(line)).toBe(referenceUnify(line));
    }
  });
  it('converts a mark after a converted one, not before one still to come', () => {
    expect(unifyPunctuation('a,(一)')).toBe(referenceUnify('a,(一)'));
    expect(unifyPunctuation('(一),a')).toBe('（一），a');
    expect(unifyPunctuation('a, ,b')).toBe('a, ,b');
  });
});
