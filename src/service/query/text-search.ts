import { toFtsQuery } from '../../db/fts-text.js';
import type { ReportStore } from './report-store.js';

/** A paragraph that matched a search, with its report and section. */
export interface ParagraphHit {
  paragraphId: number;
  reportId: number;
  sectionPath: string | null;
  text: string;
  rank: number;
}

/**
 * Paragraphs ranked at most: a word found everywhere (委员, 履职) matches tens of thousands of paragraphs, and
 * ranking them all costs hundreds of milliseconds. FTS5 walks its doclists lazily in rowid order, so taking
 * the newest matches first stops early; those are then ranked by bm25.
 */
export const MAX_CANDIDATES = 500;

/** Best-matching paragraphs for all `terms` (AND), best first, among the newest `max(limit, MAX_CANDIDATES)` matches. */
export function searchParagraphs(store: ReportStore, terms: string[], limit: number): ParagraphHit[] {
  const match = toFtsQuery(terms);
  if (!match) return [];
  return store
    .stmt(
      `SELECT p.id AS paragraphId, p.report_id AS reportId, p.section_path AS sectionPath, p.text AS text, c.rank AS rank
       FROM (SELECT rowid, rank FROM paragraphs_fts WHERE paragraphs_fts MATCH ? ORDER BY rowid DESC LIMIT ?) c
       JOIN paragraphs p ON p.id = c.rowid
       ORDER BY c.rank LIMIT ?`,
    )
    .all(match, Math.max(limit, MAX_CANDIDATES), limit) as ParagraphHit[];
}

/** Offsets of every occurrence of every term in `text`, for highlighting. */
export function markTerms(text: string, terms: string[]): [number, number][] {
  const marks: [number, number][] = [];
  for (const term of terms) {
    if (!term) continue;
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) marks.push([at, at + term.length]);
  }
  marks.sort((a, b) => a[0] - b[0]);
  return marks.filter((m, i) => i === 0 || m[0] >= marks[i - 1]![1]);
}

/** A window of a long paragraph around its first highlighted term, with marks shifted to match. */
export function snippet(text: string, marks: [number, number][], max = 160): { text: string; marks: [number, number][] } {
  if (text.length <= max) return { text, marks };
  const first = marks[0]?.[0] ?? 0;
  const start = Math.max(0, Math.min(first - 40, text.length - max));
  const end = Math.min(text.length, start + max);
  const prefix = start > 0 ? '…' : '';
  const shifted = marks
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]) => [s - start + prefix.length, e - start + prefix.length] as [number, number]);
  return { text: prefix + text.slice(start, end) + (end < text.length ? '…' : ''), marks: shifted };
}

/** Splits a paragraph into sentences (。!?; end a sentence). */
export function sentences(text: string): string[] {
  return (
    text
      .match(/[^。!?;!?;]+[。!?;!?;]?/g)
      ?.map((s) => s.trim())
      .filter(Boolean) ?? [text]
  );
}
