/** Text as the FTS index sees it: every CJK character a token of its own, so phrases match substrings. */
export function toFtsText(text: string): string {
  return text
    .replace(/[\u3400-\u9fff\uf900-\ufaff]/g, ' $& ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Builds a safe FTS5 MATCH expression: each term becomes a quoted phrase of its characters, joined by AND.
 * Only letters and digits reach the query, so user text can never break the query syntax.
 */
export function toFtsQuery(terms: string[]): string | null {
  const phrases = terms
    .map((t) => toFtsText(t.replace(/[^\p{L}\p{N}]+/gu, ' ')))
    .filter((t) => t.length > 0)
    .map((t) => `"${t.replace(/"/g, '""')}"`);
  return phrases.length ? phrases.join(' AND ') : null;
}
