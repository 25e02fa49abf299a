/** The report store's read statements, built with drizzle and prepared once per connection. */
import { and, asc, count, desc, eq, gt, inArray, isNotNull, lte, max, ne, type SQL, sql } from 'drizzle-orm';
import { paragraphGramsVocab } from './fts-tables.js';
import type { DigestDb } from './open.js';
import { corpusMeta, headlineLabels, metrics, paragraphs, parts, reportOriginals, reports, sections } from './schema.js';
import { listPlaceholders, once } from './prepared-lists.js';
import {
  LISTING_ORDER,
  METRIC_COLUMNS,
  REF_COLUMNS,
  REF_EXPRESSIONS,
  REPORT_COLUMNS,
  reportsIndexedBy,
  sentences,
  unchecked,
} from './report-columns.js';

/** A literal `headline = 1` (no bound parameter for a constant). */
const IS_HEADLINE = sql`${metrics.headline} = 1`;

/** A region's reports (placeholder `code`) and their order, newest first: /trend and a region's report list. */
const OF_REGION = eq(reports.regionCode, sql.placeholder('code'));
const REGION_ORDER = [desc(reports.year), desc(reports.deliveredOn), desc(reports.id)];

/** The report store's queries on one connection, each built and prepared once, on first use (IN lists: once per length). */
export function prepareReportQueries(db: DigestDb) {
  const id = sql.placeholder('id');
  const reportId = sql.placeholder('reportId');
  const province = sql.placeholder('province');
  const metricsOf = (where: SQL | undefined, order: SQL[]) =>
    db
      .select(METRIC_COLUMNS)
      .from(metrics)
      .where(where)
      .orderBy(...order);
  return {
    reportById: once(() => db.select(REPORT_COLUMNS).from(reports).where(eq(reports.id, id)).prepare()),
    // The listing columns of one report: a search hit's label needs no summaries resolved.
    refById: once(() => db.select(REF_COLUMNS).from(reports).where(eq(reports.id, id)).prepare()),
    reportsByRegion: once(() =>
      db
        .select(REPORT_COLUMNS)
        .from(reports)
        .where(OF_REGION)
        .orderBy(...REGION_ORDER)
        .prepare(),
    ),
    // The listing columns only: no summaries to resolve (trends and region checks read nothing else).
    refsByRegion: once(() =>
      db
        .select(REF_COLUMNS)
        .from(reports)
        .where(OF_REGION)
        .orderBy(...REGION_ORDER)
        .prepare(),
    ),
    reportsByYear: once(() =>
      db
        .select(REPORT_COLUMNS)
        .from(reports)
        .where(eq(reports.year, sql.placeholder('year')))
        .orderBy(asc(reports.province), asc(reports.regionName))
        .prepare(),
    ),
    reportsIngestedBetween: once(() =>
      db
        .select(REPORT_COLUMNS)
        .from(reports)
        .where(and(gt(reports.ingestedAt, sql.placeholder('from')), lte(reports.ingestedAt, sql.placeholder('to'))))
        .orderBy(reports.ingestedAt, reports.id)
        .prepare(),
    ),
    // Read from the covering index: the wide rows are never touched.
    allReports: once(() =>
      db
        .select(REF_EXPRESSIONS)
        .from(reportsIndexedBy('reports_listing'))
        .orderBy(...LISTING_ORDER)
        .prepare(),
    ),
    listingGroups: once(() => {
      const grouped = db
        .select({
          province: unchecked(reports.province).as('province'),
          national: sql<number>`${reports.province} IS NULL AND ${reports.regionName} IS '全国'`.as('national'),
          reports: count().as('reports'),
          named: sql<number>`min(${reports.regionName} IS NOT NULL)`.as('named'),
          firstName: sql<string | null>`min(${reports.regionName})`.as('first_name'),
        })
        .from(reportsIndexedBy('reports_listing'))
        .groupBy(sql`1, 2`)
        .as('g');
      return db
        .select({ province: grouped.province, national: grouped.national, reports: grouped.reports })
        .from(grouped)
        .orderBy(sql`${grouped.province}, ${grouped.named}, ${grouped.firstName}`)
        .prepare();
    }),
    // One listing group: a province, or (province unknown) the national reports or the rest.
    reportsOfGroup: once(() =>
      db
        .select(REF_EXPRESSIONS)
        .from(reportsIndexedBy('reports_listing'))
        .where(
          sql`(${reports.province} = ${province} OR (${reports.province} IS NULL AND ${province} IS NULL AND (${reports.regionName} IS '全国') = ${sql.placeholder('national')}))`,
        )
        .orderBy(...LISTING_ORDER)
        .limit(sql.placeholder('limit'))
        .offset(sql.placeholder('offset'))
        .prepare(),
    ),
    // Read from `reports_region_year` alone (it carries the region columns). A stored region code is always
    // written with its name and short name (the gazetteer's), hence the non-null types.
    storedRegions: once(() =>
      db
        .selectDistinct({
          code: sql<string>`${reports.regionCode}`,
          name: sql<string>`${reports.regionName}`,
          short: sql<string>`${reports.regionShort}`,
          province: unchecked(reports.province),
        })
        .from(reportsIndexedBy('reports_region_year'))
        .where(isNotNull(reports.regionCode))
        .prepare(),
    ),
    corpusVersion: once(() =>
      db.select({ value: corpusMeta.value }).from(corpusMeta).where(eq(corpusMeta.key, 'corpus_version')).prepare(),
    ),
    termDocs: once(() =>
      db
        .select({ doc: paragraphGramsVocab.doc })
        .from(paragraphGramsVocab)
        .where(eq(paragraphGramsVocab.term, sql.placeholder('term')))
        .prepare(),
    ),
    paragraphTotal: once(() =>
      db
        .select({ n: max(paragraphs.id) })
        .from(paragraphs)
        .prepare(),
    ),
    headlines: once(() => metricsOf(and(eq(metrics.reportId, reportId), IS_HEADLINE), [asc(metrics.key)]).prepare()),
    allMetrics: once(() => metricsOf(eq(metrics.reportId, reportId), [asc(metrics.offset)]).prepare()),
    headlinesForKeys: (keys: number) =>
      metricsOf(and(IS_HEADLINE, inArray(metrics.key, listPlaceholders('k', keys))), [
        asc(metrics.key),
        asc(metrics.id),
      ]).prepare(),
    // `+key` keeps the planner on the report index: without statistics it would scan the key index instead.
    headlinesForReports: (ids: number, keys: number) =>
      metricsOf(
        and(
          inArray(metrics.reportId, listPlaceholders('r', ids)),
          IS_HEADLINE,
          inArray(sql`+${metrics.key}`, listPlaceholders('k', keys)),
        ),
        [asc(metrics.key), asc(metrics.id)],
      ).prepare(),
    metricVocabulary: once(() =>
      db
        .select({ key: headlineLabels.key, label: headlineLabels.label })
        .from(headlineLabels)
        .where(ne(headlineLabels.key, 'other'))
        .orderBy(headlineLabels.key, headlineLabels.firstId)
        .prepare(),
    ),
    sections: once(() =>
      db
        .select({
          path: sections.path,
          title: sections.title,
          level: sections.level,
          scope: sections.scope,
          summary: sentences('sections.summary', 'sections.report_id', sections.summary),
        })
        .from(sections)
        .where(eq(sections.reportId, reportId))
        .orderBy(sections.ord)
        .prepare(),
    ),
    // One section's title, the first by ord with that path (as a scan of `sections` finds it).
    sectionTitle: once(() =>
      db
        .select({ title: sections.title })
        .from(sections)
        .where(and(eq(sections.reportId, reportId), eq(sections.path, sql.placeholder('path'))))
        .orderBy(sections.ord)
        .limit(1)
        .prepare(),
    ),
    parts: once(() =>
      db
        .select({ title: parts.title, scope: parts.scope })
        .from(parts)
        .where(eq(parts.reportId, reportId))
        .orderBy(parts.ord)
        .prepare(),
    ),
    original: once(() =>
      db
        .select({ original: reportOriginals.original })
        .from(reportOriginals)
        .where(eq(reportOriginals.reportId, reportId))
        .prepare(),
    ),
    paragraphTexts: once(() =>
      db
        .select({ text: paragraphs.text })
        .from(paragraphs)
        .where(eq(paragraphs.reportId, reportId))
        .orderBy(paragraphs.ord)
        .prepare(),
    ),
    reportCount: once(() => db.select({ n: count() }).from(reports).prepare()),
  };
}
