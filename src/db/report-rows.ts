/** The row types the report store returns: picks of the drizzle schema, so they cannot drift from it. */
import type { metrics, parts, reports, sections } from './schema.js';

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
