import type { Statement } from 'better-sqlite3';
import { evidenceSql } from './evidence-ref.js';
import type { DigestDb } from './open.js';
import { unpackOriginal } from './original-text.js';
import { sentencesSql } from './summary-refs.js';

/** A stored report's metadata row as the service reads it. */
export interface ReportRow {
  id: number;
  title: string | null;
  body: string | null;
  kind: string | null;
  regionCode: string | null;
  regionName: string | null;
  regionShort: string | null;
  regionLevel: string | null;
  province: string | null;
  parent: string | null;
  year: number | null;
  /** `year` or `term` (see ReportPeriod). */
  period: string;
  deliveredOn: string | null;
  speaker: string | null;
  session: string | null;
  sourceUrl: string | null;
  sourceFile: string;
  summary: string;
  planSummary: string;
  keywords: string;
  ingestedAt: string;
}

/** The columns of a report that lists, filters and comparisons read; all of them are in the `reports_listing` index. */
export type ReportRef = Pick<
  ReportRow,
  'id' | 'body' | 'kind' | 'regionCode' | 'regionName' | 'regionShort' | 'regionLevel' | 'province' | 'parent' | 'year' | 'period'
>;

/** Reports of one /list group: a province, or (province unknown) the national reports or the rest. */
export interface ListingGroup {
  province: string | null;
  /** With `province` null: the 全国 reports (true) or those whose region is unknown (false). */
  national: boolean;
  reports: number;
}

/** A stored figure. */
export interface MetricRow {
  reportId: number;
  key: string;
  label: string;
  value: number;
  unit: string;
  approx: string;
  normalized: number;
  evidence: string;
  sectionPath: string | null;
  scope: string | null;
  period: string;
  /** own / other / aggregate. */
  bodyScope: string;
  /** high / low. */
  confidence: string;
  /** JSON array of Chinese reasons a fact is uncertain. */
  flags: string;
  derived: string | null;
}

const REPORT_COLUMNS = `id, title, body, kind, region_code AS regionCode, region_name AS regionName, region_short AS regionShort,
  region_level AS regionLevel, province, parent, year, period, delivered_on AS deliveredOn, speaker, session,
  source_url AS sourceUrl, source_file AS sourceFile, ${sentencesSql('reports.summary', 'reports.id')} AS summary,
  ${sentencesSql('reports.plan_summary', 'reports.id')} AS planSummary, keywords, ingested_at AS ingestedAt`;

const REF_COLUMNS = `id, body, kind, region_code AS regionCode, region_name AS regionName, region_short AS regionShort,
  region_level AS regionLevel, province, parent, year, period`;

/** The order of every report list (allReports, /list); `reports_listing` holds it, so no sort is needed. */
const LISTING_ORDER = 'province, region_name, year, id';

/** Rows of one listing group (binds @province, @national). */
const GROUP_WHERE = `(province = @province OR (province IS NULL AND @province IS NULL AND (region_name IS '全国') = @national))`;

// Evidence stored as a paragraph reference is resolved here, so every reader still gets the sentence.
const METRIC_COLUMNS = `report_id AS reportId, key, label, value, unit, approx, normalized, ${evidenceSql()} AS evidence,
  section_path AS sectionPath, scope, period, body_scope AS bodyScope, confidence, flags, derived`;

/** Read-side access to the store with prepared statements (the service never re-parses a report). */
export class ReportStore {
  private readonly cache = new Map<string, Statement>();
  private regions: {
    version: string;
    rows: { code: string; name: string; short: string; province: string | null }[];
    byCode: ReadonlyMap<string, { code: string; name: string; short: string; province: string | null }>;
  } | null = null;
  /** A few corpus-wide query results (fixed keys), valid while `corpusVersion()` is unchanged. */
  private readonly memo = new Map<string, { version: string; rows: readonly object[] }>();

  private idf: { version: string; total: number; byTokens: Map<string, number> } = {
    version: '',
    total: 0,
    byTokens: new Map(),
  };

  constructor(readonly db: DigestDb) {}

