import { doubtMask } from '../../domain/cross-checks.js';
import { TIER_ORDER, type CompareTier } from '../../domain/compare-tier.js';
import type { CellCount } from '../../db/compare-cell-counts.js';
import type { RankQuery, Segment } from '../../db/compare-rank-query.js';
import { compareRanksOf, type CompareRanks } from '../../db/compare-ranks.js';
import type { FactScope } from '../../db/headline-facts.js';
import type { DigestDb } from '../../db/open.js';
import { baseUnit, byName, medianText, periodLabel, type CompareStats } from './compare-rows.js';
import type { CsvRow } from '../reply/reply-model.js';
import { csvRowsOf } from './compare-csv-rows.js';
import type { CompareView, Entry } from './compare-view.js';
import { entriesOf, rowsOf, type Run, segmentIds, sqlRun, uncomparedRun } from './compare-runs.js';
import { shapesOf, type Uncompared, uncomparedRows } from './compare-shapes.js';

/** Pages kept per view. */
const MAX_PAGES = 32;

/** Sums the counts matching `test`. */
function sum(counts: CellCount[], test: (c: CellCount) => boolean): number {
  return counts.reduce((n, c) => n + (test(c) ? c.n : 0), 0);
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
    csvRows: function* (size) {
      for (const run of runs)
        for (const ids of run.batches(size)) {
          const rows = new Map<number, CsvRow>();
          // A batch holds a whole run of equal values, however long: the row reads stay below SQLite's variable limit.
          for (let i = 0; i < ids.length; i += 500)
            for (const [id, row] of csvRowsOf(ranks, ids.slice(i, i + 500), keys)) rows.set(id, row);
          yield ids.map((id) => rows.get(id)!);
        }
    },
  };
}
