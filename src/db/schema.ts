import type { CompareTier } from '../domain/compare-tier.js';
import type { DeliveryStatus, FilterKind, SubjectKind } from '../domain/subscription.js';
import { blob, customType, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { decodeTermCounts, encodeTermCounts } from './term-counts.js';

/** A text column holding term counts in the compact form of term-counts.ts (JSON rows read too). */
const termCounts = customType<{ data: Record<string, number>; driverData: string }>({
  dataType: () => 'text',
  toDriver: encodeTermCounts,
  fromDriver: decodeTermCounts,
});

/** One report, identified by the hash of its normalized text. */
export const reports = sqliteTable(
  'reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    hash: text('hash').notNull(),
    sourceFile: text('source_file').notNull(),
    title: text('title'),
    body: text('body'),
    kind: text('kind'),
    regionCode: text('region_code'),
    regionName: text('region_name'),
    regionShort: text('region_short'),
    regionLevel: text('region_level'),
    regionTier: text('region_tier'),
    province: text('province'),
    parent: text('parent'),
    year: integer('year'),
    /** `year` or `term` (a five-year review; `year` is then the term's last year). */
    period: text('period').notNull().default('year'),
    deliveredOn: text('delivered_on'),
    speaker: text('speaker'),
    session: text('session'),
    sourceUrl: text('source_url'),
    script: text('script').notNull(),
    encoding: text('encoding').notNull(),
    /** Length of the normalized text; the text itself lives in `paragraphs` (one row per line). */
    textLength: integer('text_length').notNull(),
    summary: text('summary', { mode: 'json' }).$type<string[]>().notNull(),
    planSummary: text('plan_summary', { mode: 'json' }).$type<string[]>().notNull(),
    keywords: text('keywords', { mode: 'json' }).$type<string[]>().notNull(),
    /** Candidate terms with counts, for corpus-relative keyword weights. */
    terms: termCounts('terms').notNull(),
    /** Report count when the keywords were last ranked against the corpus (0: not yet); see refresh-keywords. */
    keywordsTotal: integer('keywords_total').notNull().default(0),
    /** Extractor version that produced the row (0: stored before versions); another version is re-extracted at start. */
    extractorVersion: integer('extractor_version').notNull().default(0),
    ingestedAt: text('ingested_at').notNull(),
  },
  (t) => [
    uniqueIndex('reports_hash').on(t.hash),
    // Region columns after (code, year): resolving a region reads the stored regions from this index alone.
    index('reports_region_year').on(t.regionCode, t.year, t.regionName, t.regionShort, t.province),
    index('reports_year').on(t.year),
    index('reports_ingested_at').on(t.ingestedAt),
    index('reports_keywords_total').on(t.keywordsTotal),
    // Covering index of the columns lists, filters and comparisons read, in /list order: whole-corpus reads
    // (the province counts, stored regions, a comparison's scope) scan it instead of the wide rows, whose
    // summaries, keywords and terms spill onto overflow pages.
    index('reports_listing').on(
      t.province,
      t.regionName,
      t.year,
      t.id,
      t.regionCode,
      t.regionShort,
      t.regionLevel,
      t.body,
      t.kind,
      t.parent,
      t.period,
    ),
  ],
);

/**
 * Original decoded text of a report, deflated. Its own table: it is only read for the "原文" view, and in the
 * reports row its overflow pages sat in front of summary/keywords, so every read of those walked them.
 */
export const reportOriginals = sqliteTable('report_originals', {
  reportId: integer('report_id')
    .primaryKey()
    .references(() => reports.id, { onDelete: 'cascade' }),
  original: blob('original', { mode: 'buffer' }).notNull(),
  /** The raw page's title and date the extraction saw (HTML input); null on rows stored before it was kept. */
  page: text('page', { mode: 'json' }).$type<{ title: string | null; date: string | null }>(),
});

