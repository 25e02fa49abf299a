import { afterEach, describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../src/bench/prng.js';
import { tierOf } from '../../src/domain/compare-tier.js';
import { headlineFactsOf } from '../../src/db/headline-facts.js';
import { writeHeadlineFacts } from '../../src/db/headline-facts-write.js';
import type { DigestDb } from '../../src/db/open.js';
import { ReportStore } from '../../src/db/report-store.js';
import { allRegions } from '../../src/gazetteer/gazetteer.js';
import { parseCompareArgs } from '../../src/service/commands/compare-args.js';
import { build, factScope, wholeComparison, type NamedMetric } from '../../src/service/commands/compare-build.js';
import { rankedView } from '../../src/service/commands/compare-ranked.js';
import type { CompareView, Entry } from '../../src/service/commands/compare-view.js';
import { buildComparison, type CompareRow, type Comparison } from '../../src/service/commands/compare-rows.js';
import { metricGroupFor } from '../../src/service/query/metric-words.js';
import { median } from '../../src/service/reply/format.js';
import { tempDb } from '../helpers/temp-db.js';

const KEYS = ['proposals.filed', 'proposals.received', 'proposals.answered', 'proposals.answer_rate', 'consultations.events'];
const UNITS: [string, number][] = [
  ['件', 1],
  ['件', 1],
  ['篇', 1],
  ['万件', 1e4],
];
const PERIODS = ['year', 'year', 'year', 'year', 'term', 'session', 'unknown', 'cumulative'];
const LINES = ['立案{n}件', '五年来立案{n}件', '累计立案{n}件', '全年累计立案{n}件', '共收到提案{n}件'];

/** Reports with random regions (every tier, some unknown), bodies, years and headline facts of the 提案 keys. */
function generate(db: DigestDb, rng: Rng, n: number): void {
  const regions = allRegions();
  const c = db.$client;
  const report = c.prepare(
    `INSERT INTO reports (hash, source_file, body, region_code, region_name, region_level, province, year, period, script,
       encoding, text_length, summary, plan_summary, keywords, terms, ingested_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'simplified', 'utf-8', 1, '[]', '[]', '[]', '{}', '2026-01-01T00:00:00Z')`,
  );
  const metric = c.prepare(
    `INSERT INTO metrics (report_id, key, label, value, unit, approx, normalized, period, evidence, offset, headline,
       body_scope, confidence, rule, flags)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, 'test', ?)`,
  );
  c.transaction(() => {
    for (let i = 0; i < n; i++) {
      // Few distinct regions: ties on value and on name both occur.
      const r = rng.chance(0.1) ? null : regions[rng.int(0, 40) * 97]!;
      const id = Number(
        report.run(
          `h${i}`,
          `f${i}.txt`,
          rng.pick(['政协', '政协', '政协', '人大', null]),
          r?.code ?? null,
          r ? r.name : rng.pick([null, '全国']),
          r?.level ?? null,
          r?.province ?? null,
          rng.chance(0.1) ? null : rng.int(2019, 2023),
          rng.pick(['year', 'year', 'term']),
        ).lastInsertRowid,
      );
      for (const key of KEYS) {
        if (rng.chance(0.35)) continue;
        const value = key.endsWith('rate') ? rng.int(80, 105) : rng.int(0, 30);
        const [unit, factor] = key.endsWith('rate') ? ['%', 1] : rng.pick(UNITS);
        const flags = rng.chance(0.15) ? '["与上年不符"]' : rng.chance(0.05) ? '存疑;重复' : '[]';
        const evidence = rng.pick(LINES).replace('{n}', String(value));
        const row = [id, key, key, value, unit, rng.pick(['exact', 'about']), value * factor, rng.pick(PERIODS), evidence];
        // A non-headline fact first sometimes: only headline facts count.
        if (rng.chance(0.1)) metric.run(...row, 0, 'own', 'high', '[]');
        const scope = rng.pick(['own', 'own', 'own', 'own', 'other', 'aggregate']);
        metric.run(...row, 1, scope, rng.chance(0.1) ? 'low' : 'high', flags);
      }
      writeHeadlineFacts(db, id);
    }
  })();
}

/** The comparison as the old path built it: every report listing and every headline fact, filtered in JS. */
function bruteForce(store: ReportStore, q: ReturnType<typeof parseCompareArgs>, m: NamedMetric): Comparison {
  const keys = m.group.columns.map((col) => col.key);
  const scope = store
    .allReports()
    .filter((r) => !q.year || (r.year !== null && r.year >= q.year.from && r.year <= q.year.to))
    .filter((r) => !q.province || r.province === q.province)
    .filter((r) => !q.tier || tierOf(r) === q.tier);
  const ids = new Set(scope.map((r) => r.id));
  const body = q.body ?? m.group.body ?? null;
  const facts = store.headlinesForKeys(keys).filter((f) => ids.has(f.reportId));
  return buildComparison(body ? scope.filter((r) => r.body === body) : scope, facts, keys, m.column, {
    includeDoubtful: q.includeDoubtful,
  });
}

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
