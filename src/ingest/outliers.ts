/**
 * Post-ingest pass over the stored corpus: a yearly headline figure 10× off the same region's other years, or
 * outside every peer's figure by 10× (same key, same issuing body, same region level), is most likely a unit or
 * reading error (万 lost, a five-year total, a figure of another body). It stays stored, leaves the headline and
 * says why. The pass reads only stored rows, so it is re-run whenever reports are added and undoes its own
 * marks when the corpus no longer supports them.
 */
import type { DigestDb } from '../db/open.js';
import { type FigureRow as Row, outlierMarks } from '../db/outlier-marks.js';

/** Every mark this pass writes contains this, so a re-run can find and undo its own marks. */
const MARK = '相差10倍以上';
/** The off factor. */
const FACTOR = 10;
/** A region's other years needed to call one year off (with one other year we cannot tell which is wrong). */
const MIN_OWN_YEARS = 2;
/** Peers needed to call a figure off all of them. */
const MIN_PEERS = 3;

/** What one pass changed. */
export interface OutlierPass {
  /** Figures newly flagged (out of the headline). */
  flagged: number;
  /** Figures whose earlier mark no longer holds (back in the headline when nothing else is wrong with them). */
  cleared: number;
}

/** Median of a non-empty list. */
function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const hi = s[mid] ?? 0;
  return s.length % 2 ? hi : ((s[mid - 1] ?? hi) + hi) / 2;
}

const off = (value: number, ref: number): boolean => value >= ref * FACTOR || value * FACTOR <= ref;

/** The reason a figure is off its region's other years or its peers, or null, for every row of a group. */
export function outlierReasons(group: readonly Row[]): (string | null)[] {
  // By region and by level once, not a scan of the whole group per row: groups (one key of one body) reach
  // thousands of rows at national scale, and the scans made the pass quadratic in the corpus.
  const byRegion = new Map<string, Row[]>();
  for (const o of group) if (o.region) push(byRegion, o.region, o);
  const levels = new Map<string, LevelStats>();
  for (const o of group) if (o.level) addToLevel(levels, o.level, o);
  return group.map((row) => {
    const own = row.region ? (byRegion.get(row.region) ?? []).filter((o) => o.year !== null && o.year !== row.year) : [];
    const years = new Set(own.map((o) => o.year));
    if (row.region && row.year !== null && years.size >= MIN_OWN_YEARS) {
      const ref = median(own.map((o) => o.normalized));
      if (off(row.normalized, ref)) return `与本地区其他年份${MARK}（其他年份中位数 ${fmt(ref)}）`;
    }
    const level = row.level ? levels.get(row.level) : undefined;
    // The row's own region is one of its level's regions: the peers are all the others.
    if (level && level.regions.size - 1 >= MIN_PEERS) {
      const [lo, hi] = peerRange(level, row.region);
      if (row.normalized >= hi * FACTOR || row.normalized * FACTOR <= lo)
        return `与同级地区${MARK}（同级 ${fmt(lo)}–${fmt(hi)}）`;
    }
    return null;
  });
}

/** One level's figures by region (null is a region value of its own, as in a Set): each region's range. */
interface LevelStats {
  regions: Map<string | null, { min: number; max: number }>;
  /** The two regions with the lowest minimum and the two with the highest maximum (filled on first use). */
  lows?: [string | null, number][];
  highs?: [string | null, number][];
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function addToLevel(levels: Map<string, LevelStats>, level: string, o: Row): void {
  let stats = levels.get(level);
  if (!stats) levels.set(level, (stats = { regions: new Map() }));
  const range = stats.regions.get(o.region);
  if (!range) stats.regions.set(o.region, { min: o.normalized, max: o.normalized });
  else {
    range.min = Math.min(range.min, o.normalized);
    range.max = Math.max(range.max, o.normalized);
  }
}

/** Lowest and highest figure of a level's regions other than `region` (at least one other region). */
function peerRange(stats: LevelStats, region: string | null): [number, number] {
  if (!stats.lows || !stats.highs) {
    const ranges = [...stats.regions];
    stats.lows = ranges
      .map(([r, x]): [string | null, number] => [r, x.min])
      .sort((a, b) => a[1] - b[1])
      .slice(0, 2);
    stats.highs = ranges
      .map(([r, x]): [string | null, number] => [r, x.max])
      .sort((a, b) => b[1] - a[1])
      .slice(0, 2);
  }
  const other = (best: [string | null, number][]): number => (best[0]![0] !== region ? best[0]![1] : best[1]![1]);
  return [other(stats.lows), other(stats.highs)];
}

const fmt = (n: number): string => String(Number(n.toPrecision(4)));

/** Runs the pass in one write transaction; bumps the corpus version when it changed anything. */
export function flagOutliers(db: DigestDb): OutlierPass {
  const result: OutlierPass = { flagged: 0, cleared: 0 };
  outlierMarks(db, MARK, (marks) => {
    const groups = new Map<string, Row[]>();
    for (const r of marks.figures()) {
      // Judged on the figure as the extractor left it: its own earlier mark does not count against it.
      const base = r.flags.filter((f) => !f.includes(MARK));
      if (base.length) continue;
      const id = `${r.key}|${r.body ?? ''}`;
      const g = groups.get(id) ?? [];
      g.push(r);
      groups.set(id, g);
    }
    for (const g of groups.values()) {
      const reasons = outlierReasons(g);
      for (const [i, r] of g.entries()) {
        const reason = reasons[i] ?? null;
        const marked = r.flags.find((f) => f.includes(MARK));
        if (reason && reason !== marked) {
          marks.demote(r.id, [reason]);
          if (!marked) result.flagged++;
        } else if (!reason && marked) {
          marks.restore(r);
          result.cleared++;
        }
      }
    }
    if (result.flagged || result.cleared) marks.bumpVersion();
  });
  return result;
}
