import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { charCount, toGramText } from '../../src/db/gram-index.js';

describe('toGramText', () => {
  it('indexes letters and digits of every script as unigrams and adjacent pairs, ASCII case folded', () => {
    // Full-width digits and CJK extension B (a surrogate pair) are letters/digits too; · separates.
    expect(toGramText('AB·中文１𠀀')).toBe('a b ab 中 文 中文 １ 文１ 𠀀 １𠀀');
    expect(toGramText('Ⅻ号-x')).toBe('Ⅻ 号 Ⅻ号 x');
    expect(toGramText('提案提案')).toBe('提 案 提案 案提');
    expect(toGramText('，。 ')).toBe('');
  });

  it('gives each distinct token once in first-seen order, for short texts after long ones and texts past the shared table', () => {
    // Reference: the same tokens through a Set of strings.
    const reference = (text: string): string => {
      const seen = new Set<string>();
      let prev = '';
      for (const ch of text) {
        if (!/[\p{L}\p{N}]/u.test(ch)) {
          prev = '';
          continue;
        }
        const c = ch.replace(/[A-Z]/, (x) => x.toLowerCase());
        seen.add(c);
        if (prev) seen.add(prev + c);
        prev = c;
      }
      return [...seen].join(' ');
    };
    // 6,000 distinct CJK characters in a row: 12,000 tokens, more than the reused table holds.
    const long = Array.from({ length: 6000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join('');
    const texts = [long, '政协委员提案办复率100%,提案ABC abc', `${long.slice(0, 3000)}𠀀𠀁Ⅻ１２${long.slice(0, 3000)}`, '提案'];
    for (const text of [...texts, ...texts]) expect(toGramText(text)).toBe(reference(text));
  });
});

describe('charCount', () => {
  it('counts characters as SQLite length() counts the stored text (a surrogate pair is one, a lone half one)', () => {
    const db = new Database(':memory:');
    try {
      const length = db.prepare('SELECT length(?) AS n').pluck();
      const texts = ['', '提案', 'AB·中文１𠀀', '𪷽𪷽协商', '\uD800', 'a\uDC00b', '\uD83D\uDE00\uD83D', '𠀀'.repeat(300)];
      for (const text of texts) expect({ text, n: charCount(text) }).toEqual({ text, n: length.get(text) });
    } finally {
      db.close();
    }
  });
});
