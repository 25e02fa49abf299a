import type { Statement } from 'better-sqlite3';
import type { DigestDb } from '../../db/open.js';

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
}

const REPORT_COLUMNS = `id, title, body, kind, region_code AS regionCode, region_name AS regionName, region_short AS regionShort,
  region_level AS regionLevel, province, parent, year, delivered_on AS deliveredOn, speaker, session,
  source_url AS sourceUrl, source_file AS sourceFile, summary, plan_summary AS planSummary, keywords, ingested_at AS ingestedAt`;

const METRIC_COLUMNS = `report_id AS reportId, key, label, value, unit, approx, normalized, evidence,
  section_path AS sectionPath, scope, period`;

/** Read-side access to the store with prepared statements (the service never re-parses a report). */
export class ReportStore {
  private readonly cache = new Map<string, Statement>();
  private regions: { version: string; rows: { code: string; name: string; short: string; province: string }[] } | null = null;

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
    return this.stmt(`SELECT ${REPORT_COLUMNS} FROM reports WHERE region_code = ? ORDER BY year DESC, delivered_on DESC, id DESC`).all(code) as ReportRow[];
  }

  reportsByYear(year: number): ReportRow[] {
    return this.stmt(`SELECT ${REPORT_COLUMNS} FROM reports WHERE year = ? ORDER BY province, region_name`).all(year) as ReportRow[];
  }

  allReports(): ReportRow[] {
    return this.stmt(`SELECT ${REPORT_COLUMNS} FROM reports ORDER BY province, region_name, year`).all() as ReportRow[];
  }

  reportsIngestedBetween(fromIso: string, toIso: string): ReportRow[] {
    return this.stmt(`SELECT ${REPORT_COLUMNS} FROM reports WHERE ingested_at > ? AND ingested_at <= ? ORDER BY ingested_at, id`).all(fromIso, toIso) as ReportRow[];
  }

  /** Distinct regions that have reports (code, name, province); cached until the corpus changes. */
  storedRegions(): { code: string; name: string; short: string; province: string }[] {
    const version = this.corpusVersion();
    if (this.regions?.version !== version) {
      const rows = this.stmt(
        `SELECT DISTINCT region_code AS code, region_name AS name, region_short AS short, province FROM reports WHERE region_code IS NOT NULL`,
      ).all() as { code: string; name: string; short: string; province: string }[];
      this.regions = { version, rows };
    }
    return this.regions.rows;
  }

  /** Changes whenever a report is added or removed (ids only grow). */
  corpusVersion(): string {
    const v = this.stmt('SELECT coalesce(max(id), 0) AS maxId, count(*) AS n FROM reports').get() as { maxId: number; n: number };
    return `${v.maxId}:${v.n}`;
  }

  headlines(reportId: number): MetricRow[] {
    return this.stmt(`SELECT ${METRIC_COLUMNS} FROM metrics WHERE report_id = ? AND headline = 1 ORDER BY key`).all(reportId) as MetricRow[];
  }

  allMetrics(reportId: number): MetricRow[] {
    return this.stmt(`SELECT ${METRIC_COLUMNS} FROM metrics WHERE report_id = ? ORDER BY offset`).all(reportId) as MetricRow[];
  }

  /** Headline facts whose key is one of `keys`, across all reports. */
  headlinesForKeys(keys: string[]): MetricRow[] {
    if (!keys.length) return [];
    const marks = keys.map(() => '?').join(',');
    return this.stmt(`SELECT ${METRIC_COLUMNS} FROM metrics WHERE headline = 1 AND key IN (${marks})`).all(...keys) as MetricRow[];
  }

  /** Distinct metric keys with their labels (for understanding metric words). */
  metricVocabulary(): { key: string; label: string }[] {
    return this.stmt(`SELECT DISTINCT key, label FROM metrics WHERE headline = 1 AND key <> 'other'`).all() as { key: string; label: string }[];
  }

  sections(reportId: number): { path: string; title: string; level: number; scope: string | null; summary: string }[] {
    return this.stmt(`SELECT path, title, level, scope, summary FROM sections WHERE report_id = ? ORDER BY ord`).all(reportId) as {
      path: string;
      title: string;
      level: number;
      scope: string | null;
      summary: string;
    }[];
  }

  parts(reportId: number): { title: string; scope: string }[] {
    return this.stmt(`SELECT title, scope FROM parts WHERE report_id = ? ORDER BY ord`).all(reportId) as { title: string; scope: string }[];
  }

  original(reportId: number): Buffer | undefined {
    return (this.stmt(`SELECT original FROM reports WHERE id = ?`).get(reportId) as { original: Buffer } | undefined)?.original;
  }

  reportCount(): number {
    return (this.stmt('SELECT count(*) AS n FROM reports').get() as { n: number }).n;
  }
}
