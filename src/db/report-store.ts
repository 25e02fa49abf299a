import type { DigestDb } from './open.js';
import { unpackOriginal } from './original-text.js';
import { listParams } from './prepared-lists.js';
import { prepareReportQueries } from './report-queries.js';
import type { MetricRow, PartRow, ReportRef, ReportRow, SectionRow, StoredRegion } from './report-rows.js';

export type { MetricRow, ReportRef, ReportRow };

/** Reports of one /list group: a province, or (province unknown) the national reports or the rest. */
export interface ListingGroup {
  province: string | null;
  /** With `province` null: the 全国 reports (true) or those whose region is unknown (false). */
  national: boolean;
  reports: number;
}

/** IN-list shapes kept prepared at most (each distinct list length is one statement). */
const LIST_SHAPES = 256;

/** A prepared query over an IN list of metrics. */
type ListQuery = ReturnType<ReturnType<typeof prepareReportQueries>['headlinesForKeys']>;

/** Read-side access to the store with drizzle queries prepared once (the service never re-parses a report). */
export class ReportStore {
  private readonly q: ReturnType<typeof prepareReportQueries>;
  /** IN-list statements by shape (`keys:3`, `reports:12:3`). */
  private readonly lists = new Map<string, ListQuery>();
  private regions: { version: string; rows: StoredRegion[]; byCode: ReadonlyMap<string, StoredRegion> } | null = null;
  /** A few corpus-wide query results (fixed keys), valid while `corpusVersion()` is unchanged. */
  private readonly memo = new Map<string, { version: string; rows: readonly object[] }>();

  private idf: { version: string; total: number; byTokens: Map<string, number> } = {
    version: '',
    total: 0,
    byTokens: new Map(),
  };

  constructor(readonly db: DigestDb) {
    this.q = prepareReportQueries(db);
  }

  reportById(id: number): ReportRow | undefined {
    return this.q.reportById().get({ id });
  }

  /** A report's listing columns by id (no summaries resolved). */
  refById(id: number): ReportRef | undefined {
    return this.q.refById().get({ id });
  }

  reportsByRegion(code: string): ReportRow[] {
    return this.q.reportsByRegion().all({ code });
  }

  /** The listing columns of a region's reports, in `reportsByRegion` order (no summaries resolved). */
  refsByRegion(code: string): ReportRef[] {
    return this.q.refsByRegion().all({ code });
  }

  reportsByYear(year: number): ReportRow[] {
    return this.q.reportsByYear().all({ year });
  }

  /**
   * Every report's listing columns, by province, region and year (cached until the corpus changes; rows are
   * frozen, the array is the caller's). Read from the covering index: the wide rows are never touched.
   */
  allReports(): ReportRef[] {
    return this.memoized('allReports', () => this.q.allReports().all());
  }

  /**
   * The /list groups with their report counts, in the order their first report appears in `allReports`:
   * unknown provinces first (national or not, by their first region name), then provinces in order. One
   * aggregate over the covering index, cached until the corpus changes.
   */
  listingGroups(): ListingGroup[] {
    return this.memoized('listingGroups', () =>
      this.q
        .listingGroups()
        .all()
        .map((g) => ({ province: g.province, national: g.national === 1, reports: g.reports })),
    );
  }

  /** One page of a listing group's reports, in `allReports` order (an indexed range). */
  reportsOfGroup(group: Pick<ListingGroup, 'province' | 'national'>, limit: number, offset: number): ReportRef[] {
    return this.q.reportsOfGroup().all({ province: group.province, national: group.national ? 1 : 0, limit, offset });
  }

  reportsIngestedBetween(fromIso: string, toIso: string): ReportRow[] {
    return this.q.reportsIngestedBetween().all({ from: fromIso, to: toIso });
  }

