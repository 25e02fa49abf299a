/**
 * Rewritten copies of gold reports, with their gold rewritten alike: the same report issued by another region, or
 * in Traditional script. A rule that memorized a region or leaned on one script shows up as a drop on them.
 */
import { swapRegions } from '../bench/rewrite-text.js';
import type { RegionRef } from '../domain/report.js';
import { allRegions, lookupFull, regionByCode } from '../gazetteer/gazetteer.js';
import { toTraditional } from '../script/chinese-script.js';
import type { GoldReport } from './load-gold.js';

/** One rewritten report and the gold it must now yield. */
export interface GoldVariant {
  gold: GoldReport;
  text: string;
}

const PINYIN = /\((?=[^)]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\)/g;
const provinceOf = (r: RegionRef): RegionRef | null => regionByCode(`${r.code.slice(0, 2)}0000`);
const parentOf = (r: RegionRef): RegionRef | null =>
  r.parent ? (lookupFull(r.parent).find((p) => p.province === r.province) ?? null) : null;

/** The gold region as a gazetteer entry (null for the national level or a name the gazetteer lacks). */
function goldRegion(gold: GoldReport): RegionRef | null {
  const name = gold.region?.name;
  if (!name) return null;
  return lookupFull(name).find((r) => !gold.region?.province || r.province === gold.region.province) ?? null;
}

/** Deterministic pick (by the file name) of a same-level region of another province whose names the text lacks. */
function pickTarget(from: RegionRef, text: string, salt: string): RegionRef | null {
  const pool = allRegions().filter(
    (r) =>
      r.level === from.level &&
      r.province !== from.province &&
      [...r.short].length >= 2 &&
      !text.includes(r.short) &&
      !text.includes(toTraditional(r.short)) &&
      !(r.parent && text.includes(r.parent)) &&
      !(r.province && text.includes(r.province.slice(0, 2))),
  );
  if (!pool.length) return null;
  let h = 0;
  for (const ch of salt) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return pool[h % pool.length] ?? null;
}

/** The report as issued by another region of the same level (its region, parent and province renamed). */
export function otherRegionVariant(gold: GoldReport, original: string): GoldVariant | null {
  // Pinyin between characters (遠(yuǎn)安) would hide a name from the swap; normalize drops it anyway.
  const text = original.replace(PINYIN, '');
  const from = goldRegion(gold);
  if (!from || from.tier === '国家') return null;
  const to = pickTarget(from, text, gold.file);
  if (!to) return null;
  const toParent = parentOf(to);
  const swap = { from: [from, parentOf(from), provinceOf(from)], to: [to, toParent, provinceOf(to)] };
  // Traditional pages spell the names in Traditional too (澤州縣): swap both spellings.
  const traditional = (r: RegionRef | null) => r && { ...r, name: toTraditional(r.name), short: toTraditional(r.short) };
  const rewritten = swapRegions(swapRegions(text, swap), { from: swap.from.map(traditional), to: swap.to.map(traditional) });
  const region: Record<string, string | null> = {};
  for (const k of Object.keys(gold.region ?? {})) {
    if (k === 'name') region[k] = to.name;
    else if (k === 'short') region[k] = to.short;
    else if (k === 'level') region[k] = to.level;
    else if (k === 'province') region[k] = to.province;
    else if (k === 'parent') region[k] = to.parent;
  }
  return { gold: { ...gold, region }, text: rewritten };
}

/** The report converted to Traditional script; the gold (Simplified names) is unchanged. */
export function traditionalVariant(gold: GoldReport, text: string): GoldVariant {
  return { gold, text: toTraditional(text) };
}
