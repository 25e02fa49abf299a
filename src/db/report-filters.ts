import { and, count, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DigestDb } from './open.js';
import { topicReportIds } from './paragraph-search.js';
import { LISTING_ORDER, reportsIndexedBy } from './report-columns.js';
import { headlineFacts, reports } from './schema.js';

/** One condition of a subscription filter, resolved (a metric word to its keys, a region to its code prefix). */
export type ReportCondition =
  | { kind: 'province'; province: string }
  | { kind: 'region'; code: string; prefix: string | null }
  | { kind: 'metric'; keys: readonly string[] }
  | { kind: 'topic'; topic: string };

/** A filter's reports: its place or subject, narrowed by its subject when it has both (四川 + 提案). */
export interface ReportMatch {
  first: ReportCondition;
  and: ReportCondition | null;
}

/** `FROM reports INDEXED BY reports_listing`: every condition but a topic's reads the covering index alone. */
const LISTING = reportsIndexedBy('reports_listing');

/** A literal that matches nothing (a topic without a searchable term, a metric without keys). */
const NONE = sql`0`;

function conditionSql(c: ReportCondition): SQL {
  switch (c.kind) {
    case 'province':
      return eq(reports.province, c.province);
    case 'region':
      // startsWith on the code, as the week's filter: substr keeps digits exact where LIKE would fold case.
      return c.prefix === null
        ? eq(reports.regionCode, c.code)
        : or(eq(reports.regionCode, c.code), sql`substr(${reports.regionCode}, 1, ${c.prefix.length}) = ${c.prefix}`)!;
    case 'metric':
      // Another body's figure counts too (as reportsWithMetric): the key range of headline_facts, once.
      return c.keys.length
        ? sql`${reports.id} IN (SELECT ${headlineFacts.reportId} FROM ${headlineFacts} WHERE ${inArray(headlineFacts.key, [...c.keys])})`
        : NONE;
    case 'topic': {
      const ids = topicReportIds(c.topic);
      return ids ? sql`${reports.id} IN (${ids})` : NONE;
    }
  }
}

/** Reports matching any of `matches` (every report when null). */
function whereOf(matches: readonly ReportMatch[] | null): SQL | undefined {
  if (matches === null) return undefined;
  if (!matches.length) return NONE;
  return or(...matches.map((m) => (m.and ? and(conditionSql(m.first), conditionSql(m.and))! : conditionSql(m.first))));
}

/**
 * How many reports match any of `matches` (every report when null): one scan of the covering listing index, a
 * metric's key range and a topic's paragraphs read once. Built per call: the statement's shape is the chat's
 * set of filters, and a chat asks once a week.
 */
export function countMatching(db: DigestDb, matches: readonly ReportMatch[] | null): number {
  return db.select({ n: count() }).from(LISTING).where(whereOf(matches)).get()?.n ?? 0;
}

/** The id of the report at `offset` (0-based, listing order) among those matching, or undefined past the end. */
export function matchingIdAt(db: DigestDb, matches: readonly ReportMatch[] | null, offset: number): number | undefined {
  return db
    .select({ id: sql<number>`${reports.id}` })
    .from(LISTING)
    .where(whereOf(matches))
    .orderBy(...LISTING_ORDER)
    .limit(1)
    .offset(offset)
    .get()?.id;
}
