import { builtinIdf, jieba, posFilter } from './jieba.js';
import { KEEP_POS, isStopTerm } from './lexicon.js';
import { rankKeywords } from './tfidf.js';

/** Candidate terms kept per report (by count) to keep storage small. */
const MAX_TERMS = 60;
/** Provisional keywords per report. */
const KEYWORDS = 10;

/** Candidate keyword terms with their counts, and provisional keywords ranked with jieba's built-in IDF. */
export function extractTerms(text: string, regionNames: string[]): { terms: Record<string, number>; keywords: string[] } {
  const regions = regionNames.filter((r) => r.length >= 2);
  const counts = new Map<string, number>();
  const kept = posFilter(KEEP_POS);
  // One `cut` of the whole text: jieba splits at every line break anyway, so the words are those of cutting
  // line by line, and `tag`'s part of speech is the dictionary's (posFilter) — a third of the time of tagging.
  for (const word of jieba().cut(text, true)) {
    // A one-unit token is never a term (isShapeStop; no domain term is that short): over a third of the tokens
    // skip the dictionary look-ups, which hash every new token string.
    if (word.length < 2 || !kept(word)) continue;
    const term = word.trim();
    if (isStopTerm(term) || regions.some((r) => term.includes(r))) continue;
    counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  const top = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_TERMS);
  const terms = Object.fromEntries(top);
  const { table, median } = builtinIdf();
  // A one-document "corpus": ranking rests on the prior (jieba's IDF) until the store recomputes.
  const keywords = rankKeywords(terms, () => 1, 1, KEYWORDS, { priorIdf: (t) => table.get(t) ?? median, exclude: regions });
  return { terms, keywords };
}
