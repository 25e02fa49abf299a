import type { MetricFact, ReportMeta, ReportOutline } from '../../domain/report.js';

/** Figures of one report: every mention, and the headline fact per key. */
export interface MetricsResult {
  metrics: MetricFact[];
  headline: Record<string, MetricFact>;
}

/** Finds and classifies figures (stub; replaced by the metrics stage). */
export function extractMetrics(_text: string, _outline: ReportOutline, _meta: ReportMeta): MetricsResult {
  return { metrics: [], headline: {} };
}
