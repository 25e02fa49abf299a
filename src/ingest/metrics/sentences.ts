/** Sentence and clause splitting with offsets into the normalized text. */

/** A sentence of the text: split on 。!?; (full- or half-width) and line ends. */
export interface Sentence {
  text: string;
  /** Offset of `text` in the full text. */
  start: number;
}

const SENTENCE_END = /[。!?;\uFF01\uFF1F\uFF1B\n]/g;

/** Splits text into trimmed, non-empty sentences with offsets. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let from = 0;
  const push = (to: number) => {
    let a = from;
    let b = to;
    while (a < b && /\s/.test(text[a])) a++;
    while (b > a && /\s/.test(text[b - 1])) b--;
    if (b > a) out.push({ text: text.slice(a, b), start: a });
  };
  for (const m of text.matchAll(SENTENCE_END)) {
    push(m.index);
    from = m.index + 1;
  }
  push(text.length);
  return out;
}

/** Clause boundaries inside a sentence: commas and colons, full- or half-width (、 is a list, not a boundary). */
const CLAUSE_BOUNDARY = /[,:\uFF0C\uFF1A]/;

/** Index just after the last clause boundary before `pos` (0 when none). */
export function clauseStart(sentence: string, pos: number): number {
  for (let i = pos - 1; i >= 0; i--) if (CLAUSE_BOUNDARY.test(sentence[i])) return i + 1;
  return 0;
}

/** Compares quotes and evidence loosely: whitespace removed, full-width ,;:()% folded to half-width. */
export function looseText(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/\uFF0C/g, ',')
    .replace(/\uFF1B/g, ';')
    .replace(/\uFF1A/g, ':')
    .replace(/\uFF08/g, '(')
    .replace(/\uFF09/g, ')')
    .replace(/\uFF05/g, '%');
}
