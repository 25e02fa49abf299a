/** A comparison page's rows: every figure of the row's columns of the reports the page shows. */
import type { CompareTier } from '../domain/compare-tier.js';
import { listSql } from './compare-rank-sql.js';
import type { PrepareOnce } from './compare-statements.js';

/** A figure of a row shown on a page (cells of every column). */
export interface RowFact {
  reportId: number;
  key: string;
  value: number;
  unit: string;
  approx: string;
  normalized: number;
  period: string;
  doubts: string;
  derived: string | null;
  otherBody: number;
  checks: number;
  tier: CompareTier;
  year: number | null;
  province: string | null;
  body: string | null;
  regionName: string | null;
  reportPeriod: string;
}

/**
 * A figure of an exported row as the export reads it: an array in this order (`.raw()`: no object with names per
 * figure, only the columns the CSV writes).
 */
export type ExportFact = [
  reportId: number,
  key: string,
  value: number,
  unit: string,
  period: string,
  doubts: string,
  derived: string | null,
  otherBody: number,
  checks: number,
  tier: CompareTier,
  year: number | null,
  province: string | null,
  body: string | null,
  regionName: string | null,
];

/** The read of a page's rows by report id (only the rows it shows). */
export function createRowFacts(prepare: PrepareOnce) {
  return {
    /** Every figure of `keys` of the given reports (a page's rows). */
    rowFacts(reportIds: readonly number[], keys: readonly string[]): RowFact[] {
      if (!reportIds.length) return [];
      const p: Record<string, unknown> = {};
      return prepare(
        `SELECT report_id AS reportId, key, value, unit, approx, normalized, period, doubts, derived,
           other_body AS otherBody, checks, tier, year, province, body, region_name AS regionName,
           report_period AS reportPeriod
         FROM headline_facts WHERE report_id IN ${listSql('r', reportIds, p)} AND key IN ${listSql('k', keys, p)}`,
      ).all(p) as RowFact[];
    },

    /** The same figures as `rowFacts`, the columns a CSV row writes, as arrays (an export reads every row). */
    exportFacts(reportIds: readonly number[], keys: readonly string[]): ExportFact[] {
      if (!reportIds.length) return [];
      const p: Record<string, unknown> = {};
      return prepare(
        `SELECT report_id, key, value, unit, period, doubts, derived, other_body, checks, tier, year, province, body,
           region_name
         FROM headline_facts WHERE report_id IN ${listSql('r', reportIds, p)} AND key IN ${listSql('k', keys, p)}`,
      )
        .raw(true)
        .all(p) as ExportFact[];
    },
  };
}
