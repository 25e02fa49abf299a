import type { CompareTier } from '../domain/compare-tier.js';
import type { FactScope } from './headline-facts.js';

/** The facts a comparison ranks: the compared key's own figures in scope, in reports of `body`. */
export interface RankQuery {
  /** The row's columns (a report is a row when it has an own figure of one of them). */
  keys: readonly string[];
  /** The compared column. */
  key: string;
  scope: FactScope;
  body: string | null;
  /** headline_facts.checks bits that make a figure of `key` doubtful in a row of `keys` (doubtMask). */
  mask: number;
}

/**
 * One sorted run of a tier group: the compared key's figures of one tier and period, either the counted ones
 * (trusted unless `includeDoubtful`, in `units`) or the annual ones that are not counted (`notCounted`).
 */
export interface Segment {
  tier: CompareTier;
  period: string;
  counted?: { units: readonly string[]; includeDoubtful: boolean; notCounted: boolean };
}

/** The report-listing order of headline_facts rows (a comparison's tie order). */
const LISTING = 'province, region_name, year, report_id';

/** The listing order's columns qualified by `alias`, for an ORDER BY. */
export function listingBy(alias: string): string {
  return LISTING.split(', ')
    .map((c) => `${alias}.${c}`)
    .join(', ');
}
