import { describe, expect, it } from 'vitest';
import { toGramText } from '../../src/db/gram-index.js';

describe('toGramText', () => {
  it('indexes letters and digits of every script as unigrams and adjacent pairs, ASCII case folded', () => {
    // Full-width digits and CJK extension B (a surrogate pair) are letters/digits too; · separates.
    expect(toGramText('AB·中文１𠀀')).toBe('a b ab 中 文 中文 １ 文１ 𠀀 １𠀀');
    expect(toGramText('Ⅻ号-x')).toBe('Ⅻ 号 Ⅻ号 x');
    expect(toGramText('提案提案')).toBe('提 案 提案 案提');
    expect(toGramText('，。 ')).toBe('');
  });
});
