import { asciiLower, toGramQuery } from '../../db/gram-index.js';
import { candidates } from '../../db/paragraph-search.js';
import type { ReportStore } from '../../db/report-store.js';
import { splitSentences } from '../../text/sentences.js';

/** A paragraph that matched a search, with its report and section. */
export interface ParagraphHit {
  paragraphId: number;
  reportId: number;
  sectionPath: string | null;
  text: string;
  /** bm25-like score, lower is better (as FTS5's rank). */
  rank: number;
}

/**
 * Paragraphs scored at most: a word found everywhere (委员, 履职) matches tens of thousands of paragraphs.
 * FTS5 walks its doclists lazily in rowid order, so taking the newest matches first stops early; those are
 * then scored.
 */
export const MAX_CANDIDATES = 500;

/** Paragraphs containing every term (substring, ASCII case ignored), newest first, at most `max`. */
export function matchingParagraphs(store: ReportStore, terms: string[], max: number): Omit<ParagraphHit, 'rank'>[] {
  const query = toGramQuery(terms);
  if (!query) return [];
  return candidates(store, query, max);
}

/** A ranked search: the best hits, and how many confirmed matches were read to rank them. */
export interface RankedSearch {
  hits: ParagraphHit[];
  /** Matches read, at most `bound + 1` (so more than `bound` says there are more than were ranked). */
  found: number;
  /** The most matches ranked: `max(limit, MAX_CANDIDATES)`. */
  bound: number;
}

/** Best-matching paragraphs for all `terms` (AND), best first, among the newest `max(limit, MAX_CANDIDATES)` matches. */
export function rankedSearch(store: ReportStore, terms: string[], limit: number): RankedSearch {
  const bound = Math.max(limit, MAX_CANDIDATES);
  const query = toGramQuery(terms);
  if (!query) return { hits: [], found: 0, bound };
  const read = candidates(store, query, bound + 1);
  const found = read.slice(0, bound);
  if (!found.length) return { hits: [], found: 0, bound };
  const weights = query.tokens.map((tokens) => store.termIdf(tokens));
  const avg = found.reduce((a, h) => a + h.text.length, 0) / found.length;
  const scored = found.map((h) => ({ ...h, rank: -bm25(h.text, h.text.length, avg, query.terms, weights) }));
  // Ties keep the newer paragraph first (the candidates come newest first and the sort is stable).
  return { hits: scored.sort((a, b) => a.rank - b.rank).slice(0, limit), found: read.length, bound };
}

/** Best-matching paragraphs for all `terms` (AND), best first (see `rankedSearch`). */
export function searchParagraphs(store: ReportStore, terms: string[], limit: number): ParagraphHit[] {
  return rankedSearch(store, terms, limit).hits;
}

const K1 = 1.2;
const B = 0.75;

/** Okapi bm25 of one paragraph: term frequencies counted in the text, idf from the index's document counts. */
function bm25(text: string, length: number, avg: number, terms: string[], idf: number[]): number {
  // Terms are folded already; the text needs folding only when a term has a letter to match case-blind.
  const lower = terms.some((t) => /[a-z]/.test(t)) ? asciiLower(text) : text;
  let score = 0;
  terms.forEach((t, i) => {
    let tf = 0;
    for (let at = lower.indexOf(t); at >= 0; at = lower.indexOf(t, at + t.length)) tf++;
    score += (idf[i]! * (tf * (K1 + 1))) / (tf + K1 * (1 - B + (B * length) / (avg || 1)));
  });
  return score;
}

/** Offsets of every occurrence of every term in `text`, for highlighting. */
export function markTerms(text: string, terms: string[]): [number, number][] {
  const marks: [number, number][] = [];
  for (const term of terms) {
    if (!term) continue;
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) marks.push([at, at + term.length]);
  }
  marks.sort((a, b) => a[0] - b[0]);
  return marks.filter((m, i) => {
    const previous = marks[i - 1];
    return !previous || m[0] >= previous[1];
  });
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

/** Sentences of a paragraph for quoting (。!?；… end one; closing quotes stay with it). */
export function sentences(text: string): string[] {
  return splitSentences(text, { semicolons: true, closers: true }).map((s) => s.text);
}
