import type { PartScope, ReportPart } from '../../domain/report.js';

/** The part holding `offset`, or null (before the first part, in an appendix past the last, or no parts). */
export function partAt(parts: readonly ReportPart[], offset: number): ReportPart | null {
  for (const p of parts) if (offset >= p.start && offset < p.end) return p;
  return null;
}

/**
 * Review or plan at `offset`, the one answer for sections, figures and summaries: its part's scope; before
 * the first part review (the opening lines look back on the year: 一年来…); null past the parts (an appendix:
 * 名词解释, 附件) and in a report without parts, which says neither.
 */
export function scopeAt(parts: readonly ReportPart[], offset: number): PartScope | null {
  const first = parts[0];
  if (first && offset < first.start) return 'review';
  return partAt(parts, offset)?.scope ?? null;
}
