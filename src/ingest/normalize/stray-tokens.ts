/** Removes junk tokens a scraper glued onto many lines (e.g. `pbY` after every line in dev-corpus d030). */

/** How often a Latin token must end a line before it counts as junk. */
const MIN_LINE_END_HITS = 3;
// Latin abbreviations that legitimately close a Chinese line.
const KEEP = new Set(['GDP', 'CPI', 'PPI', 'APP', 'PM', 'AI', 'IT', 'VR', 'AR', 'ETC', 'PPP', 'EPC', 'KTV', 'IP', 'CEO']);

/** Drops Latin tokens of 2–5 letters that end many lines right after CJK text or punctuation, wherever they occur. */
export function stripStrayTokens(text: string): string {
  const counts = new Map<string, number>();
  for (const line of text.split('\n')) {
    const token = /(?:^|[^A-Za-z0-9./:_-])([A-Za-z]{2,5})$/.exec(line)?.[1];
    if (token && !KEEP.has(token.toUpperCase())) counts.set(token, (counts.get(token) ?? 0) + 1);
  }
  let out = text;
  for (const [token, hits] of counts) {
    if (hits < MIN_LINE_END_HITS) continue;
    // Only tokens that never occur inside ordinary words: mixed case like pbY, not an acronym such as NBA.
    if (!/[a-z]/.test(token) || !/[A-Z]/.test(token)) {
      const lineEnds = text.split('\n').length;
      if (hits < Math.max(MIN_LINE_END_HITS, lineEnds * 0.2)) continue;
    }
    out = out.replace(new RegExp(`(?<![A-Za-z])${token}(?![A-Za-z])`, 'g'), '');
  }
  return out;
}

/** Removes a stray page number between a clause and the next one (`围绕中心,1 服务大局`). */
export function stripInlinePageNumbers(text: string): string {
  return text.replace(/([，,、；;])\s*\d{1,3}\s+(?=\p{Script=Han})/gu, '$1');
}
