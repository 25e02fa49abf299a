import { COUNT_ORDERS } from '../ingest/metrics/registry/ratios.js';

/**
 * A check between two figures of one report that a single fact cannot see (COUNT_ORDERS: received below filed,
 * answered above filed). Both sides are marked, since the text alone does not say which one is wrong.
 */
export interface CrossCheck {
  /** The bit a headline fact stores (headline_facts.checks) when this check failed for it. */
  bit: number;
  a: string;
  b: string;
  why: string;
  /** True when the check fails for normalized values of `a` and `b`. */
  fails: (a: number, b: number) => boolean;
}

/** Bit of headline_facts.checks: the fact's own doubts (factDoubts) are not empty. */
export const CHECK_OWN_DOUBTS = 1;
/** Bit of headline_facts.checks: a rate above 100 %. */
export const CHECK_RATE = 2;

/** The pairwise checks, in the order their reasons are added to a cell; bits 4, 8, … by position. */
export const CROSS_CHECKS: readonly CrossCheck[] = COUNT_ORDERS.map((o, i) => ({
  bit: 4 << i,
  a: o.big,
  b: o.small,
  why: o.reason,
  fails: (big: number, small: number) => big < small,
}));

/**
 * What the stored bits mean, as a number kept in corpus_meta: when the checks change (a pair added, reordered),
 * the read model is refilled so no row keeps bits of the old list.
 */
export const CHECKS_SIGNATURE = [...JSON.stringify(COUNT_ORDERS)].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 2147483647, 7);

/** The reason a rate above 100 % is given. */
export const RATE_WHY = '比率超过100%';

/** A rate above 100 % (checked for every cell of a row). */
export function rateFails(f: { unit: string; value: number }): boolean {
  return f.unit === '%' && f.value > 100;
}

/**
 * The bits of headline_facts.checks that make a fact of `key` doubtful in a row of `keys`: its own doubts, a
 * rate, and each pairwise check whose two keys are both columns of the row.
 */
export function doubtMask(key: string, keys: readonly string[]): number {
  let mask = CHECK_OWN_DOUBTS | CHECK_RATE;
  for (const c of CROSS_CHECKS) if ((c.a === key || c.b === key) && keys.includes(c.a) && keys.includes(c.b)) mask |= c.bit;
  return mask;
}
