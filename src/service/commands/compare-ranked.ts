import { CROSS_CHECKS, RATE_WHY, rateFails, doubtMask } from '../../domain/cross-checks.js';
import { keyBit, rowBits } from '../../domain/key-bits.js';
import { TIER_ORDER, type CompareTier } from '../../domain/compare-tier.js';
import {
  compareRanksOf,
  type CellCount,
  type CompareRanks,
  type RankQuery,
  type RankedFact,
  type RowFact,
  type Segment,
} from '../../db/compare-ranks.js';
import type { FactScope } from '../../db/headline-facts.js';
import type { DigestDb } from '../../db/open.js';
import { formatValue } from '../reply/format.js';
import {
  baseUnit,
  byName,
  medianText,
  periodLabel,
  type CompareCell,
  type CompareRow,
  type CompareStats,
  reportOfFact,
} from './compare-rows.js';
import { byRank, segmentBatches } from './compare-scan.js';
import type { CompareView, Entry } from './compare-view.js';

/**
 * When the row's columns are keys of one family: the reports without the compared figure counted by tier and
 * row period, and which columns have figures, from the family's headline_rows (one grouped pass) instead of
 * from every figure of the other columns.
 */
function shapesOf(
  ranks: CompareRanks,
  q: RankQuery,
): { uncompared: { tier: CompareTier; period: string; n: number }[]; hasColumn: boolean[] } | null {
  const bits = rowBits(q.keys);
  if (!bits) return null;
  const colBits = q.keys.map((k) => keyBit(k)!.bit);
  const compared = colBits[q.keys.indexOf(q.key)]!;
  const counts = new Map<string, { tier: CompareTier; period: string; n: number }>();
  const hasColumn = q.keys.map(() => false);
  for (const s of ranks.rowShapes(q, bits.family)) {
    if (!(s.own & bits.mask)) continue;
    colBits.forEach((b, i) => {
      if (s.own & b) hasColumn[i] = true;
    });
    if (s.own & compared) continue;
    // As rowPeriod: annual when one of the row's figures is, else the period of its first figure.
    let period = 'year';
    if (!(s.annual & bits.mask)) {
      const first = colBits.find((b) => s.own & b)!;
      period = new Map(s.periods.split(',').map((x) => [Number(x.slice(0, x.indexOf(':'))), x.slice(x.indexOf(':') + 1)])).get(
        first,
      )!;
    }
    const at = `${s.tier}|${period}`;
    const c = counts.get(at);
    if (c) c.n += s.n;
    else counts.set(at, { tier: s.tier, period, n: s.n });
  }
  return { uncompared: [...counts.values()], hasColumn };
}

/** Pages kept per view. */
const MAX_PAGES = 32;

/** A run of entries in reading order: one sorted segment in SQL, or rows already in memory. */
interface Run {
  size: number;
  tier: string | null;
  /** Report ids of the run's entries `from` to `to` (excluded), in order. */
  ids: (from: number, to: number) => number[];
  /** Every report id of the run in order, about `size` at a time. */
  batches: (size: number) => Iterable<number[]>;
}

/** A report without an own figure of the compared key: its own figures of the other columns. */
interface Uncompared {
  reportId: number;
  tier: CompareTier;
  regionName: string | null;
  period: string;
  /** The first figure in column order (a tier group sorts such rows by it). */
  first: number;
}

/** Sums the counts matching `test`. */
function sum(counts: CellCount[], test: (c: CellCount) => boolean): number {
  return counts.reduce((n, c) => n + (test(c) ? c.n : 0), 0);
}

/** Reports of one tier without the compared figure, from their facts in listing order (a report's facts together). */
function uncomparedRows(ranks: CompareRanks, q: RankQuery, tier: CompareTier): Uncompared[] {
  const byReport = new Map<number, { regionName: string | null; facts: Map<string, { n: number; p: string }> }>();
  for (const f of ranks.uncompared(q, tier)) {
    let r = byReport.get(f.reportId);
    if (!r) byReport.set(f.reportId, (r = { regionName: f.regionName, facts: new Map() }));
    r.facts.set(f.key, { n: f.normalized, p: f.period });
  }
  return [...byReport].map(([reportId, r]) => {
    const present = q.keys.flatMap((k) => {
      const f = r.facts.get(k);
      return f ? [f] : [];
    });
    // As rowPeriod: annual when some other figure is, else the first figure's period.
    const period = present.some((f) => f.p === 'year') ? 'year' : present[0]!.p;
    return { reportId, tier, regionName: r.regionName, period, first: present[0]!.n };
  });
}

/** The unit family most trusted annual figures state; a tie goes to the family listed first (as rankRows). */
function topFamily(
  ranks: CompareRanks,
  q: RankQuery,
  counts: CellCount[],
  families: Map<string, number>,
  includeDoubtful: boolean,
): string | null {
  const most = Math.max(0, ...families.values());
  const tied = [...families].filter(([, n]) => n === most && n > 0).map(([f]) => f);
  if (tied.length < 2) return tied[0] ?? null;
  const units = [...new Set(counts.filter((c) => tied.includes(baseUnit(c.unit))).map((c) => c.unit))];
  const first = ranks.firstListedUnit(q, units, includeDoubtful);
  return first === null ? null : baseUnit(first);
}

