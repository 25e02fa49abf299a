/** Field-by-field comparison of extracted metadata with gold. */
import type { ReportMeta } from '../domain/report.js';
import type { GoldReport } from './load-gold.js';

/**
 * How one field came out: `found` (the gold value, including a correct null), `missing` (gold has a value,
 * we have none) or `wrong` (we show a value that is not the gold one — the costly case).
 */
export type FieldOutcome = 'found' | 'missing' | 'wrong';

/** One scored field of one report. */
export interface FieldResult {
  file: string;
  field: string;
  expected: unknown;
  got: unknown;
  ok: boolean;
  outcome: FieldOutcome;
}

/** Per-field tally of outcomes. */
export interface FieldTally {
  found: number;
  missing: number;
  wrong: number;
  total: number;
}

/** What the eval compares from an extraction. */
export interface Extracted {
  meta: ReportMeta;
  sourceUrl: string | null;
}

/** Canonical form for string comparison: no whitespace, full-width brackets and commas folded. */
export function canon(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  return value.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/，/g, ',').replace(/：/g, ':');
}

/** Compares the gold fields present in `gold` (seed-only fields when `seeds`). */
export function scoreFields(gold: GoldReport, got: Extracted, seeds: boolean): FieldResult[] {
  const out: FieldResult[] = [];
  const add = (field: string, expected: unknown, value: unknown, ok = canon(expected) === canon(value)): void => {
    const outcome: FieldOutcome = ok ? 'found' : value === null || value === undefined ? 'missing' : 'wrong';
    out.push({ file: gold.file, field, expected: expected ?? null, got: value ?? null, ok, outcome });
  };
  const region = got.meta.region;
  if (gold.region) {
    for (const k of ['name', 'short', 'level', 'province', 'parent'] as const) {
      if (!(k in gold.region)) continue;
      const value = region ? region[k] : null;
      // Gold sets differ in convention: the real-docs gold calls 北京/天津 level 市, the dev gold 直辖市 (a 市 too).
      const sameLevel = k === 'level' && gold.region[k] === '市' && value === '直辖市';
      add(`region.${k}`, gold.region[k], value, sameLevel || canon(gold.region[k]) === canon(value));
    }
  }
  if (gold.body !== undefined) add('body', gold.body, got.meta.body);
  if (seeds && gold.kind !== undefined) add('kind', gold.kind, got.meta.kind);
  if (gold.year !== undefined) add('year', gold.year, got.meta.year);
  if (gold.deliveredOn !== undefined) {
    const accepted = [gold.deliveredOn ?? null, ...gold.deliveredOnAlternatives];
    add('deliveredOn', gold.deliveredOn, got.meta.deliveredOn, accepted.includes(got.meta.deliveredOn));
  }
  if (gold.speaker !== undefined) add('speaker', gold.speaker, got.meta.speaker);
  if (gold.session !== undefined) add('session', gold.session, got.meta.session);
  if (seeds && gold.sourceUrl !== undefined) add('sourceUrl', gold.sourceUrl, got.sourceUrl);
  if (seeds && gold.title !== undefined) add('title', gold.title, got.meta.title);
  return out;
}

/** Outcome counts per field, in first-seen field order. */
export function fieldTallies(results: FieldResult[]): Map<string, FieldTally> {
  const acc = new Map<string, FieldTally>();
  for (const r of results) {
    const a = acc.get(r.field) ?? { found: 0, missing: 0, wrong: 0, total: 0 };
    acc.set(r.field, a);
    a.total++;
    a[r.outcome]++;
  }
  return acc;
}
