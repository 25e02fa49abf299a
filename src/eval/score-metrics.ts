/** Precision / recall of headline metric facts against gold figures, per key family. */
import type { MetricFact } from '../domain/report.js';
import { simplifiedForm } from '../script/chinese-script.js';
import type { GoldFact } from './load-gold.js';

/** A gold figure we did not reproduce, or a headline fact gold contradicts. */
export interface MetricMiss {
  file: string;
  kind: 'missed' | 'wrong';
  key: string;
  expected: string | null;
  got: string | null;
  quote: string | null;
}

/** Counts per key family (`proposals`, `economy` …). */
export interface FamilyScore {
  /** Gold facts found. */
  found: number;
  gold: number;
  /** Our headline facts for keys the gold names in that report that match gold. */
  correct: number;
  /** Our headline facts for keys the gold names in that report (precision's denominator). */
  predicted: number;
  /**
   * Our headline facts in a gold-covered family whose key the gold does not name: the gold is a floor, not
   * a full list, so these are listed for review but not scored.
   */
  beyond: number;
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
  return key.split('.')[0];
}

const show = (v: number, unit: string): string => `${v}${unit}`;

/** Scores one report's headline facts; adds to `families` and returns the misses. */
export function scoreMetrics(
  file: string,
  gold: GoldFact[],
  headline: Record<string, MetricFact>,
  families: Map<string, FamilyScore>,
): MetricMiss[] {
  const misses: MetricMiss[] = [];
  const fam = (f: string): FamilyScore => {
    const s = families.get(f) ?? { found: 0, gold: 0, correct: 0, predicted: 0, beyond: 0 };
    families.set(f, s);
    return s;
  };
  for (const g of gold) {
    const s = fam(familyOf(g.key));
    s.gold++;
    const ours = headline[g.key];
    if (ours && sameQuantity(ours, g)) s.found++;
    else
      misses.push({
        file,
        kind: 'missed',
        key: g.key,
        expected: show(g.value, g.unit),
        got: ours ? show(ours.value, ours.unit) : null,
        quote: g.quote,
      });
  }
  const covered = new Set(gold.map((g) => familyOf(g.key)));
  const goldByKey = new Map(gold.map((g) => [g.key, g]));
  for (const [key, fact] of Object.entries(headline)) {
    if (!covered.has(familyOf(key))) continue;
    const s = fam(familyOf(key));
    const g = goldByKey.get(key);
    if (g) {
      s.predicted++;
      if (sameQuantity(fact, g)) s.correct++;
    } else {
      s.beyond++;
      misses.push({
        file,
        kind: 'wrong',
        key,
        expected: null,
        got: show(fact.value, fact.unit),
        quote: fact.evidence.slice(0, 60),
      });
    }
  }
  return misses;
}
