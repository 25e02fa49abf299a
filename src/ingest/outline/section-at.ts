import type { ReportOutline } from '../../domain/report.js';

/** The deepest section whose span holds `offset`, or null; sections are in text order. */
export function sectionAt(outline: Pick<ReportOutline, 'sections'>, offset: number): string | null {
  let best: { path: string; level: number } | null = null;
  for (const s of outline.sections) {
    if (s.start > offset) break;
    if (offset < s.end && (!best || s.level >= best.level)) best = { path: s.path, level: s.level };
  }
  return best?.path ?? null;
}
