/** Runs of a comparison in reading order (a sorted SQL segment, or rows read when a page reaches them) and their entries. */
import { CROSS_CHECKS, RATE_WHY, rateFails } from '../../domain/cross-checks.js';
import type { RankQuery, Segment } from '../../db/compare-rank-query.js';
import type { CompareRanks } from '../../db/compare-ranks.js';
import type { RowFact } from '../../db/compare-row-facts.js';
import type { RankedFact } from '../../db/compare-segment-walk.js';
import type { DigestDb } from '../../db/open.js';
import { formatValue } from '../reply/format.js';
import { type CompareCell, type CompareRow, reportOfFact } from './compare-rows.js';
import { byRank, segmentBatches } from './compare-scan.js';
import type { Entry } from './compare-view.js';
import type { Uncompared } from './compare-shapes.js';

/** A run of entries in reading order: one sorted segment in SQL, or rows already in memory. */
export interface Run {
  size: number;
  tier: string | null;
  /** Report ids of the run's entries `from` to `to` (excluded), in order. */
  ids: (from: number, to: number) => number[];
  /** Every report id of the run in order, about `size` at a time. */
  batches: (size: number) => Iterable<number[]>;
}

/** A sorted SQL segment's report ids `from`..`to`: the value range they span, sorted with its ties in JS. */
export function segmentIds(ranks: CompareRanks, q: RankQuery, s: Segment, from: number, to: number): number[] {
  const high = ranks.valueAt(q, s, from);
  const low = ranks.valueAt(q, s, to - 1);
  if (high === null || low === null) return [];
  const before = ranks.countAbove(q, s, high);
  // Listing order in, a stable sort: equal values and names keep it, as the whole-table sort did.
  const rows: RankedFact[] = ranks.between(q, s, low, high).sort(byRank);
  return rows.slice(from - before, to - before).map((r) => r.reportId);
}

export function sqlRun(db: DigestDb, ranks: CompareRanks, q: RankQuery, s: Segment, size: number, tier: string | null): Run {
  return {
    size,
    tier,
    ids: (from, to) => segmentIds(ranks, q, s, from, to),
    batches: (n) => segmentBatches(db, ranks, q, s, n),
  };
}

/** Reports without the compared figure of one tier and row period, read (and sorted) when a page reaches them. */
export function uncomparedRun(
  load: () => Uncompared[],
  period: string,
  sort: (a: Uncompared, b: Uncompared) => number,
  size: number,
  tier: string | null,
): Run {
  let rows: Uncompared[] | null = null;
  const ids = (from: number, to: number) => {
    rows ??= load()
      .filter((r) => r.period === period)
      .sort(sort);
    return rows.slice(from, to).map((r) => r.reportId);
  };
  return {
    size,
    tier,
    ids,
    batches: function* (n) {
      for (let from = 0; from < size; from += n) yield ids(from, from + n);
    },
  };
}

/** A row's figure's doubts: the stored ones (JSON), then the row's failed checks (as crossCheck adds them). */
export function rowDoubts(stored: string, checks: number, f: { unit: string; value: number }, keys: readonly string[]): string[] {
  const doubts = [...(JSON.parse(stored) as string[])];
  for (const x of CROSS_CHECKS)
    if (checks & x.bit && keys.includes(x.a) && keys.includes(x.b) && !doubts.includes(x.why)) doubts.push(x.why);
  if (rateFails(f) && !doubts.includes(RATE_WHY)) doubts.push(RATE_WHY);
  return doubts;
}

/** A cell of a page row. */
function cellOfRow(f: RowFact, keys: readonly string[]): CompareCell {
  const doubts = rowDoubts(f.doubts, f.checks, f, keys);
  return { fact: f, text: formatValue(f), doubts, derived: f.derived ?? null, period: f.period };
}

/** Rows of the given reports, with every column's own figure. */
export function rowsOf(ranks: CompareRanks, ids: number[], keys: readonly string[]): Map<number, CompareRow> {
  const out = new Map<number, CompareRow>();
  for (const f of ranks.rowFacts(ids, keys)) {
    let r = out.get(f.reportId);
    if (!r) {
      const report = reportOfFact(f);
      out.set(f.reportId, (r = { report, tier: f.tier, cells: keys.map(() => null) }));
    }
    if (!f.otherBody) r.cells[keys.indexOf(f.key)] = cellOfRow(f, keys);
  }
  return out;
}

/** Entries `from`..`to` of the runs in reading order, each run asked only for its part of the range. */
export function entriesOf(ranks: CompareRanks, runs: Run[], keys: readonly string[], from: number, to: number): Entry[] {
  const wanted: { id: number; tier: string | null }[] = [];
  let at = 0;
  for (const run of runs) {
    const start = Math.max(from, at);
    const end = Math.min(to, at + run.size);
    if (start < end) for (const id of run.ids(start - at, end - at)) wanted.push({ id, tier: run.tier });
    at += run.size;
    if (at >= to) break;
  }
  const rows = rowsOf(
    ranks,
    wanted.map((w) => w.id),
    keys,
  );
  return wanted.map((w) => ({ row: rows.get(w.id)!, tier: w.tier }));
}
