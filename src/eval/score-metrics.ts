/** Precision / recall of headline metric facts against gold figures, per key family. */
import { findNumber } from '../domain/number-text.js';
import type { MetricFact } from '../domain/report.js';
import { simplifiedForm } from '../script/chinese-script.js';
import type { GoldFact } from './load-gold.js';

/** A gold figure we did not show, a headline fact that contradicts gold, or a headline fact gold does not name. */
export interface MetricMiss {
  file: string;
  /** missed: no headline fact for the key; wrong: a headline fact with another value; beyond: key not in gold. */
  kind: 'missed' | 'wrong' | 'beyond';
  key: string;
  expected: string | null;
  got: string | null;
  quote: string | null;
  /** Where the shown figure stands in `quote` (0 when not found), so a printed excerpt can be cut around it. */
  at?: number;
}

/** Counts per key family (`proposals`, `economy` …). */
export interface FamilyScore {
  /** Gold facts. */
  gold: number;
  /** Gold facts shown as headline with the gold value. */
  found: number;
  /** Gold facts with no headline fact for their key. */
  missing: number;
  /** Gold facts whose key has a headline fact with another value: a wrong figure shown to a reader. */
  wrong: number;
  /** Headline facts for keys the gold does not name (the gold is a floor, not a full list): listed for review. */
  beyond: number;
}

/** An empty score. */
function emptyScore(): FamilyScore {
  return { gold: 0, found: 0, missing: 0, wrong: 0, beyond: 0 };
}

/** Splits 万元 into scale 1e4 and base 元 (also 亿元, 万亿元, 万人次 …). */
export function unitScale(unit: string): { scale: number; base: string } {
  for (const [prefix, scale] of [
    ['万亿', 1e12],
    ['亿', 1e8],
    ['万', 1e4],
  ] as const) {
    if (unit.startsWith(prefix) && unit.length > prefix.length) return { scale, base: unit.slice(prefix.length) };
  }
  return { scale: 1, base: unit };
}

/** Whether a fact states the same quantity as a gold figure (units compared modulo 万/亿 prefixes). */
export function sameQuantity(fact: Pick<MetricFact, 'value' | 'unit'>, gold: Pick<GoldFact, 'value' | 'unit'>): boolean {
  const a = unitScale(fact.unit);
  // Some gold units are written in Traditional script (項).
  const b = unitScale(simplifiedForm(gold.unit));
  if (a.base !== b.base) return false;
  const x = fact.value * a.scale;
  const y = gold.value * b.scale;
  return Math.abs(x - y) <= 1e-6 * Math.max(1, Math.abs(y));
}

/** Quote comparison form: whitespace removed, full-width commas folded. */
export function quoteForm(s: string): string {
  return s.replace(/\s+/g, '').replace(/，/g, ',');
}

/** Key family: the part before the first dot. */
export function familyOf(key: string): string {
  const dot = key.indexOf('.');
  return dot < 0 ? key : key.slice(0, dot);
}

const show = (v: number, unit: string): string => `${v}${unit}`;
const firstLine = (s: string): string => s.split('\n', 1)[0] ?? '';

/** Scores one report's headline facts; adds to `families` and returns the misses, wrong and beyond-gold facts. */
export function scoreMetrics(
  file: string,
  gold: GoldFact[],
  headline: Record<string, MetricFact>,
  families: Map<string, FamilyScore>,
): MetricMiss[] {
  const misses: MetricMiss[] = [];
  const fam = (f: string): FamilyScore => {
    const s = families.get(f) ?? emptyScore();
    families.set(f, s);
    return s;
  };
  for (const g of gold) {
    const s = fam(familyOf(g.key));
    s.gold++;
    const ours = headline[g.key];
    if (ours && sameQuantity(ours, g)) {
      s.found++;
      continue;
    }
    if (ours) s.wrong++;
    else s.missing++;
    misses.push({
      file,
      kind: ours ? 'wrong' : 'missed',
      key: g.key,
      expected: show(g.value, g.unit),
      got: ours ? show(ours.value, ours.unit) : null,
      quote: ours ? firstLine(ours.evidence) : g.quote,
      at: ours ? (findNumber(firstLine(ours.evidence), ours.value)?.start ?? 0) : 0,
    });
  }
  const goldKeys = new Set(gold.map((g) => g.key));
  for (const [key, fact] of Object.entries(headline)) {
    if (goldKeys.has(key)) continue;
    fam(familyOf(key)).beyond++;
    misses.push({
      file,
      kind: 'beyond',
      key,
      expected: null,
      got: show(fact.value, fact.unit),
      quote: firstLine(fact.evidence),
      at: findNumber(firstLine(fact.evidence), fact.value)?.start ?? 0,
    });
  }
  return misses;
}

/** Adds family scores into a running total. */
export function addScores(into: Map<string, FamilyScore>, from: Map<string, FamilyScore>): void {
  for (const [f, s] of from) {
    const t = into.get(f) ?? emptyScore();
    t.gold += s.gold;
    t.found += s.found;
    t.missing += s.missing;
    t.wrong += s.wrong;
    t.beyond += s.beyond;
    into.set(f, t);
  }
}
