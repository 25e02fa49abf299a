/** Summary candidates: the shared sentences of each line, flagged as headings, over-long ones cut into clauses. */
import { splitSentences } from '../../text/sentences.js';

/** One sentence (or clause of an over-long sentence) of the normalized text, with its position. */
export interface Sentence {
  text: string;
  /** Character offsets into the text the sentence was split from. */
  start: number;
  end: number;
  /** True when the sentence is a heading: the lead of a numbered line or a short unpunctuated line. */
  heading: boolean;
}

/** Numbering that opens a heading line: 一、 (一) 1. 1、 第一部分 … */
const NUMBERED =
  /^(?:[一二三四五六七八九十]+[、,.\uFF0C\uFF0E]|[(\uFF08][一二三四五六七八九十\d]+[)\uFF09]|\d{1,2}[、.\uFF0E](?!\d)|第[一二三四五六七八九十]+(?:部分|章|节|篇)|[①-⑳])/;
/** Longest sentence kept whole; longer ones are cut into clauses at semicolons. */
const MAX_WHOLE = 150;

/** Splits text (one paragraph per line) into sentences with offsets and heading flags; `;` does not end one. */
export function summarySentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    splitLine(line, lineStart, out);
    lineStart += line.length + 1;
  }
  return out;
}

function splitLine(line: string, base: number, out: Sentence[]): void {
  const trimmed = line.trim();
  if (!trimmed) return;
  const numbered = NUMBERED.test(trimmed);
  // Unpunctuated short lines are titles, part headings, bylines or news subheads.
  const bare = trimmed.length <= 40 && !/[。!?\uFF01\uFF1F;\uFF1B]\s*[”’」』)\uFF09]*$/.test(trimmed);
  let first = true;
  // Closing quotes stay with their sentence: a summary quotes whole sentences.
  for (const sentence of splitSentences(line, { closers: true })) {
    const { text } = sentence;
    const start = base + sentence.start;
    const heading = bare || (numbered && first);
    first = false;
    if (text.length > MAX_WHOLE && !heading) pushClauses(text, start, out);
    else out.push({ text, start, end: start + text.length, heading });
  }
}

/** Cuts an over-long sentence at semicolons; a clause ending in ； is closed with 。 so it reads as a sentence. */
function pushClauses(text: string, start: number, out: Sentence[]): void {
  let offset = 0;
  for (const piece of text.split(/(?<=[;\uFF1B])/)) {
    const clause = piece.replace(/[;\uFF1B]$/, '。');
    if (clause.trim()) out.push({ text: clause, start: start + offset, end: start + offset + piece.length, heading: false });
    offset += piece.length;
  }
}
