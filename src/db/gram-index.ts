/**
 * The paragraph search index: every letter or digit is a token, and so is every pair of adjacent ones
 * (提案 → 提 案 提案). The FTS5 table keeps no positions (detail=none), so a common character costs a short
 * doclist of row ids instead of its full position list. A 1–2 character term is one exact token; a longer
 * term is the AND of its bigrams, confirmed by a substring check on the paragraph text. The table uses the
 * `ascii` tokenizer: the space-separated tokens written here are taken as they are (every non-ASCII character
 * is a token character there, so no Unicode-table mismatch can drop a rare CJK character).
 */

/** Characters that make up search terms; everything else separates them. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Keys above every code point: a bigram is (first + 1) · BIGRAM + second, a unigram its code point. */
const BIGRAM = 0x110000;
/** Slots of the shared seen-token table: enough for a paragraph of 4,096 characters at half load. */
const SHARED_SLOTS = 1 << 14;
const shared = { keys: new Float64Array(SHARED_SLOTS), marks: new Uint32Array(SHARED_SLOTS), generation: 0 };

/** The distinct unigram and bigram tokens of a text, space-separated, as the index stores them. */
export function toGramText(text: string): string {
  const seen = seenTable(text.length * 2);
  const out: string[] = [];
  let prev = -1;
  let prevChar = '';
  // By UTF-16 unit with fast paths for ASCII and the CJK block (most of a report); other characters take the
  // regex. Tokens are told apart by number in a table reused across calls, not by string in a Set: hashing a
  // new two-character string per position made this the costliest part of storing a report.
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    let c: string;
    if (code < 0x80) {
      if (code >= 0x41 && code <= 0x5a) code += 32;
      else if (!((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39))) {
        prev = -1;
        continue;
      }
      c = String.fromCharCode(code);
    } else if (code >= 0x4e00 && code <= 0x9fff) c = text[i]!;
    else {
      code = text.codePointAt(i)!;
      c = String.fromCodePoint(code);
      if (code > 0xffff) i++;
      if (!WORD_CHAR.test(c)) {
        prev = -1;
        continue;
      }
    }
    if (seen(code)) out.push(c);
    if (prev >= 0 && seen((prev + 1) * BIGRAM + code)) out.push(prevChar + c);
    prev = code;
    prevChar = c;
  }
  return out.join(' ');
}

/**
 * A first-seen test for up to `tokens` numeric keys (open addressing, linear probing): the shared table with a
 * new generation mark (nothing to clear), or a table of its own for a text too long for it.
 */
function seenTable(tokens: number): (key: number) => boolean {
  let table = shared;
  if (tokens * 2 > SHARED_SLOTS) {
    let slots = SHARED_SLOTS;
    while (slots < tokens * 2) slots *= 2;
    table = { keys: new Float64Array(slots), marks: new Uint32Array(slots), generation: 0 };
  }
  if (++table.generation > 0xfffffffe) {
    table.marks.fill(0);
    table.generation = 1;
  }
  const { keys, marks, generation } = table;
  const mask = keys.length - 1;
  // Multiplicative hashing keeps its mixed bits at the top: the slot is the product's high bits.
  const shift = 32 - Math.log2(keys.length);
  return (key) => {
    let slot = Math.imul((key >>> 0) ^ ((key / 0x100000000) | 0), 0x9e3779b1) >>> shift;
    while (marks[slot] === generation) {
      if (keys[slot] === key) return false;
      slot = (slot + 1) & mask;
    }
    marks[slot] = generation;
    keys[slot] = key;
    return true;
  };
}

/** Characters (code points) of a text as SQLite's length() counts them: a surrogate pair is one. */
export function charCount(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** A search term as the index sees it: its letters and digits only, ASCII case folded. */
export function normalizeTerm(term: string): string {
  return asciiLower(
    Array.from(term)
      .filter((ch) => WORD_CHAR.test(ch))
      .join(''),
  );
}

/**
 * Folds A–Z only, like the `ascii` tokenizer and SQLite's lower(): matching is "substring, ASCII case
 * ignored" in the index, in the confirmation and in the brute-force reference alike.
 */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** An index query: the FTS5 MATCH expression plus the terms whose substring presence must be confirmed. */
export interface GramQuery {
  match: string;
  /** Terms of 3+ characters: their bigrams all occurring does not yet mean the term does. */
  confirm: string[];
  /** The distinct normalized terms. */
  terms: string[];
  /** The index tokens each term stands for (for document-frequency weights). */
  tokens: string[][];
}

/** Builds the index query for paragraphs containing every term; null when no term has a letter or digit. */
export function toGramQuery(terms: string[]): GramQuery | null {
  const clean = [...new Set(terms.map(normalizeTerm).filter(Boolean))];
  if (!clean.length) return null;
  const tokens = clean.map((t) => {
    const chars = Array.from(t);
    if (chars.length <= 2) return [t];
    return [...new Set(chars.slice(1).map((c, i) => chars[i]! + c))];
  });
  // Only letters and digits reach a token, so quoting each one can never break the query syntax.
  const match = [...new Set(tokens.flat())].map((t) => `"${t}"`).join(' AND ');
  return { match, confirm: clean.filter((t) => Array.from(t).length > 2), terms: clean, tokens };
}
