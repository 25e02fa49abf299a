/** The report tables: a report, its original, its files, parts, sections, figures and paragraphs; corpus counters. */
import { blob, customType, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { decodeTermCounts, encodeTermCounts } from '../term-counts.js';

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
    /**
     * Characters (code points, as SQL's length() counts them) of `text`, written with it: search ranks 500
     * candidates by length, and length() scanning each text was ~0.2 ms of a search. Nullable only because
     * SQLite adds a NOT NULL column only with a default; every writer sets it, the migration filled old rows.
     */
    chars: integer('chars'),
  },
  // (report, ord): a figure's evidence is resolved by its paragraph's ord; report-only look-ups use the prefix.
  (t) => [uniqueIndex('paragraphs_report_ord').on(t.reportId, t.ord)],
);

/** Document frequency of keyword candidate terms across the corpus. */
export const termDf = sqliteTable('term_df', {
  term: text('term').primaryKey(),
  df: integer('df').notNull(),
});
