/** Merges repeated figures and picks, per key, the one fact a digest and a comparison show. */
import type { MetricFact } from '../../domain/report.js';
import { PARTS_OF } from './registry/keys.js';
import { COUNT_ORDERS, RATIOS } from './registry/ratios.js';

/** A fact plus what the headline choice needs to know about where it came from. */
export interface Candidate {
  fact: MetricFact;
  /** Figure of another body (省政协 in a city report, 县人大 in a 政协 report). */
  foreign: boolean;
  /** Total over several bodies (全市两级政协). */
  aggregate: boolean;
  /** The def's preferred cue matched (实际立案). */
  preferred: boolean;
  /** Only a weak cue decided the key. */
  weak: boolean;
  /** The paragraph says the figure is for the year (一年来, 全年): beats unmarked figures. */
  explicitYear: boolean;
  /** The number and unit as written (2758个, 4.9万名); the first evidence line must contain it. */
  numText: string;
}

/**
 * Same key, value, unit, approx and scope → one fact. The first mention is kept; evidence of later ones
 * is appended on new lines (so every quote stays findable), and the least-penalized flags win.
 */
export function mergeDuplicates(list: Candidate[]): Candidate[] {
  const byId = new Map<string, Candidate>();
  const out: Candidate[] = [];
  for (const c of list) {
    const f = c.fact;
    const id = [f.key, f.value, f.unit, f.approx, f.scope].join('|');
    const seen = byId.get(id);
    if (!seen) {
      const copy = { ...c, fact: { ...f } };
      byId.set(id, copy);
      out.push(copy);
      continue;
    }
    if (f.key === 'other') {
      out.push(c);
      continue;
    }
    if (!seen.fact.evidence.split('\n').includes(f.evidence)) seen.fact.evidence += `\n${f.evidence}`;
    seen.foreign &&= c.foreign;
    seen.aggregate &&= c.aggregate;
    seen.preferred ||= c.preferred;
    seen.weak &&= c.weak;
    seen.explicitYear ||= c.explicitYear;
    if (seen.fact.period !== 'year' && f.period === 'year') seen.fact.period = 'year';
  }
  return out;
}

/**
 * Lower is better: other bodies and multi-body totals lose, then term and partial figures, readings decided
 * by a weak cue, approximate figures, and figures whose paragraph does not say they are the year's.
 */
function penalty(c: Candidate): number {
  const p = c.fact.period;
  return (
    (c.foreign ? 8 : 0) +
    (c.aggregate ? 4 : 0) +
    (p === 'term' || p === 'partial' || p === 'cumulative' ? 2 : 0) +
    (c.weak ? 1 : 0) +
    (c.preferred ? 0 : 0.5) +
    (c.fact.approx === 'exact' ? 0 : 0.25) +
    (c.explicitYear ? 0 : 0.125)
  );
}

/** Picks the headline fact per key among confident facts; plan-scope targets and `other` never headline. */
export function chooseHeadlines(list: Candidate[]): Record<string, MetricFact> {
  const groups = new Map<string, Candidate[]>();
  for (const c of list) {
    if (c.fact.key === 'other' || c.fact.scope === 'plan' || c.fact.confidence !== 'high') continue;
    const g = groups.get(c.fact.key) ?? [];
    g.push(c);
    groups.set(c.fact.key, g);
  }
  const ranked = new Map<string, Candidate[]>();
  // The first best-ranked figure: intro totals come first, and a list's first item is its headline item.
  for (const [key, g] of groups)
    ranked.set(
      key,
      [...g].sort((a, b) => penalty(a) - penalty(b) || a.fact.offset - b.fact.offset),
    );

  const headline: Record<string, MetricFact> = {};
  for (const [key, [best]] of ranked) if (best) headline[key] = best.fact;

  // Ratios the text states choose between competing readings (153 / 202 = 75.7%).
  for (const { num, den, rate } of RATIOS) {
    const r = headline[rate];
    if (r?.unit !== '%') continue;
    for (const [side, other, forward] of [
      [num, den, true],
      [den, num, false],
    ] as const) {
      const mine = ranked.get(side);
      const best = mine?.[0];
      const partner = headline[other];
      if (!mine || !best || mine.length < 2 || !partner) continue;
      const top = penalty(best);
      const consistent = mine.find((c) => {
        if (penalty(c) > top) return false;
        const ratio = forward ? (c.fact.value / partner.value) * 100 : (partner.value / c.fact.value) * 100;
        return Math.abs(ratio - r.value) < 0.1;
      });
      if (consistent) headline[side] = consistent.fact;
    }
  }
  crossCheck(headline, ranked);
  return headline;
}

/** Marks a headline fact as failing a check: flagged, low confidence, out of the headline. */
function fail(headline: Record<string, MetricFact>, key: string, reason: string): void {
  const f = headline[key];
  if (!f) return;
  f.flags = [...f.flags, reason];
  f.confidence = 'low';
  delete headline[key];
}

/**
 * Consistency between headline facts: received ≥ filed ≥ answered (a failing side is replaced by its next
 * consistent reading when there is one), sub-counts sum ≤ total, stated rates match the counts within rounding.
 */
function crossCheck(headline: Record<string, MetricFact>, ranked: Map<string, Candidate[]>): void {
  for (const { big, small, reason, fails } of COUNT_ORDERS) {
    const b = headline[big];
    const s = headline[small];
    if (!b || !s || b.unit !== s.unit || b.value >= s.value) continue;
    const key = fails === 'big' ? big : small;
    const other = fails === 'big' ? s : b;
    const bad = headline[key];
    fail(headline, key, reason);
    const next = ranked
      .get(key)
      ?.find(
        (c) =>
          c.fact !== bad &&
          c.fact.confidence === 'high' &&
          (fails === 'big' ? c.fact.value >= other.value : c.fact.value <= other.value),
      );
    if (next) headline[key] = next.fact;
  }
  for (const [totalKey, parts] of PARTS_OF) {
    const total = headline[totalKey];
    if (!total) continue;
    const subs = parts.flatMap((k) => {
      const fact = headline[k];
      return fact && fact.unit === total.unit ? [{ key: k, value: fact.value }] : [];
    });
    const sum = subs.reduce((a, s) => a + s.value, 0);
    if (sum > total.value) for (const s of subs) fail(headline, s.key, '小计之和超过总数');
  }
  for (const { rate, num, den } of RATIOS) {
    const r = headline[rate];
    const n = headline[num];
    const d = headline[den];
    if (!r || !n || !d || r.derived || d.value <= 0 || n.unit !== d.unit) continue;
    // Any stated reading may be the one the rate was computed from (立案78件 gross, 实际立案72件 net).
    const ns = (ranked.get(num) ?? []).map((c) => c.fact).filter((f) => f.unit === d.unit);
    const ds = (ranked.get(den) ?? []).map((c) => c.fact).filter((f) => f.unit === n.unit);
    const fits = ns.some((x) => ds.some((y) => y.value > 0 && Math.abs((100 * x.value) / y.value - r.value) <= 1));
    if (!fits) fail(headline, rate, '比率与件数不符');
  }
}
