import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RegionRef, RegionTier } from '../domain/report.js';
import { allRegions, lookupFull, regionByCode } from '../gazetteer/gazetteer.js';
import { createRng, mixSeed } from './prng.js';
import { addJunk, dropParagraphs, rewriteNumbers, shuffleSections, swapRegions } from './rewrite-text.js';
import type { SeedProfile } from './seed-profile.js';
import { addPinyinNoise, toTraditional } from './traditional.js';

/** One generated report. */
export interface SyntheticReport {
  name: string;
  bytes: Buffer;
  region: RegionRef;
  year: number;
  traditional: boolean;
  seedFile: string;
}

/** Knobs of the generator (defaults give the corpus the benchmark reports on). */
export interface CorpusOptions {
  /** Base seed of the PRNG. */
  seed?: number;
  /** Share of reports written in Traditional script with pinyin noise. */
  traditionalShare?: number;
  /** Years the variants review. */
  years?: [number, number];
}

/** A deterministic corpus: report `i` depends only on the seeds, the options and `i`. */
export interface SyntheticCorpus {
  report(index: number): SyntheticReport;
}

/** Builds the generator over seed profiles. */
export function createCorpus(seeds: SeedProfile[], options: CorpusOptions = {}): SyntheticCorpus {
  const base = options.seed ?? 20240601;
  const share = options.traditionalShare ?? 0.2;
  const [fromYear, toYear] = options.years ?? [2014, 2024];
  const pools = regionPools();
  return {
    report(index) {
      const rng = createRng(mixSeed(base, index));
      const seed = seeds[index % seeds.length]!;
      const pool = pools.get(seed.region.tier) ?? [seed.region];
      const region = rng.pick(pool);
      const year = rng.int(fromYear, toYear);
      let text = swapRegions(seed.text, {
        from: [seed.region, seed.parent, seed.province],
        to: [region, parentOf(region), regionByCode(region.code.slice(0, 2) + '0000')],
      });
      text = rewriteNumbers(text, year - seed.year, rng);
      if (rng.chance(0.6)) text = shuffleSections(text, rng);
      text = dropParagraphs(text, rng.next() * 0.15, rng);
      text = addJunk(text, region.name, rng);
      const traditional = rng.chance(share);
      if (traditional) text = addPinyinNoise(toTraditional(text), 0.3, rng);
      const name = `syn-${String(index).padStart(5, '0')}.txt`;
      return { name, bytes: Buffer.from(text, 'utf8'), region, year, traditional, seedFile: seed.file };
    },
  };
}

/** Writes reports [0, count) into `dir` and returns their paths in order. */
export function writeCorpus(
  corpus: SyntheticCorpus,
  dir: string,
  count: number,
): { paths: string[]; bytes: number; traditional: number } {
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  let bytes = 0;
  let traditional = 0;
  for (let i = 0; i < count; i++) {
    const r = corpus.report(i);
    const path = join(dir, r.name);
    writeFileSync(path, r.bytes);
    paths.push(path);
    bytes += r.bytes.length;
    if (r.traditional) traditional++;
  }
  return { paths, bytes, traditional };
}

/** Regions by tier, leaving out placeholder units (市辖区, 省直辖县级行政区划 …). */
function regionPools(): Map<RegionTier, RegionRef[]> {
  const pools = new Map<RegionTier, RegionRef[]>();
  for (const r of allRegions()) {
    if (/辖|直辖县|行政区划/.test(r.name) || [...r.short].length < 2) continue;
    const list = pools.get(r.tier) ?? [];
    list.push(r);
    pools.set(r.tier, list);
  }
  return pools;
}

function parentOf(region: RegionRef): RegionRef | null {
  if (!region.parent) return null;
  return lookupFull(region.parent).find((r) => r.province === region.province) ?? null;
}
