/** Summarize stage: extractive summaries and keyword candidates of a report. */
export { summarize } from './summarize.js';
export { extractTerms } from './terms.js';
