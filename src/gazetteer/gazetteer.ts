/** Chinese admin divisions (province, prefecture, county level) with lookups by full, short and Traditional name. */
import { readFileSync } from 'node:fs';
import { simplifiedForm, toSimplified } from '../script/chinese-script.js';
import type { RegionRef, RegionTier } from '../domain/report.js';
import { NATIONAL } from './national.js';
import { levelOf, shortName } from './short-name.js';
import { editDistance } from './suggest.js';

/** The four province-level cities. */
const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市']);

interface Index {
  all: RegionRef[];
  byCode: Map<string, RegionRef>;
  byName: Map<string, RegionRef[]>;
  byShort: Map<string, RegionRef[]>;
}

let index: Index | null = null;

function push(map: Map<string, RegionRef[]>, key: string, ref: RegionRef): void {
  const list = map.get(key);
  if (list) list.push(ref);
  else map.set(key, [ref]);
}

/** Loads regions.json once and builds the indexes. */
function load(): Index {
  if (index) return index;
  const url = new URL('./regions.json', import.meta.url);
  const rows = JSON.parse(readFileSync(url, 'utf8')) as [string, string, string][];
  const names = new Map(rows.map(([code, name]) => [code, name]));
  const parents = new Map(rows.map(([code, , parent]) => [code, parent]));
  const tierOf = (code: string): RegionTier => {
    const parent = parents.get(code);
    if (!parent) return '省级';
    // Prefecture codes end in 00; county-level units hung directly on a province (districts of a 直辖市,
    // 省直辖县级市) do not.
    return !parents.get(parent) && code.endsWith('00') ? '地级' : '县级';
  };
  const all: RegionRef[] = rows.map(([code, name, parent]) => {
    const tier = tierOf(code);
    const province = tier === '省级' ? name : (names.get(code.slice(0, 2) + '0000') ?? name);
    const level = tier === '省级' && MUNICIPALITIES.has(name) ? '直辖市' : levelOf(name);
    // Units hung directly on a province — districts of a 直辖市, 省直辖县级市 — have no prefecture above them.
    const onProvince = parent.endsWith('0000');
    const parentName = tier !== '县级' || onProvince ? null : (names.get(parent) ?? null);
    return { name, short: shortName(name), level, tier, province, parent: parentName, code };
  });
  const byCode = new Map(all.map((r) => [r.code, r]));
  const byName = new Map<string, RegionRef[]>();
  const byShort = new Map<string, RegionRef[]>();
  for (const r of all) {
    push(byName, r.name, r);
    if (r.short !== r.name) push(byShort, r.short, r);
  }
  // The national level is looked up by name (/report 全国) but is not in `all`: 全国 is no place mention.
  push(byName, NATIONAL.name, { ...NATIONAL });
  byCode.set(NATIONAL.code, { ...NATIONAL });
  index = { all, byCode, byName, byShort };
  return index;
}

/** Every region in the gazetteer (a shared array; do not mutate). */
export function allRegions(): readonly RegionRef[] {
  return load().all;
}

/** The region with a 6-digit code, or null. */
export function regionByCode(code: string): RegionRef | null {
  return load().byCode.get(code) ?? null;
}

/** Regions whose full name is exactly `name` (homonyms: 江北区 → 重庆, 宁波). */
export function lookupFull(name: string): RegionRef[] {
  return load().byName.get(name) ?? [];
}

/** Regions whose short name is exactly `short` (资阳 → 资阳市; 朝阳 → 朝阳市, 朝阳区 ×2, 朝阳县). */
export function lookupShort(short: string): RegionRef[] {
  return load().byShort.get(short) ?? [];
}

/** All candidates for a user-typed name: full name first, then short name; Traditional input accepted. */
export function lookupRegion(query: string): RegionRef[] {
  const q = query.replace(/\s+/g, '');
  if (!q) return [];
  for (const form of q === toSimplified(q) ? [q] : [q, toSimplified(q)]) {
    const hits = lookupFull(form);
    if (hits.length) return [...hits];
    const shorts = lookupShort(form);
    if (shorts.length) return [...shorts];
  }
  return [];
}

/** Up to `n` regions with names near `query` (edit distance on full and short names, shared characters). */
export function suggestRegions(query: string, n = 3): RegionRef[] {
  const q = simplifiedForm(query.replace(/\s+/g, ''));
  if (!q) return [];
  const chars = new Set(q);
  const scored: { ref: RegionRef; score: number }[] = [];
  for (const ref of load().all) {
    const dist = Math.min(editDistance(q, ref.name), editDistance(q, ref.short));
    const shared = [...new Set(ref.short)].filter((c) => chars.has(c)).length;
    if (shared === 0) continue;
    // Distance dominates; shared characters and a higher tier break ties.
    const tierBonus = ref.tier === '县级' ? 0 : ref.tier === '地级' ? 0.2 : 0.1;
    scored.push({ ref, score: dist - shared * 0.3 - tierBonus });
  }
  scored.sort((a, b) => a.score - b.score || a.ref.code.localeCompare(b.ref.code));
  return scored.slice(0, n).map((s) => s.ref);
}
