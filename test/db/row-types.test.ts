import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { ListingGroup, MetricRow, ReportRef, ReportRow, ReportStore } from '../../src/db/report-store.js';
import type { prepareReportQueries } from '../../src/db/report-queries.js';
import type { metrics, parts, reports, sections } from '../../src/db/schema.js';
import { renderPlain } from '../../src/service/reply/plain-renderer.js';
import { seededService } from '../helpers/seeded-service.js';

type Report = typeof reports.$inferSelect;
type Metric = typeof metrics.$inferSelect;
type RefKeys =
  | 'id'
  | 'body'
  | 'kind'
  | 'regionCode'
  | 'regionName'
  | 'regionShort'
  | 'regionLevel'
  | 'province'
  | 'parent'
  | 'year'
  | 'period';
type ReportKeys =
  | RefKeys
  | 'title'
  | 'deliveredOn'
  | 'speaker'
  | 'session'
  | 'sourceUrl'
  | 'sourceFile'
  | 'summary'
  | 'planSummary'
  | 'keywords'
  | 'ingestedAt';
type MetricKeys =
  | 'reportId'
  | 'key'
  | 'label'
  | 'value'
  | 'unit'
  | 'approx'
  | 'normalized'
  | 'evidence'
  | 'sectionPath'
  | 'scope'
  | 'period'
  | 'bodyScope'
  | 'confidence'
  | 'flags'
  | 'derived';

describe('the store’s row types are the schema’s', () => {
  it('types report, metric, section and part rows as picks of the drizzle schema (JSON columns as arrays)', () => {
    expectTypeOf<ReportRow>().toEqualTypeOf<Pick<Report, ReportKeys>>();
    expectTypeOf<ReportRow['summary']>().toEqualTypeOf<string[]>();
    expectTypeOf<ReportRow['planSummary']>().toEqualTypeOf<string[]>();
    expectTypeOf<ReportRow['keywords']>().toEqualTypeOf<string[]>();
    expectTypeOf<ReportRef>().toEqualTypeOf<Pick<Report, RefKeys>>();
    expectTypeOf<ReturnType<ReportStore['allReports']>[number]>().toEqualTypeOf<Pick<Report, RefKeys>>();
    expectTypeOf<MetricRow>().toEqualTypeOf<Pick<Metric, MetricKeys>>();
    expectTypeOf<MetricRow['flags']>().toEqualTypeOf<string[]>();
    expectTypeOf<ReturnType<ReportStore['sections']>[number]>().toEqualTypeOf<
      Pick<typeof sections.$inferSelect, 'path' | 'title' | 'level' | 'scope' | 'summary'>
    >();
    expectTypeOf<ReturnType<ReportStore['parts']>[number]>().toEqualTypeOf<Pick<typeof parts.$inferSelect, 'title' | 'scope'>>();
    expectTypeOf<ReturnType<ReportStore['reportById']>>().toEqualTypeOf<ReportRow | undefined>();
    expectTypeOf<ReturnType<ReportStore['listingGroups']>>().toEqualTypeOf<ListingGroup[]>();
  });

  it('infers the same types from the drizzle queries themselves (not only the store’s declared ones)', () => {
    type Queries = ReturnType<typeof prepareReportQueries>;
    expectTypeOf<ReturnType<ReturnType<Queries['reportById']>['get']>>().toEqualTypeOf<Pick<Report, ReportKeys> | undefined>();
    expectTypeOf<ReturnType<ReturnType<Queries['allReports']>['all']>>().toEqualTypeOf<Pick<Report, RefKeys>[]>();
    expectTypeOf<ReturnType<ReturnType<Queries['reportsOfGroup']>['all']>>().toEqualTypeOf<Pick<Report, RefKeys>[]>();
    expectTypeOf<ReturnType<ReturnType<Queries['allMetrics']>['all']>>().toEqualTypeOf<Pick<Metric, MetricKeys>[]>();
    expectTypeOf<ReturnType<ReturnType<Queries['headlinesForReports']>['all']>>().toEqualTypeOf<Pick<Metric, MetricKeys>[]>();
    expectTypeOf<ReturnType<ReturnType<Queries['sections']>['all']>>().toEqualTypeOf<
      Pick<typeof sections.$inferSelect, 'path' | 'title' | 'level' | 'scope' | 'summary'>[]
    >();
  });
});

