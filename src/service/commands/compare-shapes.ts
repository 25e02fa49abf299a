/** The reports of a comparison without its compared figure: counted from headline_rows, or read per tier. */
import { keyBit, rowBits } from '../../domain/key-bits.js';
import type { CompareTier } from '../../domain/compare-tier.js';
import type { RankQuery } from '../../db/compare-rank-query.js';
import type { CompareRanks } from '../../db/compare-ranks.js';

/**
 * When the row's columns are keys of one family: the reports without the compared figure counted by tier and
 * row period, and which columns have figures, from the family's headline_rows (one grouped pass) instead of
 * from every figure of the other columns.
 */
export function shapesOf(
  ranks: CompareRanks,
  q: RankQuery,
): { uncompared: { tier: CompareTier; period: string; n: number }[]; hasColumn: boolean[] } | null {
  const bits = rowBits(q.keys);
  if (!bits) return null;
  const colBits = q.keys.map((k) => keyBit(k)!.bit);
  const compared = colBits[q.keys.indexOf(q.key)]!;
  const counts = new Map<string, { tier: CompareTier; period: string; n: number }>();
  const hasColumn = q.keys.map(() => false);
  for (const s of ranks.rowShapes(q, bits.family)) {
    if (!(s.own & bits.mask)) continue;
    colBits.forEach((b, i) => {
      if (s.own & b) hasColumn[i] = true;
    });
    if (s.own & compared) continue;
    // As rowPeriod: annual when one of the row's figures is, else the period of its first figure.
    let period = 'year';
    if (!(s.annual & bits.mask)) {
      const first = colBits.find((b) => s.own & b)!;
      period = new Map(s.periods.split(',').map((x) => [Number(x.slice(0, x.indexOf(':'))), x.slice(x.indexOf(':') + 1)])).get(
        first,
      )!;
    }
    const at = `${s.tier}|${period}`;
    const c = counts.get(at);
    if (c) c.n += s.n;
    else counts.set(at, { tier: s.tier, period, n: s.n });
  }
  return { uncompared: [...counts.values()], hasColumn };
}

/** A report without an own figure of the compared key: its own figures of the other columns. */
export interface Uncompared {
  reportId: number;
  tier: CompareTier;
  regionName: string | null;
  period: string;
  /** The first figure in column order (a tier group sorts such rows by it). */
  first: number;
}

/** Reports of one tier without the compared figure, from their facts in listing order (a report's facts together). */
export function uncomparedRows(ranks: CompareRanks, q: RankQuery, tier: CompareTier): Uncompared[] {
  const byReport = new Map<number, { regionName: string | null; facts: Map<string, { n: number; p: string }> }>();
  for (const f of ranks.uncompared(q, tier)) {
    let r = byReport.get(f.reportId);
    if (!r) byReport.set(f.reportId, (r = { regionName: f.regionName, facts: new Map() }));
    r.facts.set(f.key, { n: f.normalized, p: f.period });
  }
  return [...byReport].map(([reportId, r]) => {
    const present = q.keys.flatMap((k) => {
      const f = r.facts.get(k);
      return f ? [f] : [];
    });
    // As rowPeriod: annual when some other figure is, else the first figure's period.
    const period = present.some((f) => f.p === 'year') ? 'year' : present[0]!.p;
    return { reportId, tier, regionName: r.regionName, period, first: present[0]!.n };
  });
}
