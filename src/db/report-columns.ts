/** The column selections the report queries read, with summaries and evidence resolved in SQL. */
import { type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { storedFlags } from '../domain/fact-period.js';
import { evidenceSql } from './evidence-ref.js';
import { metrics, reports, type sections } from './schema.js';
import { sentencesSql } from './summary-refs.js';

/**
 * A stored summary read back as its sentences: references into the paragraphs are resolved in SQL (the
 * fragment names its table explicitly, so it binds to the row's own columns inside the correlated subquery;
 * a column object would be rendered unqualified there and bind to `paragraphs`), then decoded as the column.
 */
export function sentences(
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
export function unchecked<C extends SQLiteColumn>(column: C): SQL<Selected<C>> {
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
export const REPORT_COLUMNS = {
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
export const REF_EXPRESSIONS = uncheckedAll(REF_COLUMNS);

// Evidence stored as a paragraph reference is resolved here, so every reader still gets the sentence; flags
// are decoded leniently (rows stored before flags were JSON hold `;`-separated reasons, which JSON mode cannot read).
export const METRIC_COLUMNS = {
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

/** The order of every report list (allReports, /list, subscription filters); `reports_listing` holds it, so no sort is needed. */
export const LISTING_ORDER = [reports.province, reports.regionName, reports.year, reports.id];

/** `FROM reports INDEXED BY <index>`: drizzle has no index hints for SQLite. */
export function reportsIndexedBy(index: 'reports_listing' | 'reports_region_year'): SQL {
  return sql`${reports} INDEXED BY ${sql.raw(index)}`;
}
