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

/** How many lines must end with the same link before it counts as a watermark (and at least this share of lines). */
const MIN_WATERMARK_LINES = 5;
const MIN_WATERMARK_SHARE = 0.2;

/**
 * Removes a copy-protection watermark glued onto many lines (`…文章源自英文巴士-https://…/16018.html`): the
 * longest tail shared by every line that ends with the same link, wherever it occurs.
 */
export function stripWatermarks(text: string): string {
  const lines = text.split('\n');
  const byLink = new Map<string, string[]>();
  for (const line of lines) {
    const link = /https?:\/\/\S+$/.exec(line)?.[0];
    if (link) byLink.set(link, [...(byLink.get(link) ?? []), line]);
  }
  let out = text;
  const nonEmpty = lines.filter((l) => l.trim()).length;
  for (const ends of byLink.values()) {
    if (ends.length < Math.max(MIN_WATERMARK_LINES, nonEmpty * MIN_WATERMARK_SHARE)) continue;
    const mark = ends.reduce(commonTail);
    // A shared tail of a few characters would be ordinary text; a watermark names its site.
    if (mark.length >= 12) out = out.split(mark).join('\n');
  }
  return out;
}

/** The longest common suffix of two strings. */
function commonTail(a: string, b: string): string {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return a.slice(a.length - n);
}
