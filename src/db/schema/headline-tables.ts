/** The compare read model: headline facts, their labels and per-report rows, kept by ingest. */
import type { CompareTier } from '../../domain/compare-tier.js';
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { reports } from './report-tables.js';

/**
 * Distinct (key, label) of headline facts with the number of reports having them: the metric words a user may
 * type, kept by ingest in the report's transaction so understanding a word never scans `metrics`.
 */
export const headlineLabels = sqliteTable(
  'headline_labels',
  {
    key: text('key').notNull(),
    label: text('label').notNull(),
    reports: integer('reports').notNull(),
    /** Lowest metric id with this key and label: the vocabulary lists labels in the order they were first stored. */
    firstId: integer('first_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.label] })],
);

/**
 * The headline-facts read model: per report and key, its first headline figure with what a comparison decides
 * about it (compare period, doubts) and the report's filter/sort columns, written with the report's rows.
 * Comparisons and the scheduler read this narrow table instead of `metrics` (evidence) joined to `reports`.
 */
export const headlineFacts = sqliteTable(
  'headline_facts',
  {
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** The `metrics` row (its evidence is read only for figures shown with their sentence). */
    metricId: integer('metric_id').notNull(),
    value: real('value').notNull(),
    unit: text('unit').notNull(),
    approx: text('approx').notNull(),
    normalized: real('normalized').notNull(),
    /** comparePeriod(): `year`, `term`, `cumulative`, `aggregate`, … */
    period: text('period').notNull(),
    /** factDoubts() as a JSON array (before the cross-checks between a row's figures). */
    doubts: text('doubts', { mode: 'json' }).$type<string[]>().notNull(),
    derived: text('derived'),
    /** 1 for another body's figure (省政协 in a city report): kept for counts, never a comparison cell. */
    otherBody: integer('other_body', { mode: 'boolean' }).notNull(),
    /** tierOf() the report: 全国 / 省级 / 地级 / 县级 / 级别不详. */
    tier: text('tier').$type<CompareTier>().notNull(),
    year: integer('year'),
    province: text('province'),
    body: text('body'),
    regionName: text('region_name'),
    /** The report's period (`year` or `term`), for its year label. */
    reportPeriod: text('report_period').notNull(),
    /**
     * Why the fact may be doubtful in a comparison row, decided at ingest (bits, src/domain/cross-checks.ts):
     * 1 its own doubts, 2 / 4 a failed check against another figure of the report, 8 a rate above 100 %.
     */
    checks: integer('checks').notNull().default(0),
  },
  (t) => [
    // WITHOUT ROWID, by migration 0015 (drizzle-kit cannot declare it).
    primaryKey({ columns: [t.reportId, t.key] }),
    // A metric's facts in report-listing order: a comparison reads one key range of this index, sorted.
    index('headline_facts_key_listing').on(t.key, t.province, t.regionName, t.year, t.reportId),
    index('headline_facts_key_value').on(t.key, t.normalized),
    // A comparison's tier groups: counts, walks to the median and a page's value range, covered (no table rows).
    index('headline_facts_key_rank').on(
      t.key,
      t.tier,
      t.period,
      t.normalized,
      t.otherBody,
      t.body,
      t.unit,
      t.checks,
      t.year,
      t.province,
      t.regionName,
      t.reportId,
    ),
  ],
);

/**
 * Per report and metric family (the part of a key before the dot), which of the family's keys its headline
 * facts have (bits: src/domain/key-bits.ts): a comparison counts the reports without its compared figure, and
 * the reports of other bodies, from these rows instead of from every figure. Written with headline_facts.
 */
export const headlineRows = sqliteTable(
  'headline_rows',
  {
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    family: text('family').notNull(),
    /** Keys with an own figure (another body's figure is no cell of a row). */
    own: integer('own').notNull(),
    /** Keys with any figure (another body's included: the counts of reports left out by body). */
    any: integer('any').notNull(),
    /** Keys whose own figure is annual (compare period `year`). */
    annual: integer('annual').notNull(),
    /** The compare period of each own figure that is not annual, `bit:period` in bit order, comma-separated. */
    periods: text('periods').notNull(),
    tier: text('tier').$type<CompareTier>().notNull(),
    year: integer('year'),
    province: text('province'),
    body: text('body'),
  },
  (t) => [
    // WITHOUT ROWID, by migration 0015 (drizzle-kit cannot declare it).
    primaryKey({ columns: [t.reportId, t.family] }),
    // A family's rows by body and tier, grouped by their key sets in index order.
    index('headline_rows_shape').on(t.family, t.body, t.tier, t.own, t.annual, t.periods, t.any, t.year, t.province),
  ],
);
