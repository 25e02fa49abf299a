import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RegionRef } from '../domain/report.js';
import { regionByCode, lookupFull } from '../gazetteer/gazetteer.js';
import { toSimplifiedScript } from '../ingest/normalize/script.js';
import { extractBytes } from '../ingest/extract.js';
import { stripPinyin } from '../ingest/normalize/pinyin.js';

/** A seed report as the corpus generator uses it: Simplified text plus the facts it rewrites. */
export interface SeedProfile {
  file: string;
  /** Simplified text without pinyin annotations (Traditional variants are made from it). */
  text: string;
  region: RegionRef;
  /** Prefecture above a county-level region, when the gazetteer knows it. */
  parent: RegionRef | null;
  province: RegionRef | null;
  year: number;
}

/** Reads `seeds/*.txt` and learns each seed's region and year through the real pipeline. */
export function loadSeedProfiles(dir: string): SeedProfile[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f));
  const profiles: SeedProfile[] = [];
  for (const file of files) {
    const bytes = readFileSync(file);
    const report = extractBytes(file, bytes);
    const region = report.meta.region;
    if (!region || !report.meta.year) continue;
    const text = toSimplifiedScript(stripPinyin(bytes.toString('utf8'))).text;
    profiles.push({
      file,
      text,
      region,
      parent: region.parent ? (lookupFull(region.parent).find((r) => r.province === region.province) ?? null) : null,
      province: provinceOf(region),
      year: report.meta.year,
    });
  }
  if (!profiles.length) throw new Error(`no usable seed reports in ${dir}`);
  return profiles;
}

function provinceOf(region: RegionRef): RegionRef | null {
  return (
    (region.province ? lookupFull(region.province) : []).find((r) => r.tier === '省级') ??
    regionByCode(region.code.slice(0, 2) + '0000')
  );
}
