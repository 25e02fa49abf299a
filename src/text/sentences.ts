/** Sentences of normalized text with their offsets: the one splitter behind figures, summaries and search snippets. */

/** A sentence and where it sits in the text it was split from. */
export interface Sentence {
  /** The sentence, trimmed: its words, its end marks and (with `closers`) the closing quotes after them. */
  text: string;
  /** Offset of `text` in the split text. */
  start: number;
  /** Offset just after `text`. */
  end: number;
  /** `text` without its end marks and closing quotes, trimmed; starts at `start` unless empty. */
  body: string;
}

/** What ends a sentence besides 。!?！？ and a line break. */
export interface SentenceOptions {
  /** `;`/`；` end a sentence too: each clause of a list states its own figure. Default false. */
  semicolons?: boolean;
  /** Closing quotes and brackets right after the end marks belong to the sentence (“……。”). Default false. */
  closers?: boolean;
}

const END_MARKS = '。!?\\uFF01\\uFF1F';
const SEMICOLONS = ';\\uFF1B';
const CLOSERS = '[”’」』)\\uFF09]*';
const patterns = new Map<string, RegExp>();

/** Words up to the end marks (group 1), then the marks: a line break or the end of the text also ends a sentence. */
function pattern({ semicolons = false, closers = false }: SentenceOptions): RegExp {
  const key = `${semicolons}|${closers}`;
  let re = patterns.get(key);
  if (!re) {
    const marks = semicolons ? END_MARKS + SEMICOLONS : END_MARKS;
    re = new RegExp(`([^${marks}\\n]+)(?:[${marks}]+${closers ? CLOSERS : ''})?`, 'g');
    patterns.set(key, re);
  }
  return re;
}

/** Splits text into trimmed, non-empty sentences with offsets (a run of end marks closes one sentence). */
export function splitSentences(text: string, options: SentenceOptions = {}): Sentence[] {
  const out: Sentence[] = [];
  for (const m of text.matchAll(pattern(options))) {
    const [raw, words = ''] = m;
    const sentence = raw.trim();
    if (!sentence) continue;
    const start = m.index + raw.length - raw.trimStart().length;
    out.push({ text: sentence, start, end: start + sentence.length, body: words.trim() });
  }
  return out;
}
