/** Summarize stage: extractive summaries and keyword candidates of a report. */
export { summarize, type SummaryResult } from './summarize.js';
export { extractTerms } from './terms.js';
export { rankKeywords, type RankOptions } from './tfidf.js';
