import { afterEach, describe, expect, it } from 'vitest';
import { createRng } from '../../src/bench/prng.js';
import { headlineFactsOf } from '../../src/db/headline-facts.js';
import { ReportStore } from '../../src/db/report-store.js';
import { parseCompareArgs } from '../../src/service/commands/compare-args.js';
import { build, factScope, wholeComparison } from '../../src/service/commands/compare-build.js';
import { rankedView } from '../../src/service/commands/compare-ranked.js';
import type { CompareView, Entry } from '../../src/service/commands/compare-view.js';
import type { CompareRow, Comparison } from '../../src/service/commands/compare-rows.js';
import { metricGroupFor } from '../../src/service/query/metric-words.js';
import { median } from '../../src/service/reply/format.js';
import { bruteForce, csvRowOfRow, generate } from '../helpers/headline-corpus.js';
import { tempDb } from '../helpers/temp-db.js';

/** The view of a whole comparison in memory (the reference the SQL path must match). */
function viewOfComparison(cmp: Comparison): CompareView {
  const entries: Entry[] = [
    ...cmp.groups.flatMap((g) => g.rows.map((row) => ({ row, tier: g.tier as string | null }))),
    ...cmp.nonAnnual.map((row) => ({ row, tier: null })),
  ];
  const hasColumn: boolean[] = [];
  for (const { row } of entries) for (let i = 0; i < row.cells.length; i++) if (row.cells[i]) hasColumn[i] = true;
  return {
    column: cmp.column,
    unit: cmp.unit,
    rowCount: entries.length,
    annual: cmp.groups.reduce((n, g) => n + g.rows.filter((r) => r.cells[cmp.column]?.period === 'year').length, 0),
    groups: cmp.groups.map((g) => ({ tier: g.tier, stats: () => g.stats })),
    periodCounts: cmp.periodCounts,
    doubtfulCount: cmp.doubtfulCount,
    otherUnitCount: cmp.otherUnitCount,
    hasColumn,
    entries: (from, to) => entries.slice(from, to),
    csvRows: function* (size) {
      for (let from = 0; from < entries.length; from += size)
        yield entries.slice(from, from + size).map((e) => csvRowOfRow(e.row));
    },
  };
}

const rowView = (r: CompareRow) => [r.report.id, r.tier, ...r.cells.map((c) => c && `${c.text}|${c.period}|${c.doubts}`)];
const view = (c: Comparison) => ({
  unit: c.unit,
  groups: c.groups.map((g) => ({
    tier: g.tier,
    rows: g.rows.map(rowView),
    stats: g.stats && [g.stats.count, g.stats.median, g.stats.highest.report.id, g.stats.lowest.report.id],
  })),
  nonAnnual: c.nonAnnual.map(rowView),
  periodCounts: [...c.periodCounts],
  doubtful: c.doubtfulCount,
  otherUnit: c.otherUnitCount,
});

let t: ReturnType<typeof tempDb> | null = null;
afterEach(() => {
  t?.cleanup();
  t = null;
});

