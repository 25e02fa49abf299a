import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bold, chunkRich, clip, escapeMrkdwn, markedMrkdwn } from '../../../adapters/slack/mrkdwn.js';

describe('mrkdwn', () => {
  it('escapes &, < and > (and nothing else)', () => {
    expect(escapeMrkdwn('A&B <@U1> 1>0 *x*')).toBe('A&amp;B &lt;@U1&gt; 1&gt;0 *x*');
  });

  it('renders highlight marks as bold, zero-width spaces around the markers for CJK neighbours', () => {
    const out = markedMrkdwn({ text: '共立案提案196件', marks: [[3, 5]] });
    expect(out).toBe('共立案\u200b*提案*\u200b196件');
    // Whitespace stays outside the markers; inner asterisks cannot close the bold early.
    expect(bold(' a*b ')).toBe(' \u200b*a＊b*\u200b ');
  });

  it('clips with an ellipsis and never splits a surrogate pair', () => {
    expect(clip('abcdef', 4)).toBe('abc…');
    const s = 'ab\u{20000}cd';
    expect(clip(s, 4)).toBe('ab…');
  });

  it('cuts long text after a sentence end when one is near', () => {
    const text = '第一句话。'.repeat(50) + '最后';
    const pieces = chunkRich({ text }, 42);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces.slice(0, -1)) expect(p.text.endsWith('。')).toBe(true);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
  });

  it('keeps every rendered piece within the limit and loses no text (property)', () => {
    const ch = fc.constantFrom('资', '阳', '&', '<', '>', '。', ' ', 'a', '\n', '\u{20000}', '*');
    const rich = fc
      .array(ch, { minLength: 1, maxLength: 400 })
      .map((cs) => cs.join(''))
      .chain((text) =>
        fc.record({
          text: fc.constant(text),
          marks: fc.array(
            fc
              .tuple(fc.nat(text.length), fc.nat(text.length))
              .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]),
            { maxLength: 5 },
          ),
        }),
      );
    fc.assert(
      fc.property(rich, fc.integer({ min: 30, max: 200 }), (t, max) => {
        const pieces = chunkRich(t, max);
        for (const p of pieces) expect(markedMrkdwn(p).length).toBeLessThanOrEqual(max);
        expect(pieces.map((p) => p.text).join('')).toBe(t.text);
        for (const p of pieces) expect(/^[\udc00-\udfff]/.test(p.text)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
