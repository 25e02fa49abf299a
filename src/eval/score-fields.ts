/** Field-by-field comparison of extracted metadata with gold. */
import type { ReportMeta } from '../domain/report.js';
import type { GoldReport } from './load-gold.js';

/** One scored field of one report. */
export interface FieldResult {
  file: string;
  field: string;
  expected: unknown;
  got: unknown;
  ok: boolean;
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
    out.push({ file: gold.file, field, expected: expected ?? null, got: value ?? null, ok });
  };
  const region = got.meta.region;
  if (gold.region) {
    for (const k of ['name', 'short', 'level', 'province', 'parent'] as const) {
      if (k in gold.region) add(`region.${k}`, gold.region[k], region ? region[k] : null);
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

/** Accuracy per field: field → { ok, total }. */
export function fieldAccuracy(results: FieldResult[]): Map<string, { ok: number; total: number }> {
  const acc = new Map<string, { ok: number; total: number }>();
  for (const r of results) {
    const a = acc.get(r.field) ?? { ok: 0, total: 0 };
    a.total++;
    if (r.ok) a.ok++;
    acc.set(r.field, a);
  }
  return acc;
}
