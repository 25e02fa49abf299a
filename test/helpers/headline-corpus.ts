/**
 * A generated corpus of headline facts for comparison tests (every tier, units, periods, doubts, other bodies)
 * and the comparison built from it the old way: every report listing and every headline fact, ranked in JS.
 */
import type { Rng } from '../../src/bench/prng.js';
import { tierOf } from '../../src/domain/compare-tier.js';
import { writeHeadlineFacts } from '../../src/db/headline-facts-write.js';
import type { DigestDb } from '../../src/db/open.js';
import type { ReportStore } from '../../src/db/report-store.js';
import { allRegions } from '../../src/gazetteer/gazetteer.js';
import type { parseCompareArgs } from '../../src/service/commands/compare-args.js';
import type { NamedMetric } from '../../src/service/commands/compare-build.js';
import { buildComparison, type CompareRow, type Comparison, periodLabel } from '../../src/service/commands/compare-rows.js';
import type { CsvRow } from '../../src/service/reply/reply-model.js';

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
export function generate(db: DigestDb, rng: Rng, n: number): void {
  const regions = allRegions();
  const c = db.$client;
  const report = c.prepare(
    `INSERT INTO reports (hash, source_file, body, region_code, region_name, region_level, province, year, period, script,
       encoding, text_length, summary, plan_summary, keywords, terms, ingested_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'simplified', 'utf-8', 1, '[]', '[]', '[]', '{}', '2026-01-01T00:00:00Z')`,
  );
  const metric = c.prepare(
    `INSERT INTO metrics (report_id, key, label, value, unit, approx, normalized, period, evidence, offset, headline,
       body_scope, confidence, rule, flags, derived)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, 'test', ?, ?)`,
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
        if (rng.chance(0.1)) metric.run(...row, 0, 'own', 'high', '[]', null);
        const scope = rng.pick(['own', 'own', 'own', 'own', 'other', 'aggregate']);
        // Some figures derived (全部办复 → 100 %), from the value so that the other draws stay as they were.
        metric.run(...row, 1, scope, rng.chance(0.1) ? 'low' : 'high', flags, value % 9 === 0 ? '全部办复' : null);
      }
      writeHeadlineFacts(db, id);
    }
  })();
}

/** The comparison as the old path built it: every report listing and every headline fact, filtered in JS. */
export function bruteForce(store: ReportStore, q: ReturnType<typeof parseCompareArgs>, m: NamedMetric): Comparison {
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

/**
 * A comparison row as a CSV row the way the export wrote it from row objects before it read figures as arrays
 * (the reference the SQL export must match byte for byte).
 */
export function csvRowOfRow(r: CompareRow): CsvRow {
  return [
    r.report.regionName,
    r.report.province,
    r.tier,
    r.report.body,
    r.report.year,
    ...r.cells.flatMap((c) => {
      if (!c) return [null, null, null];
      const notes = [periodLabel(c.period), c.derived ? '推算' : null, c.doubts.length ? `存疑:${c.doubts.join('、')}` : null];
      return [c.fact.value, c.fact.unit, notes.filter(Boolean).join(';') || null];
    }),
  ];
}