  /** Distinct regions that have reports (code, name, province); cached until the corpus changes. */
  storedRegions(): StoredRegion[] {
    const version = this.corpusVersion();
    if (this.regions?.version !== version) {
      const rows = this.q.storedRegions().all();
      this.regions = { version, rows, byCode: new Map(rows.map((r) => [r.code, r])) };
    }
    return this.regions.rows;
  }

  /** The same regions by code (cached with them: building the map per command cost ~0.3 ms at 10,000 reports). */
  storedRegionsByCode(): ReadonlyMap<string, StoredRegion> {
    this.storedRegions();
    return this.regions!.byCode;
  }

  /**
   * The corpus version: a counter only ingest bumps, in the same transaction as the report rows (so /lang or
   * /subscribe writes keep the caches, and an ingest CLI next to the bot invalidates them). One point lookup.
   */
  corpusVersion(): string {
    return String(this.q.corpusVersion().get()?.value ?? 0);
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
      const df = Math.min(...tokens.map((term) => this.q.termDocs().get({ term })?.doc ?? 0));
      const n = Math.max(this.idf.total, df);
      idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      if (this.idf.byTokens.size >= 4096) this.idf.byTokens.clear();
      this.idf.byTokens.set(key, idf);
    }
    return idf;
  }

  /** Paragraph count for idf, as the highest paragraph id: O(log n), and deletions only shift all idfs alike. */
  private paragraphTotal(): number {
    return this.q.paragraphTotal().get()?.n ?? 0;
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
    return this.q.headlines().all({ reportId });
  }

  allMetrics(reportId: number): MetricRow[] {
    return this.q.allMetrics().all({ reportId });
  }

  /**
   * Headline facts whose key is one of `keys`, across all reports, by key then as stored (a full scan: the
   * brute-force reference of the tests; serving reads headline_facts). Not kept: at 100,000 reports
   * one metric is 100,000s of rows.
   */
  headlinesForKeys(keys: string[]): MetricRow[] {
    if (!keys.length) return [];
    return this.listQuery(`keys:${keys.length}`, () => this.q.headlinesForKeys(keys.length)).all(listParams('k', keys));
  }

  /** Headline facts of some reports whose key is one of `keys`, in the order `headlinesForKeys` gives them. */
  headlinesForReports(reportIds: number[], keys: string[]): MetricRow[] {
    if (!keys.length || !reportIds.length) return [];
    return this.listQuery(`reports:${reportIds.length}:${keys.length}`, () =>
      this.q.headlinesForReports(reportIds.length, keys.length),
    ).all({ ...listParams('r', reportIds), ...listParams('k', keys) });
  }

  /** The prepared statement of one IN-list shape (a bounded cache: shapes are list lengths). */
  private listQuery(shape: string, prepare: () => ListQuery): ListQuery {
    let query = this.lists.get(shape);
    if (!query) {
      if (this.lists.size >= LIST_SHAPES) this.lists.clear();
      query = prepare();
      this.lists.set(shape, query);
    }
    return query;
  }

  /** Distinct metric keys with their labels, by key, then as first stored (for understanding metric words). */
  metricVocabulary(): { key: string; label: string }[] {
    return this.memoized('vocabulary', () => this.q.metricVocabulary().all());
  }

  sections(reportId: number): SectionRow[] {
    return this.q.sections().all({ reportId });
  }

  /** The title of a report's section at `path` (the first in outline order), or undefined. */
  sectionTitle(reportId: number, path: string): string | undefined {
    return this.q.sectionTitle().get({ reportId, path })?.title;
  }

  parts(reportId: number): PartRow[] {
    return this.q.parts().all({ reportId });
  }

  /** The report's original text (stored compressed against its paragraphs), or undefined. */
  originalText(reportId: number): string | undefined {
    const row = this.q.original().get({ reportId });
    if (!row) return undefined;
    return unpackOriginal(row.original, () =>
      this.q
        .paragraphTexts()
        .all({ reportId })
        .map((p) => p.text),
    );
  }

  reportCount(): number {
    return this.q.reportCount().get()?.n ?? 0;
  }
}