describe('the store’s rows on the seeds', () => {
  let env: Awaited<ReturnType<typeof seededService>>;
  beforeAll(async () => {
    env = await seededService();
  }, 120_000);
  afterAll(() => env.cleanup());

  const isSentences = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string' && !s.startsWith('[['));

  it('reads summaries, plan summaries and keywords as arrays of resolved sentences', () => {
    const refs = env.db.$client.prepare(`SELECT count(*) AS n FROM reports WHERE summary LIKE '[[%'`).get() as { n: number };
    expect(refs.n).toBeGreaterThan(0);
    const rows = env.service.store.reportsIngestedBetween('', '9999');
    expect(rows.length).toBe(env.service.store.reportCount());
    for (const r of rows) {
      expect(isSentences(r.summary)).toBe(true);
      expect(isSentences(r.planSummary)).toBe(true);
      expect(isSentences(r.keywords)).toBe(true);
    }
    expect(rows.some((r) => r.summary.length > 0 && r.keywords.length > 0)).toBe(true);
  });

  it('reads section summaries resolved, and /sections quotes their text', () => {
    const store = env.service.store;
    const withSummary = store
      .reportsIngestedBetween('', '9999')
      .map((r) => ({ r, sections: store.sections(r.id) }))
      .find((x) => x.sections.some((s) => s.level === 1 && s.summary.length > 0))!;
    expect(withSummary).toBeDefined();
    for (const s of withSummary.sections) expect(isSentences(s.summary)).toBe(true);
    const first = withSummary.sections.find((s) => s.level === 1 && s.summary.length > 0)!;
    const text = renderPlain(env.service.handle(`/sections ${withSummary.r.id}`, { platform: 'console', chatId: 't' }));
    expect(text).toContain(first.summary.join('').slice(0, 20));
    expect(text).not.toMatch(/\[\[\d+,\d+,\d+\]/);
  });

  it('reads a region’s listing columns in the order and with the values of its full rows', () => {
    const store = env.service.store;
    const codes = [...new Set(store.allReports().flatMap((r) => (r.regionCode ? [r.regionCode] : [])))];
    expect(codes.length).toBeGreaterThan(3);
    for (const code of codes) {
      const full = store.reportsByRegion(code);
      expect(store.refsByRegion(code)).toEqual(
        full.map((r) => ({
          id: r.id,
          body: r.body,
          kind: r.kind,
          regionCode: r.regionCode,
          regionName: r.regionName,
          regionShort: r.regionShort,
          regionLevel: r.regionLevel,
          province: r.province,
          parent: r.parent,
          year: r.year,
          period: r.period,
        })),
      );
    }
  });

  it('reads figures with their flags as arrays and evidence as the sentence', () => {
    const store = env.service.store;
    const all = store.reportsIngestedBetween('', '9999').flatMap((r) => store.allMetrics(r.id));
    expect(all.length).toBeGreaterThan(0);
    for (const f of all) expect(Array.isArray(f.flags)).toBe(true);
    expect(all.some((f) => f.flags.length > 0)).toBe(true);
    expect(all.every((f) => typeof f.evidence === 'string')).toBe(true);
    expect(all.filter((f) => f.evidence !== '').length / all.length).toBeGreaterThan(0.9);
  });

  it('reads a flags column stored before flags were JSON as its reasons', () => {
    const store = env.service.store;
    const id = store.allReports()[0]!.id;
    env.db.$client
      .prepare(`UPDATE metrics SET flags = '单位不明; 期间不明' WHERE id = (SELECT min(id) FROM metrics WHERE report_id = ?)`)
      .run(id);
    expect(store.allMetrics(id).some((f) => f.flags.join('|') === '单位不明|期间不明')).toBe(true);
  });
});
