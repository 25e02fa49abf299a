/** Rates and count orders between keys that the headline choice and comparisons check. */
import type { MetricKey } from './keys.js';

/**
 * Rates the text states and the counts they are the ratio of (办复率 = 办复 / 立案). Order matters: readings are
 * settled from the outer total inward (立案 against 收到 before 办复 against 立案).
 */
export const RATIOS = [
  { rate: 'proposals.filing_rate', num: 'proposals.filed', den: 'proposals.received' },
  { rate: 'proposals.answer_rate', num: 'proposals.answered', den: 'proposals.filed' },
] as const satisfies readonly { rate: MetricKey; num: MetricKey; den: MetricKey }[];

/** Counts that must hold an order: [larger, smaller, reason a failing figure is flagged with, which side fails]. */
export const COUNT_ORDERS = [
  { big: 'proposals.received', small: 'proposals.filed', reason: '收到少于立案', fails: 'big' },
  { big: 'proposals.filed', small: 'proposals.answered', reason: '办复多于立案', fails: 'small' },
] as const satisfies readonly { big: MetricKey; small: MetricKey; reason: string; fails: 'big' | 'small' }[];