  /** A cached prepared statement. */
  stmt(sql: string): Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.db.$client.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }

  reportById(id: number): ReportRow | undefined {
    return this.stmt(`SELECT ${REPORT_COLUMNS} FROM reports WHERE id = ?`).get(id) as ReportRow | undefined;
  }

  reportsByRegion(code: string): ReportRow[] {
    return this.stmt(
      `SELECT ${REPORT_COLUMNS} FROM reports WHERE region_code = ? ORDER BY year DESC, delivered_on DESC, id DESC`,
    ).all(code) as ReportRow[];
  }

  reportsByYear(year: number): ReportRow[] {
    return this.stmt(`SELECT ${REPORT_COLUMNS} FROM reports WHERE year = ? ORDER BY province, region_name`).all(
      year,
    ) as ReportRow[];
  }

  /**
   * Every report's listing columns, by province, region and year (cached until the corpus changes; rows are
   * frozen, the array is the caller's). Read from the covering index: the wide rows are never touched.
   */
  allReports(): ReportRef[] {
    return this.memoized(
      'allReports',
      () =>
        this.stmt(`SELECT ${REF_COLUMNS} FROM reports INDEXED BY reports_listing ORDER BY ${LISTING_ORDER}`).all() as ReportRef[],
    );
  }

  /**
   * The /list groups with their report counts, in the order their first report appears in `allReports`:
   * unknown provinces first (national or not, by their first region name), then provinces in order. One
   * aggregate over the covering index, cached until the corpus changes.
   */
  listingGroups(): ListingGroup[] {
    return this.memoized('listingGroups', () =>
      (
        this.stmt(
          `SELECT province, national, reports FROM (
             SELECT province, province IS NULL AND region_name IS '全国' AS national, count(*) AS reports,
               min(region_name IS NOT NULL) AS named, min(region_name) AS firstName
             FROM reports INDEXED BY reports_listing GROUP BY 1, 2)
           ORDER BY province, named, firstName`,
        ).all() as { province: string | null; national: number; reports: number }[]
      ).map((g) => ({ province: g.province, national: g.national === 1, reports: g.reports })),
    );
  }

  /** One page of a listing group's reports, in `allReports` order (an indexed range). */
  reportsOfGroup(group: Pick<ListingGroup, 'province' | 'national'>, limit: number, offset: number): ReportRef[] {
    return this.stmt(
      `SELECT ${REF_COLUMNS} FROM reports INDEXED BY reports_listing WHERE ${GROUP_WHERE} ORDER BY ${LISTING_ORDER} LIMIT @limit OFFSET @offset`,
    ).all({ province: group.province, national: group.national ? 1 : 0, limit, offset }) as ReportRef[];
  }

  reportsIngestedBetween(fromIso: string, toIso: string): ReportRow[] {
    return this.stmt(
      `SELECT ${REPORT_COLUMNS} FROM reports WHERE ingested_at > ? AND ingested_at <= ? ORDER BY ingested_at, id`,
    ).all(fromIso, toIso) as ReportRow[];
  }

  /** Distinct regions that have reports (code, name, province); cached until the corpus changes. */
  storedRegions(): { code: string; name: string; short: string; province: string | null }[] {
    const version = this.corpusVersion();
    if (this.regions?.version !== version) {
      // Read from `reports_region_year` alone (it carries the region columns), never from the wide rows.
      const rows = this.stmt(
        `SELECT DISTINCT region_code AS code, region_name AS name, region_short AS short, province FROM reports
         INDEXED BY reports_region_year WHERE region_code IS NOT NULL`,
      ).all() as { code: string; name: string; short: string; province: string | null }[];
      this.regions = { version, rows, byCode: new Map(rows.map((r) => [r.code, r])) };
    }
    return this.regions.rows;
  }

  /** The same regions by code (cached with them: building the map per command cost ~0.3 ms at 10,000 reports). */
  storedRegionsByCode(): ReadonlyMap<string, { code: string; name: string; short: string; province: string | null }> {
    this.storedRegions();
    return this.regions!.byCode;
  }

  /**
   * The corpus version: a counter only ingest bumps, in the same transaction as the report rows (so /lang or
   * /subscribe writes keep the caches, and an ingest CLI next to the bot invalidates them). One point lookup.
   */
  corpusVersion(): string {
    const row = this.stmt(`SELECT value FROM corpus_meta WHERE key = 'corpus_version'`).get() as { value: number } | undefined;
    return String(row?.value ?? 0);
  }

  /**
   * Inverse document frequency of a search term from the index's document counts (fts5vocab), cached per
   * corpus version: a long term counts as often as its rarest bigram, an upper bound on its paragraphs.
   */
  termIdf(tokens: string[]): number {
    const version = this.corpusVersion();
    if (this.idf.version !== version) this.idf = { version, total: this.paragraphTotal(), byTokens: new Map() };
    const key = tokens.join(' ');
    let idf = this.idf.byTokens.get(key);
    if (idf === undefined) {
      const vocab = this.stmt('SELECT doc FROM paragraph_grams_vocab WHERE term = ?');
      const df = Math.min(...tokens.map((t) => (vocab.get(t) as { doc: number } | undefined)?.doc ?? 0));
      const n = Math.max(this.idf.total, df);
      idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      if (this.idf.byTokens.size >= 4096) this.idf.byTokens.clear();
      this.idf.byTokens.set(key, idf);
    }
    return idf;
  }

  /** Paragraph count for idf, as the highest paragraph id: O(log n), and deletions only shift all idfs alike. */
  private paragraphTotal(): number {
    return (this.stmt('SELECT max(id) AS n FROM paragraphs').get() as { n: number | null }).n ?? 0;
  }

  /** Runs a corpus-wide query once per corpus version; callers get a fresh array of shared frozen rows. */
  private memoized<T extends object>(key: string, run: () => T[]): T[] {
    const version = this.corpusVersion();
    const hit = this.memo.get(key);
    if (hit?.version === version) return [...(hit.rows as T[])];
    const rows = run().map((r) => Object.freeze(r));
    this.memo.set(key, { version, rows });
    return [...rows];
  }

  headlines(reportId: number): MetricRow[] {
    return this.stmt(`SELECT ${METRIC_COLUMNS} FROM metrics WHERE report_id = ? AND headline = 1 ORDER BY key`).all(
      reportId,
    ) as MetricRow[];
  }

  allMetrics(reportId: number): MetricRow[] {
    return this.stmt(`SELECT ${METRIC_COLUMNS} FROM metrics WHERE report_id = ? ORDER BY offset`).all(reportId) as MetricRow[];
  }

  /**
   * Headline facts whose key is one of `keys`, across all reports. Not kept: at 100,000 reports one metric is
   * 100,000s of rows, and the comparison built from them is what callers cache.
   */
  headlinesForKeys(keys: string[]): MetricRow[] {
    if (!keys.length) return [];
    const marks = keys.map(() => '?').join(',');
    return this.stmt(`SELECT ${METRIC_COLUMNS} FROM metrics WHERE headline = 1 AND key IN (${marks})`).all(
      ...keys,
    ) as MetricRow[];
  }

  /**
   * Headline facts of some reports whose key is one of `keys`, in the order `headlinesForKeys` gives them.
   * `+key` keeps the planner on the report index: without statistics it would scan the key index instead.
   */
  headlinesForReports(reportIds: number[], keys: string[]): MetricRow[] {
    if (!keys.length || !reportIds.length) return [];
    const ids = reportIds.map(() => '?').join(',');
    const marks = keys.map(() => '?').join(',');
    return this.stmt(
      `SELECT ${METRIC_COLUMNS} FROM metrics WHERE report_id IN (${ids}) AND headline = 1 AND +key IN (${marks}) ORDER BY key, id`,
    ).all(...reportIds, ...keys) as MetricRow[];
  }

  /** Distinct metric keys with their labels, by key, then as first stored (for understanding metric words). */
  metricVocabulary(): { key: string; label: string }[] {
    return this.memoized(
      'vocabulary',
      () =>
        this.stmt(`SELECT key, label FROM headline_labels WHERE key <> 'other' ORDER BY key, first_id`).all() as {
          key: string;
          label: string;
        }[],
    );
  }

  sections(reportId: number): { path: string; title: string; level: number; scope: string | null; summary: string }[] {
    return this.stmt(
      `SELECT path, title, level, scope, ${sentencesSql('sections.summary', 'sections.report_id')} AS summary FROM sections WHERE report_id = ? ORDER BY ord`,
    ).all(reportId) as {
      path: string;
      title: string;
      level: number;
      scope: string | null;
      summary: string;
    }[];
  }

  parts(reportId: number): { title: string; scope: string }[] {
    return this.stmt(`SELECT title, scope FROM parts WHERE report_id = ? ORDER BY ord`).all(reportId) as {
      title: string;
      scope: string;
    }[];
  }

  /** The report's original text (stored compressed against its paragraphs), or undefined. */
  originalText(reportId: number): string | undefined {
    const row = this.stmt(`SELECT original FROM report_originals WHERE report_id = ?`).get(reportId) as
      | { original: Buffer }
      | undefined;
    if (!row) return undefined;
    return unpackOriginal(
      row.original,
      () => this.stmt('SELECT text FROM paragraphs WHERE report_id = ? ORDER BY ord').pluck().all(reportId) as string[],
    );
  }

  reportCount(): number {
    return (this.stmt('SELECT count(*) AS n FROM reports').get() as { n: number }).n;
  }
}
