import { describe, expect, it } from 'vitest';
import { paragraphStarts } from '../../src/db/evidence-ref.js';
import { packSentences, sentencesSql } from '../../src/db/summary-refs.js';
import { tempDb } from '../helpers/temp-db.js';

const text = '一、概况\n\n𠀀全年立案提案120件。办结率100%。\n召开协商会5次。';
const texts = ['一、概况', '𠀀全年立案提案120件。办结率100%。', '召开协商会5次。'];
const index = { text, texts, starts: paragraphStarts(text, texts) };

describe('packSentences', () => {
  it('stores references when every sentence is in one paragraph, else the sentences', () => {
    expect(packSentences(['召开协商会5次。', '一、概况'], index)).toBe('[[2,0,8],[0,0,4]]');
    expect(packSentences(['召开协商会5次。', '不在文中。'], index)).toBe('["召开协商会5次。","不在文中。"]');
    // Across a line break, and after a surrogate pair (JS and SQLite count it differently): the text.
    expect(packSentences(['概况\n\n𠀀'], index)).toBe('["概况\\n\\n𠀀"]');
    expect(packSentences(['办结率100%。'], index)).toBe('["办结率100%。"]');
    expect(packSentences([], index)).toBe('[]');
  });

  it('looks from a section’s start first, then from the beginning', () => {
    const twice = { text: '甲。\n甲。', texts: ['甲。', '甲。'], starts: [0, 3] };
    expect(packSentences(['甲。'], twice, 3)).toBe('[[1,0,2]]');
    expect(packSentences(['甲。'], twice, 4)).toBe('[[0,0,2]]');
  });
});

describe('sentencesSql', () => {
  it('reads references back as the JSON array of the sentences, in order, and kept sentences unchanged', () => {
    const t = tempDb();
    try {
      const c = t.db.$client;
      c.exec(`INSERT INTO reports (id, hash, source_file, script, encoding, text_length, summary, plan_summary, keywords, terms, ingested_at)
        VALUES (1, 'h', 'a.txt', 'simplified', 'utf-8', 9, '[]', '[]', '[]', '{}', '2026-01-01T00:00:00Z')`);
      const insert = c.prepare('INSERT INTO paragraphs (report_id, ord, text) VALUES (1, ?, ?)');
      for (const [ord, p] of texts.entries()) insert.run(ord, p);
      const read = (stored: string) =>
        JSON.parse(
          c
            .prepare(`SELECT ${sentencesSql('?', '1')} AS s`)
            .pluck()
            .get(stored, stored, stored) as string,
        );
      expect(read('[[2,0,8],[1,1,11],[0,0,4]]')).toEqual(['召开协商会5次。', '全年立案提案120件。', '一、概况']);
      expect(read('["召开协商会5次。","不在\\"文\\"中。"]')).toEqual(['召开协商会5次。', '不在"文"中。']);
      expect(read('[]')).toEqual([]);
    } finally {
      t.cleanup();
    }
  });
});
