import { isStopTerm } from './lexicon.js';

/** Optional inputs of keyword ranking. */
export interface RankOptions {
  /** Prior IDF (e.g. jieba's table), blended in while the corpus is too small to tell terms apart. */
  priorIdf?: (term: string) => number;
  /** Terms to drop (e.g. the report's region names). */
  exclude?: Iterable<string>;
}

/** Corpus size from which corpus IDF alone decides. */
const TRUSTED_CORPUS = 20;

/**
 * Ranks a report's candidate terms by TF-IDF against the stored corpus and returns the top `n`.
 * Pure: the store passes its term → document-frequency table and the number of reports.
 */
export function rankKeywords(
  terms: Record<string, number>,
  docFreq: (term: string) => number,
  totalDocs: number,
  n = 10,
  options: RankOptions = {},
): string[] {
  const exclude = new Set(options.exclude ?? []);
  const total = Math.max(totalDocs, 1);
  // Weight of the corpus IDF grows with the corpus; the prior covers the first few reports.
  const trust = options.priorIdf ? Math.min(1, total / TRUSTED_CORPUS) : 1;
  const scored: { term: string; score: number }[] = [];
  for (const [term, count] of Object.entries(terms)) {
    if (count <= 0 || isStopTerm(term) || exclude.has(term)) continue;
    const df = Math.min(Math.max(docFreq(term), 0), total);
    // Smoothed IDF; a term found in every report scores ln(1)+… ≈ the floor.
    const corpus = Math.log((total + 1) / (df + 1)) + 1;
    const prior = options.priorIdf ? options.priorIdf(term) / 4 : corpus;
    const idf = trust * corpus + (1 - trust) * prior;
    const tf = 1 + Math.log(count);
    scored.push({ term, score: tf * idf * lengthWeight(term) });
  }
  scored.sort((a, b) => b.score - a.score || a.term.localeCompare(b.term));
  return dedupe(
    scored.map((s) => s.term),
    n,
  );
}

/** Two-character words are often generic; longer compounds carry the specific topic. */
function lengthWeight(term: string): number {
  const length = [...term].length;
  return length >= 4 ? 1.2 : length === 3 ? 1.1 : 1;
}

/** Keeps the first `n` terms, skipping a term contained in (or containing) one already kept. */
function dedupe(ranked: string[], n: number): string[] {
  const kept: string[] = [];
  for (const term of ranked) {
    if (kept.length >= n) break;
    if (kept.some((k) => k.includes(term) || term.includes(k))) continue;
    kept.push(term);
  }
  return kept;
}
