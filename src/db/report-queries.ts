import { and, asc, count, desc, eq, gt, inArray, isNotNull, lte, max, ne, type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { storedFlags } from '../domain/fact-period.js';
import { evidenceSql } from './evidence-ref.js';
import { paragraphGramsVocab } from './fts-tables.js';
import type { DigestDb } from './open.js';
import { corpusMeta, headlineLabels, metrics, paragraphs, parts, reportOriginals, reports, sections } from './schema.js';
import { sentencesSql } from './summary-refs.js';

/** A stored report's metadata row as the service reads it (summaries resolved, JSON columns decoded). */
export type ReportRow = Pick<
  typeof reports.$inferSelect,
  | 'id'
  | 'title'
  | 'body'
  | 'kind'
  | 'regionCode'
  | 'regionName'
  | 'regionShort'
  | 'regionLevel'
  | 'province'
  | 'parent'
  | 'year'
  | 'period'
  | 'deliveredOn'
  | 'speaker'
  | 'session'
  | 'sourceUrl'
  | 'sourceFile'
  | 'summary'
  | 'planSummary'
  | 'keywords'
  | 'ingestedAt'
>;

/** The columns of a report that lists, filters and comparisons read; all of them are in the `reports_listing` index. */
export type ReportRef = Pick<
  ReportRow,
  'id' | 'body' | 'kind' | 'regionCode' | 'regionName' | 'regionShort' | 'regionLevel' | 'province' | 'parent' | 'year' | 'period'
>;

/** A stored figure (evidence resolved to its sentence, flags decoded). */
export type MetricRow = Pick<
  typeof metrics.$inferSelect,
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
  | 'derived'
>;

/** A section of a report's outline with its summary sentences. */
export type SectionRow = Pick<typeof sections.$inferSelect, 'path' | 'title' | 'level' | 'scope' | 'summary'>;

/** A part of a report (review / plan). */
export type PartRow = Pick<typeof parts.$inferSelect, 'title' | 'scope'>;

/** A region that has reports. */
export interface StoredRegion {
  code: string;
  name: string;
  short: string;
  province: string | null;
}

/**
 * A stored summary read back as its sentences: references into the paragraphs are resolved in SQL (the
 * fragment names its table explicitly, so it binds to the row's own columns inside the correlated subquery;
 * a column object would be rendered unqualified there and bind to `paragraphs`), then decoded as the column.
 */
function sentences(
  column: 'reports.summary' | 'reports.plan_summary' | 'sections.summary',
  reportId: string,
  as: typeof reports.summary | typeof reports.planSummary | typeof sections.summary,
) {
  return sql.raw(sentencesSql(column, reportId)).mapWith(as);
}

/** A column's type as a select returns it (null unless the column is NOT NULL). */
type Selected<C extends SQLiteColumn> = C['_']['notNull'] extends true ? C['_']['data'] : C['_']['data'] | null;

/**
 * A column as a plain SQL expression, for a FROM drizzle cannot check (`reports INDEXED BY …`: it rejects column
 * fields of a table it does not see). Only for columns without a decoder (text, integer): the value is as stored.
 */
function unchecked<C extends SQLiteColumn>(column: C): SQL<Selected<C>> {
  return sql<Selected<C>>`${column}`;
}

/** The listing columns a comparison or list reads (all of them in the `reports_listing` index). */
export const REF_COLUMNS = {
  id: reports.id,
  body: reports.body,
  kind: reports.kind,
  regionCode: reports.regionCode,
  regionName: reports.regionName,
  regionShort: reports.regionShort,
  regionLevel: reports.regionLevel,
  province: reports.province,
  parent: reports.parent,
  year: reports.year,
  period: reports.period,
};

/** A report's columns as the service reads them: the listing ones, then the rest (summaries resolved). */
const REPORT_COLUMNS = {
  ...REF_COLUMNS,
  title: reports.title,
  deliveredOn: reports.deliveredOn,
  speaker: reports.speaker,
  session: reports.session,
  sourceUrl: reports.sourceUrl,
  sourceFile: reports.sourceFile,
  summary: sentences('reports.summary', 'reports.id', reports.summary),
  planSummary: sentences('reports.plan_summary', 'reports.id', reports.planSummary),
  keywords: reports.keywords,
  ingestedAt: reports.ingestedAt,
};

/** `unchecked` over each column of a selection, keys kept. */
function uncheckedAll<T extends Record<string, SQLiteColumn>>(columns: T): { [K in keyof T]: SQL<Selected<T[K]>> } {
  // Object.fromEntries types its keys as string: each value is `unchecked` of its own key's column.
  return Object.fromEntries(Object.entries(columns).map(([k, c]) => [k, unchecked(c)])) as {
    [K in keyof T]: SQL<Selected<T[K]>>;
  };
}

/** The listing columns for the `INDEXED BY` reads. */
const REF_EXPRESSIONS = uncheckedAll(REF_COLUMNS);

// Evidence stored as a paragraph reference is resolved here, so every reader still gets the sentence; flags
// are decoded leniently (rows stored before flags were JSON hold `;`-separated reasons, which JSON mode cannot read).
const METRIC_COLUMNS = {
  reportId: metrics.reportId,
  key: metrics.key,
  label: metrics.label,
  value: metrics.value,
  unit: metrics.unit,
  approx: metrics.approx,
  normalized: metrics.normalized,
  evidence: sql.raw(evidenceSql()).mapWith(metrics.evidence),
  sectionPath: metrics.sectionPath,
  scope: metrics.scope,
  period: metrics.period,
  bodyScope: metrics.bodyScope,
  confidence: metrics.confidence,
  flags: sql`${metrics.flags}`.mapWith(storedFlags),
  derived: metrics.derived,
};

/** The order of every report list (allReports, /list); `reports_listing` holds it, so no sort is needed. */
const LISTING_ORDER = [reports.province, reports.regionName, reports.year, reports.id];

/** A literal `headline = 1` (no bound parameter for a constant). */
const IS_HEADLINE = sql`${metrics.headline} = 1`;

/** A region's reports (placeholder `code`) and their order, newest first: /trend and a region's report list. */
const OF_REGION = eq(reports.regionCode, sql.placeholder('code'));
const REGION_ORDER = [desc(reports.year), desc(reports.deliveredOn), desc(reports.id)];

/** `FROM reports INDEXED BY <index>`: drizzle has no index hints for SQLite. */
function reportsIndexedBy(index: 'reports_listing' | 'reports_region_year'): SQL {
  return sql`${reports} INDEXED BY ${sql.raw(index)}`;
}

/** Positional placeholders `${prefix}0 … ${prefix}(n-1)` for an IN list of `n` values. */
function listPlaceholders(prefix: string, n: number) {
  return Array.from({ length: n }, (_, i) => sql.placeholder(`${prefix}${i}`));
}

/** Binds `values` to the placeholders of `listPlaceholders(prefix, values.length)`. */
export function listParams<T>(prefix: string, values: readonly T[]): Record<string, T> {
  return Object.fromEntries(values.map((v, i) => [`${prefix}${i}`, v]));
}

/** A value made on first use: a store prepares only the statements its callers run (all of them cost ~2 ms). */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}

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
