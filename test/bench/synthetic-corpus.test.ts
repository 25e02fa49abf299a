import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSeedProfiles, type SeedProfile } from '../../src/bench/seed-profile.js';
import { createCorpus } from '../../src/bench/synthetic-corpus.js';
import { percentile, percentiles } from '../../src/bench/stats.js';

describe('synthetic corpus', () => {
  let seeds: SeedProfile[];
  beforeAll(() => {
    seeds = loadSeedProfiles(join(import.meta.dirname, '../../seeds'));
  });

  it('learns a region and year for every seed', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(5);
    for (const s of seeds) {
      expect(s.region.code).toMatch(/^\d{6}$/);
      expect(s.year).toBeGreaterThan(2000);
      expect(s.text).not.toMatch(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\)/);
    }
  });

  it('is deterministic and varies region, year and script', () => {
    const a = createCorpus(seeds);
    const b = createCorpus(seeds);
    const reports = Array.from({ length: 100 }, (_, i) => a.report(i));
    expect(b.report(37).bytes.equals(reports[37]!.bytes)).toBe(true);
    expect(createCorpus(seeds, { seed: 1 }).report(37).bytes.equals(reports[37]!.bytes)).toBe(false);
    expect(new Set(reports.map((r) => r.bytes.toString('base64'))).size).toBe(100);
    expect(new Set(reports.map((r) => r.region.code)).size).toBeGreaterThan(50);
    expect(new Set(reports.map((r) => r.year)).size).toBeGreaterThan(5);
    const traditional = reports.filter((r) => r.traditional);
    expect(traditional.length).toBeGreaterThan(5);
    expect(traditional.length).toBeLessThan(40);
    expect(traditional.some((r) => /[會議協]\([a-zāáǎàēéěèīíǐìōóǒòūúǔù]+\)/.test(r.bytes.toString('utf8')))).toBe(true);
  });

  it('puts the new region in place of the seed region', () => {
    const corpus = createCorpus(seeds, { traditionalShare: 0 });
    for (let i = 0; i < 10; i++) {
      const r = corpus.report(i);
      const seed = seeds[i % seeds.length]!;
      const text = r.bytes.toString('utf8');
      expect(text).toContain(r.region.name);
      if (!r.region.name.includes(seed.region.short)) expect(text).not.toContain(seed.region.name);
      expect(r.region.tier).toBe(seed.region.tier);
    }
  });
});

describe('stats', () => {
  it('takes nearest-rank percentiles', () => {
    const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 99)).toBe(99);
    expect(percentiles([1, 2, 3])).toEqual({ p50Ms: 2, p95Ms: 3, p99Ms: 3 });
  });
});