/**
 * Small named counters and flags: `corpus_version` (bumped only by ingest, so caches survive /lang and
 * /subscribe writes), `keywords_dirty` (set in an ingest transaction, cleared when keyword weights are
 * refreshed: a crash in between is repaired at the next start), `gram_index` (1 once the search index is built), `headline_facts` (1 once that read model is filled), `headline_checks` (what its checks bits mean: CHECKS_SIGNATURE).
 */
export const corpusMeta = sqliteTable('corpus_meta', {
  key: text('key').primaryKey(),
  value: integer('value').notNull(),
});

/** Which file paths currently hold which report (two names can share one report). */
export const reportFiles = sqliteTable('report_files', {
  path: text('path').primaryKey(),
  reportId: integer('report_id')
    .notNull()
    .references(() => reports.id, { onDelete: 'cascade' }),
  hash: text('hash').notNull(),
  size: integer('size').notNull(),
  mtimeMs: real('mtime_ms').notNull(),
});

/** Parts of a report (review / plan). */
export const parts = sqliteTable(
  'parts',
  {
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    ord: integer('ord').notNull(),
    title: text('title').notNull(),
    scope: text('scope').notNull(),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
  },
  // WITHOUT ROWID, by migration 0015 (drizzle-kit cannot declare it).
  (t) => [primaryKey({ columns: [t.reportId, t.ord] })],
);

/** Sections of a report with their text spans and summaries. */
export const sections = sqliteTable(
  'sections',
  {
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    ord: integer('ord').notNull(),
    path: text('path').notNull(),
    title: text('title').notNull(),
    level: integer('level').notNull(),
    scope: text('scope'),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    summary: text('summary', { mode: 'json' }).$type<string[]>().notNull(),
  },
  // WITHOUT ROWID, by migration 0015 (drizzle-kit cannot declare it).
  (t) => [primaryKey({ columns: [t.reportId, t.ord] })],
);

/** Every figure found in a report; `headline` marks the one a digest shows per key. */
export const metrics = sqliteTable(
  'metrics',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    label: text('label').notNull(),
    value: real('value').notNull(),
    unit: text('unit').notNull(),
    approx: text('approx').notNull(),
    lower: real('lower'),
    upper: real('upper'),
    normalized: real('normalized').notNull(),
    scope: text('scope'),
    period: text('period').notNull(),
    /** The sentence itself only when it is not one paragraph's substring (merged facts); '' when referenced. */
    evidence: text('evidence').notNull(),
    /** Evidence as a reference: the paragraph's `ord`, the start and length in characters (null: in `evidence`). */
    evidenceOrd: integer('evidence_ord'),
    evidenceAt: integer('evidence_at'),
    evidenceLen: integer('evidence_len'),
    sectionPath: text('section_path'),
    offset: integer('offset').notNull(),
    headline: integer('headline', { mode: 'boolean' }).notNull(),
    /** own / other / aggregate (两级、三级 totals); see BodyScope. */
    bodyScope: text('body_scope').notNull().default('own'),
    /** high / low; only high facts headline. */
    confidence: text('confidence').notNull().default('high'),
    /** Rule that produced the fact (cue:立案, words:全部办复 …). */
    rule: text('rule').notNull().default(''),
    /** Failed checks and reasons, Chinese, as a JSON array. */
    flags: text('flags', { mode: 'json' }).$type<string[]>().notNull().default([]),
    /** How a derived figure was computed, null when stated. */
    derived: text('derived'),
  },
  (t) => [
    // No index by key: comparisons, filters and standings look figures up by key in headline_facts.
    index('metrics_report').on(t.reportId),
  ],
);

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

/** Paragraphs for full-text search (indexed by the FTS5 tables created in a custom migration). */
export const paragraphs = sqliteTable(
  'paragraphs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    ord: integer('ord').notNull(),
    sectionPath: text('section_path'),
    text: text('text').notNull(),
  },
  // (report, ord): a figure's evidence is resolved by its paragraph's ord; report-only look-ups use the prefix.
  (t) => [uniqueIndex('paragraphs_report_ord').on(t.reportId, t.ord)],
);