describe('the headline-facts read model on a generated corpus', () => {
  it('gives the same ranked rows, stats and counts as the whole-table path, for every column and scope', () => {
    t = tempDb();
    generate(t.db, createRng(7), 600);
    const store = new ReportStore(t.db);
    const group = metricGroupFor('提案', store)!;
    let compared = 0;
    for (const args of ['', '2021', '2020-2022', '地级', '县级', '含存疑', '人大', '四川', '含存疑 省级'])
      for (let column = 0; column < group.columns.length; column++) {
        const q = parseCompareArgs(['提案', ...args.split(' ').filter(Boolean)]);
        const m = { group, column, word: '提案' };
        const expected = view(bruteForce(store, q, m));
        expect(view(wholeComparison(store, q, m).cmp), `${args} column ${column}`).toEqual(expected);
        compared += expected.groups.reduce((n, g) => n + g.rows.length, 0) + expected.nonAnnual.length;
      }
    // The comparisons were not trivially empty.
    expect(compared).toBeGreaterThan(2000);
  });

  it('counts, groups and pages in SQL exactly like the whole comparison, every page, column and scope', () => {
    t = tempDb();
    generate(t.db, createRng(11), 700);
    const store = new ReportStore(t.db);
    const proposals = metricGroupFor('提案', store)!;
    // Columns of two families: counted from the figures, not from headline_rows.
    const mixed = {
      ...proposals,
      columns: [proposals.columns[0]!, { key: 'consultations.events', label: '协商' }, proposals.columns[1]!],
    };
    let keys = proposals.columns.map((c) => c.key);
    const entryView = (e: Entry) => [e.tier, ...rowView(e.row), e.row.report.regionName, e.row.report.year, e.row.report.period];
    const stats = (v: CompareView) =>
      v.groups.map((g) => {
        const s = g.stats();
        return [g.tier, s && [s.count, s.median, ...[s.highest, s.lowest].map(rowView)]];
      });
    const scalars = (v: CompareView) => [
      v.column,
      v.unit,
      v.rowCount,
      v.annual,
      [...v.periodCounts],
      v.doubtfulCount,
      v.otherUnitCount,
      keys.map((_, i) => !!v.hasColumn[i]),
    ];
    let compared = 0;
    const rng = createRng(5);
    for (const group of [proposals, mixed])
      for (const args of ['', '2021', '2020-2022', '地级', '县级', '含存疑', '人大', '四川', '含存疑 省级', '政府', '全国'])
        for (let column = 0; column < group.columns.length; column++) {
          keys = group.columns.map((c) => c.key);
          const q = parseCompareArgs(['提案', ...args.split(' ').filter(Boolean)]);
          const m = { group, column, word: '提案' };
          const whole = viewOfComparison(wholeComparison(store, q, m).cmp);
          const ranked = rankedView(t.db, keys, column, factScope(q), q.body ?? group.body ?? null, q.includeDoubtful);
          const what = `${args} column ${column}`;
          expect([...build(store, q, m).otherBodies], what).toEqual([...wholeComparison(store, q, m).otherBodies]);
          expect(scalars(ranked), what).toEqual(scalars(whole));
          expect(stats(ranked), what).toEqual(stats(whole));
          // Every page, and ranges across the boundaries of tier groups and runs.
          const ranges: [number, number][] = [];
          for (let from = 0; from < whole.rowCount; from += 20) ranges.push([from, from + 20]);
          for (let i = 0; i < 10; i++) {
            const from = rng.int(0, whole.rowCount);
            ranges.push([from, from + rng.int(1, 60)]);
          }
          for (const [from, to] of ranges)
            expect(ranked.entries(from, to).map(entryView), `${what} ${from}-${to}`).toEqual(
              whole.entries(from, to).map(entryView),
            );
          compared += whole.rowCount;
        }
    expect(compared).toBeGreaterThan(5000);
  });

  it('ranks a figure and takes the median of the other reports like a scan of every fact', () => {
    t = tempDb();
    generate(t.db, createRng(3), 300);
    const store = new ReportStore(t.db);
    const facts = headlineFactsOf(t.db);
    const all = store.headlinesForKeys(['proposals.received']);
    expect(all.length).toBeGreaterThan(100);
    const fresh = all.slice(0, 5).map((f) => f.reportId);
    for (const own of all.slice(0, 20)) {
      const { total, above } = facts.rankOf('proposals.received', own.normalized);
      expect(total).toBe(all.length);
      expect(above).toBe(all.filter((f) => f.normalized > own.normalized).length);
    }
    const pool = all.filter((f) => !fresh.includes(f.reportId)).map((f) => f.normalized);
    expect(facts.medianOf('proposals.received', fresh)).toEqual({ median: median(pool), count: pool.length });
    expect(facts.medianOf('proposals.received', [])?.median).toBe(median(all.map((f) => f.normalized)));
    expect(facts.reportsWithKeys(['proposals.received'], null)).toEqual(new Set(all.map((f) => f.reportId)));
  });
});
