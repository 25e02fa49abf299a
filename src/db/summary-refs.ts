import { paragraphAt } from './evidence-ref.js';

/**
 * Summary sentences (a report's, a section's) stored as references into the report's paragraphs: a JSON array
 * of [ord, start, length] (code points) when every sentence is one paragraph's substring, else the sentences.
 */

// JS indexes count UTF-16 units and SQLite's substr code points: they agree only before the first surrogate.
const SURROGATE = /[\uD800-\uDFFF]/;

/** Where the report's paragraphs are: their texts and start offsets in the normalized text. */
export interface ParagraphIndex {
  text: string;
  texts: readonly string[];
  starts: readonly number[];
}

/** The JSON stored for `sentences`, searched from `from` (a section's start) on: references, or the sentences. */
export function packSentences(sentences: readonly string[], paragraphs: ParagraphIndex, from = 0): string {
  const refs: [number, number, number][] = [];
  for (const sentence of sentences) {
    const ref = sentence ? (locate(sentence, paragraphs, from) ?? locate(sentence, paragraphs, 0)) : null;
    if (!ref) return JSON.stringify(sentences);
    refs.push(ref);
  }
  return refs.length ? JSON.stringify(refs) : JSON.stringify(sentences);
}

function locate(sentence: string, p: ParagraphIndex, from: number): [number, number, number] | null {
  for (let at = p.text.indexOf(sentence, from); at >= 0; at = p.text.indexOf(sentence, at + 1)) {
    const ord = paragraphAt(p.starts, at);
    if (ord < 0) continue;
    const text = p.texts[ord]!;
    const start = at - p.starts[ord]!;
    if (start + sentence.length > text.length) continue;
    if (SURROGATE.test(text.slice(0, start + sentence.length))) return null;
    return [ord, start, sentence.length];
  }
  return null;
}

/**
 * SQL reading a stored summary column back as the JSON array of its sentences (references resolved by substr,
 * in order); `reportId` is the SQL of the row's report id. Readers get the JSON they got before references.
 */
export function sentencesSql(column: string, reportId: string): string {
  return `CASE WHEN ${column} LIKE '[[%' THEN (SELECT json_group_array((SELECT substr(p.text, (j.value ->> 1) + 1, j.value ->> 2)
    FROM paragraphs p WHERE p.report_id = ${reportId} AND p.ord = (j.value ->> 0)) ORDER BY j.key) FROM json_each(${column}) j)
    ELSE ${column} END`;
}
