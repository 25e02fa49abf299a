import { rankedPage } from '../../db/compare-scan.js';
import type { RankQuery, Segment } from '../../db/compare-rank-query.js';
import type { CompareRanks } from '../../db/compare-ranks.js';
import type { RankedFact } from '../../db/compare-segment-walk.js';
import type { DigestDb } from '../../db/open.js';
import { byName } from './compare-rows.js';

/** A comparison's rank order: larger first, equal values by region name; listing order (the input's) keeps ties. */
export function byRank(a: RankedFact, b: RankedFact): number {
  return b.normalized - a.normalized || byName(a.regionName ?? '', b.regionName ?? '');
}

/**
 * A segment's report ids in rank order, about `size` at a time, each figure read once: a page below the last
 * value read, its last value's figures read whole (a page may cut a run of equal values, which sort by name).
 */
export function* segmentBatches(db: DigestDb, ranks: CompareRanks, q: RankQuery, s: Segment, size: number): Generator<number[]> {
  let below: number | null = null;
  for (;;) {
    const page = rankedPage(db, q, s, below, size);
    if (!page.length) return;
    const full = page.length === size;
    const last = page[page.length - 1]!.normalized;
    const rows = full ? [...page.filter((r) => r.normalized !== last), ...ranks.between(q, s, last, last)] : page;
    // Stable: equal values and names keep the listing order both parts arrive in.
    yield rows.sort(byRank).map((r) => r.reportId);
    if (!full) return;
    below = last;
  }
}
