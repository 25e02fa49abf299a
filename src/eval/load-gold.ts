/** Reads the seed and dev-corpus gold files into one shape. */
import { readFileSync } from 'node:fs';
import { keyOfLabel } from './gold-labels.js';

/** One gold figure: a proposal count or another metric. */
export interface GoldFact {
  key: string;
  value: number;
  unit: string;
  quote: string | null;
}

/** Hand-checked facts of one report, as far as the eval uses them. */
export interface GoldReport {
  file: string;
  title?: string | null;
  body?: string | null;
  kind?: string | null;
  region?: Record<string, string | null> | null;
  year?: number | null;
  deliveredOn?: string | null;
  /** Other accepted delivery dates (from a `deliveredOnNote`). */
  deliveredOnAlternatives: string[];
  speaker?: string | null;
  session?: string | null;
  sourceUrl?: string | null;
  facts: GoldFact[];
}

interface RawGold {
  file: string;
  deliveredOnNote?: string;
  proposals?: Record<string, { value: number; unit: string; quote?: string }>;
  other_metrics?: { key: string; value: number; unit: string; quote?: string }[];
  /** Dev corpus d048 on: extra figures with Chinese labels instead of keys. */
  other_figures?: { label: string; value: number; unit: string; quote?: string }[];
  [field: string]: unknown;
}

/** Converts one raw gold record (seed or dev-corpus format). */
export function toGoldReport(raw: RawGold): GoldReport {
  const facts: GoldFact[] = [];
  for (const [k, f] of Object.entries(raw.proposals ?? {}))
    facts.push({ key: `proposals.${k}`, value: f.value, unit: f.unit, quote: f.quote ?? null });
  for (const f of raw.other_metrics ?? []) facts.push({ key: f.key, value: f.value, unit: f.unit, quote: f.quote ?? null });
  for (const f of raw.other_figures ?? []) {
    const key = keyOfLabel(f.label);
    if (key && !facts.some((x) => x.key === key)) facts.push({ key, value: f.value, unit: f.unit, quote: f.quote ?? null });
  }
  const alternatives = [...(raw.deliveredOnNote ?? '').matchAll(/\d{4}-\d{2}(?:-\d{2})?/g)].map((m) => m[0]);
  const pick = <T>(k: string): T | undefined => (k in raw ? (raw[k] as T) : undefined);
  return {
    file: raw.file,
    title: pick('title'),
    body: pick('body'),
    kind: pick('kind'),
    region: pick('region'),
    year: pick('year'),
    deliveredOn: pick('deliveredOn'),
    deliveredOnAlternatives: alternatives,
    speaker: pick('speaker'),
    session: pick('session'),
    sourceUrl: pick('sourceUrl'),
    facts,
  };
}

/** Loads a gold file: `{ reports: [...] }` (seeds) or a bare array (dev corpus). */
export function loadGold(path: string): GoldReport[] {
  const data = JSON.parse(readFileSync(path, 'utf8')) as { reports?: RawGold[] } | RawGold[];
  const list = Array.isArray(data) ? data : (data.reports ?? []);
  return list.map(toGoldReport);
}
