import type { CompareTier } from '../../domain/compare-tier.js';
import type { CsvRow } from '../reply/reply-model.js';
import type { CompareRow, CompareStats } from './compare-rows.js';

/** A row of a page in reading order: the annual tier groups, then the non-annual rows. */
export interface Entry {
  row: CompareRow;
  /** The tier group, or null for the non-annual list. */
  tier: string | null;
}

/**
 * What a comparison's replies read (intro, tier stats, a page of rows, column buttons, chart): from a whole
 * comparison held in memory, or counted and paged in SQL (compare-ranked.ts).
 */
export interface CompareView {
  /** Index of the compared column. */
  column: number;
  /** The unit the stats and chart use. */
  unit: string;
  /** Rows of the comparison (tier groups and non-annual), i.e. entries. */
  rowCount: number;
  /** Rows in the tier groups whose compared figure is annual. */
  annual: number;
  /** Tier groups in TIER_ORDER, their stats computed when a page shows the group. */
  groups: { tier: CompareTier; stats: () => CompareStats | null }[];
  periodCounts: Map<string, number>;
  doubtfulCount: number;
  otherUnitCount: number;
  /** Per column: some row has the figure. */
  hasColumn: boolean[];
  /** Entries `from` to `to` (excluded) in reading order. */
  entries: (from: number, to: number) => Entry[];
  /** Every row in reading order as CSV cells, about `size` at a time and none kept (the export: bounded memory). */
  csvRows: (size: number) => Iterable<CsvRow[]>;
}
