import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/service/commands/parse-command.js';
import { cutText } from '../../src/service/reply/cut-text.js';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('echoed input is cut at grapheme clusters', () => {
  it('an emoji across the 20th UTF-16 unit stays whole in the unknown-command reply', () => {
    const line = `/x${'a'.repeat(17)}😀😀tail`;
    let message = '';
    try {
      parseCommand(line);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toContain('无法识别的命令');
    expect(message).not.toMatch(LONE_SURROGATE);
    expect(message).toContain('😀…');
  });

  it('keeps flags and ZWJ families whole and never leaves a lone surrogate', () => {
    expect(cutText('ab🇨🇳cd', 3)).toBe('ab🇨🇳…');
    expect(cutText('👨‍👩‍👧x', 1)).toBe('👨‍👩‍👧…');
    expect(cutText('短', 20)).toBe('短');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer({ min: 0, max: 30 }), (s, n) => {
        expect(cutText(s, n)).not.toMatch(LONE_SURROGATE);
      }),
      { numRuns: 500, seed: 14 },
    );
  });
});