/** The unit most of a group's counted figures state; a tie goes to the unit ranked first (as statsOf). */
function mostStated(
  ranks: CompareRanks,
  q: RankQuery,
  counted: Segment,
  perUnit: Map<string, number>,
  keys: readonly string[],
): string {
  const most = Math.max(...perUnit.values());
  const tied = [...perUnit].filter(([, n]) => n === most).map(([u]) => u);
  if (tied.length < 2) return tied[0]!;
  const among: Segment = { ...counted, counted: { ...counted.counted!, units: tied } };
  const [id] = segmentIds(ranks, q, among, 0, 1);
  const row = rowsOf(ranks, [id!], keys).get(id!)!;
  return row.cells[q.keys.indexOf(q.key)]!.fact.unit;
}

/** A sorted SQL segment's report ids `from`..`to`: the value range they span, sorted with its ties in JS. */
function segmentIds(ranks: CompareRanks, q: RankQuery, s: Segment, from: number, to: number): number[] {
  const high = ranks.valueAt(q, s, from);
  const low = ranks.valueAt(q, s, to - 1);
  if (high === null || low === null) return [];
  const before = ranks.countAbove(q, s, high);
  // Listing order in, a stable sort: equal values and names keep it, as the whole-table sort did.
  const rows: RankedFact[] = ranks.between(q, s, low, high).sort(byRank);
  return rows.slice(from - before, to - before).map((r) => r.reportId);
}

function sqlRun(db: DigestDb, ranks: CompareRanks, q: RankQuery, s: Segment, size: number, tier: string | null): Run {
  return {
    size,
    tier,
    ids: (from, to) => segmentIds(ranks, q, s, from, to),
    batches: (n) => segmentBatches(db, ranks, q, s, n),
  };
}

