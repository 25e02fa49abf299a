import { asciiLower, charCount, type GramQuery, toGramQuery } from '../../db/gram-index.js';
import { BM25, candidates, paragraphTexts, type RankedMatch, rankedMatches } from '../../db/paragraph-search.js';
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

/** A ranked paragraph before its text is read: only the shown ones need it. */
export type RankedParagraph = RankedMatch;

/** A ranked search: the best hits, and how many confirmed matches were read to rank them. */
export interface RankedSearch {
  hits: RankedParagraph[];
  /** Matches read, at most `bound + 1` (so more than `bound` says there are more than were ranked). */
  found: number;
  /** The most matches ranked: `max(limit, MAX_CANDIDATES)`. */
  bound: number;
}

/**
 * Best-matching paragraphs for all `terms` (AND), best first, among the newest `max(limit, MAX_CANDIDATES)` matches.
 * Scored and ranked in SQL from each candidate's length and term counts; `withTexts` reads the texts shown.
 */
export function rankedSearch(store: ReportStore, terms: string[], limit: number): RankedSearch {
  const bound = Math.max(limit, MAX_CANDIDATES);
  const query = toGramQuery(terms);
  if (!query) return { hits: [], found: 0, bound };
  const weights = query.tokens.map((tokens) => store.termIdf(tokens));
  return { ...rankedMatches(store, query, weights, bound, limit), bound };
}

/** Ranked paragraphs with their texts, in the same order. */
export function withTexts(store: ReportStore, hits: readonly RankedParagraph[]): ParagraphHit[] {
  const texts = paragraphTexts(
    store,
    hits.map((h) => h.paragraphId),
  );
  return hits.map((h) => ({ ...h, text: texts.get(h.paragraphId) ?? '' }));
}

/**
 * Best-matching paragraphs for all `terms` (AND), best first, with their texts; ranked as `rankedSearch` ranks
 * them. For callers that read every candidate's text anyway (a topic comparison takes up to 5,000): the
 * candidates come with their texts and are counted here, not in SQL.
 */
export function searchParagraphs(store: ReportStore, terms: string[], limit: number): ParagraphHit[] {
  const query = toGramQuery(terms);
  if (!query) return [];
  const found = candidates(store, query, Math.max(limit, MAX_CANDIDATES));
  const scorable = found.map((h) => ({ hit: h, ...countTerms(h.text, query.terms) }));
  return ranked(store, query, scorable, limit).map(({ hit, rank }) => ({ ...hit.hit, rank }));
}

/** What bm25 needs of a candidate: its length in characters and the occurrences of each term. */
interface Scorable {
  length: number;
  counts: number[];
}

/** The best `limit` of `found` by bm25 (rank: lower is better), ties newest first as the candidates come. */
function ranked<T extends Scorable>(store: ReportStore, query: GramQuery, found: T[], limit: number): { hit: T; rank: number }[] {
  if (!found.length) return [];
  const weights = query.tokens.map((tokens) => store.termIdf(tokens));
  const avg = found.reduce((a, h) => a + h.length, 0) / found.length;
  const scored = found.map((hit) => ({ hit, rank: -bm25(hit.counts, hit.length, avg, weights) }));
  // The sort is stable, so ties keep the newer paragraph first.
  return scored.sort((a, b) => a.rank - b.rank).slice(0, limit);
}

/**
 * Characters (code points, as SQL's length() counts them) and non-overlapping occurrences of each term, ASCII
 * case ignored, as `rankedMatches` counts them in SQL.
 */
function countTerms(text: string, terms: string[]): Scorable {
  const lower = terms.some((t) => /[a-z]/.test(t)) ? asciiLower(text) : text;
  const counts = terms.map((t) => {
    let tf = 0;
    for (let at = lower.indexOf(t); at >= 0; at = lower.indexOf(t, at + t.length)) tf++;
    return tf;
  });
  return { length: charCount(text), counts };
}

const { k1: K1, b: B } = BM25;

/** Okapi bm25 of one paragraph from its term counts and length, idf from the index's document counts (`rankedMatches` computes the same in SQL). */
function bm25(counts: number[], length: number, avg: number, idf: number[]): number {
  let score = 0;
  counts.forEach((tf, i) => {
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