/** Document frequency of keyword candidate terms across the corpus. */
export const termDf = sqliteTable('term_df', {
  term: text('term').primaryKey(),
  df: integer('df').notNull(),
});

/** Per-chat settings (reply script). */
export const chatSettings = sqliteTable(
  'chat_settings',
  {
    platform: text('platform').notNull(),
    chatId: text('chat_id').notNull(),
    script: text('script'),
    /** 1 while the chat paused its weekly digest (/pause … /resume). */
    digestPaused: integer('digest_paused').notNull().default(0),
    /** ISO weekday 1–7 and hour 0–23 the chat wants its digest (null: DIGEST_CRON's). */
    digestWeekday: integer('digest_weekday'),
    digestHour: integer('digest_hour'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.chatId] })],
);

/** Weekly-digest subscriptions per chat, with an optional filter. */
export const subscriptions = sqliteTable(
  'subscriptions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    platform: text('platform').notNull(),
    chatId: text('chat_id').notNull(),
    /** '' for everything; otherwise the normalized filter text. */
    filter: text('filter').notNull(),
    filterKind: text('filter_kind').$type<FilterKind>().notNull(),
    filterValue: text('filter_value').notNull(),
    /** A metric or topic that narrows a region/province filter (`/subscribe 四川 提案`); null when none. */
    subjectKind: text('subject_kind').$type<SubjectKind>(),
    subjectValue: text('subject_value'),
    active: integer('active', { mode: 'boolean' }).notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deactivatedReason: text('deactivated_reason'),
  },
  (t) => [uniqueIndex('subscriptions_chat_filter').on(t.platform, t.chatId, t.filter)],
);

/** Delivery ledger: one row per (subscription, slot); a slot's digest is sent at most once. */
export const deliveries = sqliteTable(
  'deliveries',
  {
    subscriptionId: integer('subscription_id')
      .notNull()
      .references(() => subscriptions.id, { onDelete: 'cascade' }),
    slot: text('slot').notNull(),
    status: text('status').notNull(),
    reportIds: text('report_ids', { mode: 'json' }).$type<number[]>().notNull(),
    attempts: integer('attempts').notNull(),
    error: text('error'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.subscriptionId, t.slot] })],
);

/**
 * Delivery ledger per (chat, slot): ONE merged digest per chat and week. `next_part` counts the parts the
 * platform accepted; `in_flight` is the part being sent (its outcome is unknown if the process dies then).
 */
export const chatDeliveries = sqliteTable(
  'chat_deliveries',
  {
    platform: text('platform').notNull(),
    chatId: text('chat_id').notNull(),
    slot: text('slot').notNull(),
    status: text('status').$type<DeliveryStatus>().notNull(),
    reportIds: text('report_ids', { mode: 'json' }).$type<number[]>().notNull(),
    partsTotal: integer('parts_total').notNull(),
    nextPart: integer('next_part').notNull(),
    inFlight: integer('in_flight'),
    attempts: integer('attempts').notNull(),
    error: text('error'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.chatId, t.slot] })],
);

/** Scheduler runs per slot, so start-up can catch up a missed slot. */
export const slotRuns = sqliteTable('slot_runs', {
  slot: text('slot').primaryKey(),
  startedAt: text('started_at').notNull(),
  completedAt: text('completed_at'),
  summary: text('summary'),
});

/**
 * Telegram updates seen: webhook updates are stored here before they are acknowledged, and every handled
 * update_id is recorded, so a redelivery after a crash or a repeated POST is not answered twice.
 */
export const telegramUpdates = sqliteTable('telegram_updates', {
  updateId: integer('update_id').primaryKey(),
  /** The update JSON until it is handled (then null). */
  payload: text('payload'),
  receivedAt: text('received_at').notNull(),
  handledAt: text('handled_at'),
});
