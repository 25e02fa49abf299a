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

/** The distinct unigram and bigram tokens of a text, space-separated, as the index stores them. */
export function toGramText(text: string): string {
  const seen = new Set<string>();
  let prev = '';
  // By UTF-16 unit with fast paths for ASCII and the CJK block (most of a report); other characters take the
  // regex. Per-character regex tests and replaces made this the costliest part of storing a report.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let c: string;
    if (code < 0x80) {
      if (code >= 0x61 && code <= 0x7a) c = text[i]!;
      else if (code >= 0x41 && code <= 0x5a) c = String.fromCharCode(code + 32);
      else if (code >= 0x30 && code <= 0x39) c = text[i]!;
      else {
        prev = '';
        continue;
      }
    } else if (code >= 0x4e00 && code <= 0x9fff) c = text[i]!;
    else {
      const cp = text.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      if (cp > 0xffff) i++;
      if (!WORD_CHAR.test(ch)) {
        prev = '';
        continue;
      }
      c = ch;
    }
    seen.add(c);
    if (prev) seen.add(prev + c);
    prev = c;
  }
  return [...seen].join(' ');
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
