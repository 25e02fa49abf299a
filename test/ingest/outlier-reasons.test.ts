import { describe, expect, it } from 'vitest';
import type { FigureRow } from '../../src/db/outlier-marks.js';
import { outlierReasons } from '../../src/ingest/outliers.js';

/** The pass's rule written the direct way: every row scans its whole group (what the pass did before). */
function reference(group: FigureRow[]): (string | null)[] {
  const median = (values: number[]): number => {
    const s = [...values].sort((a, b) => a - b);
    const mid = s.length >> 1;
    const hi = s[mid] ?? 0;
    return s.length % 2 ? hi : ((s[mid - 1] ?? hi) + hi) / 2;
  };
  const fmt = (n: number): string => String(Number(n.toPrecision(4)));
  return group.map((row) => {
    const own = group.filter((o) => o.region && o.region === row.region && o.year !== null && o.year !== row.year);
    if (row.region && row.year !== null && new Set(own.map((o) => o.year)).size >= 2) {
      const ref = median(own.map((o) => o.normalized));
      if (row.normalized >= ref * 10 || row.normalized * 10 <= ref)
        return `与本地区其他年份相差10倍以上（其他年份中位数 ${fmt(ref)}）`;
    }
    const peers = group.filter((o) => o.level && o.level === row.level && o.region !== row.region);
    if (new Set(peers.map((o) => o.region)).size >= 3) {
      const values = peers.map((o) => o.normalized);
      const [lo, hi] = [Math.min(...values), Math.max(...values)];
      if (row.normalized >= hi * 10 || row.normalized * 10 <= lo) return `与同级地区相差10倍以上（同级 ${fmt(lo)}–${fmt(hi)}）`;
    }
    return null;
  });
}

describe('outlierReasons', () => {
  it('gives every row of random groups the reason the whole-group scan gives', () => {
    let seed = 20261202;
    const next = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const regions = [null, '', '甲县', '乙县', '丙县', '丁县', '戊市', '己市'];
    const levels = [null, '', 'county', 'city'];
    const years = [null, 2019, 2020, 2021, 2022, 2023];
    let flagged = 0;
    for (let g = 0; g < 400; g++) {
      const group: FigureRow[] = Array.from({ length: 1 + next(40) }, (_, i) => ({
        id: i + 1,
        reportId: i + 1,
        key: 'proposals.received',
        unit: '件',
        // Mostly one magnitude, some ten or a hundred times off, some equal values (ties at the extremes).
        normalized: [300, 310, 280, 3000, 30, 31_000, 2.5, 300][next(8)]! * (1 + next(3) / 100),
        flags: [],
        headline: 1,
        body: '政协',
        level: levels[next(levels.length)]!,
        region: regions[next(regions.length)]!,
        year: years[next(years.length)]!,
      }));
      const got = outlierReasons(group);
      expect(got).toEqual(reference(group));
      flagged += got.filter(Boolean).length;
    }
    // The groups exercise both rules, not only the null case.
    expect(flagged).toBeGreaterThan(100);
  });
});
