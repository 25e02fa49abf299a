import type { MetricFact, ReportOutline } from '../../domain/report.js';

/** Extractive summaries of a report. */
export interface SummaryResult {
  summary: string[];
  planSummary: string[];
  /** Section path → 1–2 sentences. */
  sections: Record<string, string[]>;
}

/** Builds summaries (stub; replaced by the summarize stage). */
export function summarize(_text: string, _outline: ReportOutline, _metrics: MetricFact[]): SummaryResult {
  return { summary: [], planSummary: [], sections: {} };
}

/** Candidate keyword terms with counts, and provisional keywords (stub). */
export function extractTerms(_text: string, _regionNames: string[]): { terms: Record<string, number>; keywords: string[] } {
  return { terms: {}, keywords: [] };
}