/** Reports without the compared figure of one tier and row period, read (and sorted) when a page reaches them. */
function uncomparedRun(
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

/** A cell of a page row: the stored doubts, then the row's failed checks (as crossCheck adds them). */
function cellOfRow(f: RowFact, keys: readonly string[]): CompareCell {
  const doubts = [...(JSON.parse(f.doubts) as string[])];
  for (const x of CROSS_CHECKS)
    if (f.checks & x.bit && keys.includes(x.a) && keys.includes(x.b) && !doubts.includes(x.why)) doubts.push(x.why);
  if (rateFails(f) && !doubts.includes(RATE_WHY)) doubts.push(RATE_WHY);
  return { fact: f, text: formatValue(f), doubts, derived: f.derived ?? null, period: f.period };
}

/** Rows of the given reports, with every column's own figure. */
function rowsOf(ranks: CompareRanks, ids: number[], keys: readonly string[]): Map<number, CompareRow> {
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

/**
 * The comparison of `keys[column]` counted, grouped and paged in SQL (the headline_facts_key_rank index): no
 * read of every figure of the metric, only the counts per tier, period, unit and doubt, the reports without
 * the compared figure, and the rows of the entries asked for. Null when a tie the SQL path cannot order the
 * way the whole-table path does (two unit families stated equally often) leaves it to that path.
 */
export function rankedView(
  db: DigestDb,
  keys: readonly string[],
  column: number,
  scope: FactScope,
  body: string | null,
  includeDoubtful: boolean,
): CompareView {
  const ranks = compareRanksOf(db);
  const key = keys[column]!;
  const q: RankQuery = { keys, key, scope, body, mask: doubtMask(key, keys) };
  const counts = ranks.cellCounts(q);
  const shapes = shapesOf(ranks, q);
  const uncompared = shapes ? shapes.uncompared : ranks.uncomparedCounts(q);
  // A tier's reports without the compared figure, read once when a page first reaches one of them.
  const loaded = new Map<CompareTier, Uncompared[]>();
  const load = (tier: CompareTier) => () => {
    let rows = loaded.get(tier);
    if (!rows) loaded.set(tier, (rows = uncomparedRows(ranks, q, tier)));
    return rows;
  };
  const uncomparedOf = (tier: CompareTier, period: string) =>
    uncompared.reduce((n, u) => n + (u.tier === tier && u.period === period ? u.n : 0), 0);

  // The unit family most counted annual figures state (as rankRows; a tie is decided by listing order there).
  const trusted = (c: CellCount) => c.period === 'year' && (includeDoubtful || !c.doubtful);
  const families = new Map<string, number>();
  for (const c of counts) if (trusted(c)) families.set(baseUnit(c.unit), (families.get(baseUnit(c.unit)) ?? 0) + c.n);
  const family = topFamily(ranks, q, counts, families, includeDoubtful);
  const familyUnits = [...new Set(counts.filter((c) => family !== null && baseUnit(c.unit) === family).map((c) => c.unit))];
  const statedUnits = new Set(
    counts.filter((c) => trusted(c) && family !== null && baseUnit(c.unit) === family).map((c) => c.unit),
  );
  const mixed = statedUnits.size > 1;
  const unit = family === null ? '' : mixed ? family : [...statedUnits][0]!;
  const isCounted = (c: CellCount) => trusted(c) && family !== null && baseUnit(c.unit) === family;

  const runs: Run[] = [];
  const groups: CompareView['groups'] = [];
  for (const tier of TIER_ORDER) {
    const annual = counts.filter((c) => c.tier === tier && c.period === 'year');
    const noFigure = uncomparedOf(tier, 'year');
    if (!annual.length && !noFigure) continue;
    const countedSeg: Segment = { tier, period: 'year', counted: { units: familyUnits, includeDoubtful, notCounted: false } };
    const n = sum(annual, isCounted);
    // Most stated unit of the group's counted figures, for a mixed median; a tie is ordered by rank there.
    const perUnit = new Map<string, number>();
    for (const c of annual) if (isCounted(c)) perUnit.set(c.unit, (perUnit.get(c.unit) ?? 0) + c.n);
    runs.push(sqlRun(db, ranks, q, countedSeg, n, tier));
    runs.push(
      sqlRun(
        db,
        ranks,
        q,
        { tier, period: 'year', counted: { units: familyUnits, includeDoubtful, notCounted: true } },
        sum(annual, (c) => !isCounted(c)),
        tier,
      ),
    );
    runs.push(
      uncomparedRun(
        load(tier),
        'year',
        (a, b) => b.first - a.first || byName(a.regionName ?? '', b.regionName ?? ''),
        noFigure,
        tier,
      ),
    );
    let stats: CompareStats | null | undefined;
    groups.push({
      tier,
      stats: () => {
        if (stats !== undefined) return stats;
        if (!n) return (stats = null);
        const mid = ranks.valuesAt(q, countedSeg, n % 2 ? n >> 1 : (n >> 1) - 1, n % 2 ? 1 : 2);
        const med = mid.reduce((s, v) => s + (mixed ? v.normalized : v.value), 0) / mid.length;
        const ends = [...segmentIds(ranks, q, countedSeg, 0, 1), ...segmentIds(ranks, q, countedSeg, n - 1, n)];
        const rows = rowsOf(ranks, ends, keys);
        return (stats = {
          count: n,
          median: medianText(med, mixed ? mostStated(ranks, q, countedSeg, perUnit, keys) : unit, mixed),
          highest: rows.get(ends[0]!)!,
          lowest: rows.get(ends[1]!)!,
        });
      },
    });
  }

  const periodCounts = new Map<string, number>();
  for (const tier of TIER_ORDER) {
    const periods = new Set<string>();
    for (const c of counts) if (c.tier === tier && c.period !== 'year') periods.add(c.period);
    for (const r of uncompared) if (r.tier === tier && r.period !== 'year') periods.add(r.period);
    for (const period of [...periods].sort((a, b) => a.localeCompare(b))) {
      const n = sum(counts, (c) => c.tier === tier && c.period === period);
      const rest = uncomparedOf(tier, period);
      runs.push(sqlRun(db, ranks, q, { tier, period }, n, null));
      runs.push(uncomparedRun(load(tier), period, (a, b) => byName(a.regionName ?? '', b.regionName ?? ''), rest, null));
      const label = periodLabel(period) ?? period;
      periodCounts.set(label, (periodCounts.get(label) ?? 0) + n + rest);
    }
  }

  const year = counts.filter((c) => c.period === 'year');
  const pages = new Map<string, Entry[]>();
  return {
    column,
    unit,
    rowCount: sum(counts, () => true) + uncompared.reduce((n, u) => n + u.n, 0),
    annual: sum(year, () => true),
    groups,
    periodCounts,
    doubtfulCount: sum(year, (c) => c.doubtful),
    otherUnitCount: sum(year, (c) => (includeDoubtful || !c.doubtful) && !isCounted(c)),
    hasColumn: shapes ? shapes.hasColumn : keys.map((k) => ranks.hasFigure(q, k)),
    entries: (from, to) => {
      // The pages already asked for (a few rows each): repeats and the page's chart cost no query.
      const at = `${from}-${to}`;
      let page = pages.get(at);
      if (!page) {
        if (pages.size >= MAX_PAGES) pages.delete(pages.keys().next().value!);
        pages.set(at, (page = entriesOf(ranks, runs, keys, from, to)));
      }
      return page;
    },
    rows: function* (size) {
      for (const run of runs)
        for (const ids of run.batches(size)) {
          const rows = new Map<number, CompareRow>();
          // A batch holds a whole run of equal values, however long: the row reads stay below SQLite's variable limit.
          for (let i = 0; i < ids.length; i += 500)
            for (const [id, row] of rowsOf(ranks, ids.slice(i, i + 500), keys)) rows.set(id, row);
          yield ids.map((id) => ({ row: rows.get(id)!, tier: run.tier }));
        }
    },
  };
}

/** Entries `from`..`to` of the runs in reading order, each run asked only for its part of the range. */
function entriesOf(ranks: CompareRanks, runs: Run[], keys: readonly string[], from: number, to: number): Entry[] {
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
