/** Figures' evidence stored as a reference into the report's own paragraphs instead of a second copy. */

/** Where an evidence sentence sits: paragraph `ord`, start and length in characters (code points, as SQL counts). */
export interface EvidenceRef {
  ord: number;
  at: number;
  len: number;
}

/**
 * SQL resolving a stored figure's evidence to its string (the reference's substring, or the kept text), for a
 * SELECT over `metrics` under the name or alias `m`: readers get the same string as before references.
 */
export function evidenceSql(m = 'metrics'): string {
  return `CASE WHEN ${m}.evidence_ord IS NULL THEN ${m}.evidence ELSE coalesce((SELECT substr(p.text, ${m}.evidence_at + 1, ${m}.evidence_len)
    FROM paragraphs p WHERE p.report_id = ${m}.report_id AND p.ord = ${m}.evidence_ord), ${m}.evidence) END`;
}

// JS indexes count UTF-16 units and SQLite's substr code points: they agree only before the first surrogate.
const SURROGATE = /[\uD800-\uDFFF]/;

/** Start offset of each paragraph in the normalized text (paragraphs are its non-blank lines, in order). */
export function paragraphStarts(text: string, paragraphs: readonly string[]): number[] {
  const starts: number[] = [];
  let from = 0;
  for (const p of paragraphs) {
    const at = text.indexOf(p, from);
    starts.push(at);
    if (at >= 0) from = at + p.length;
  }
  return starts;
}

/**
 * The reference for `evidence` of a figure whose number is at `offset`: in the paragraph holding the number,
 * else the first paragraph containing it; null (keep the text) when no single paragraph holds it verbatim,
 * e.g. merged facts with one sentence per line.
 */
export function evidenceRef(
  paragraphs: readonly string[],
  starts: readonly number[],
  evidence: string,
  offset: number,
): EvidenceRef | null {
  if (!evidence || evidence.includes('\n')) return null;
  const home = paragraphAt(starts, offset);
  const order = home >= 0 ? [home] : [];
  for (let i = 0; i < paragraphs.length; i++) if (i !== home) order.push(i);
  for (const ord of order) {
    const text = paragraphs[ord]!;
    const at = text.indexOf(evidence);
    if (at < 0) continue;
    if (SURROGATE.test(text.slice(0, at + evidence.length))) return null;
    return { ord, at, len: evidence.length };
  }
  return null;
}

/** Index of the last paragraph starting at or before `offset` (-1 when none). */
export function paragraphAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = starts[mid]!;
    if (s >= 0 && s <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
