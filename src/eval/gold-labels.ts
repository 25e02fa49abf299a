import { GOLD_LABELS } from '../ingest/metrics/registry/keys.js';

/**
 * The metric key a gold label of the dev corpus's `other_figures` stands for (the registry's `goldLabels`), or
 * null when the label is not scored. Eval only: the extractor never reads these. Labels of sub-totals, other
 * bodies, multi-level totals (三级合计) and figures from someone else's speech stay unmapped (unscored), since a
 * headline fact must not be them.
 */
export function keyOfLabel(label: string): string | null {
  return GOLD_LABELS.get(label.replace(/（/g, '(').replace(/）/g, ')').trim()) ?? null;
}
