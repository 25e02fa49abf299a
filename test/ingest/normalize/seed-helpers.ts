import { readFileSync } from 'node:fs';
import type { NormalizedText } from '../../../src/domain/report.js';
import { decodeInput } from '../../../src/ingest/decode.js';
import { normalize } from '../../../src/ingest/normalize/index.js';

/** One entry of test/fixtures/gold-seeds.json (only the fields these tests use). */
export interface GoldSeed {
  file: string;
  sourceUrl: string | null;
  parts?: string[];
  reviewSections?: number;
  script?: string;
}

const gold = JSON.parse(readFileSync(new URL('../../fixtures/gold-seeds.json', import.meta.url), 'utf8')) as {
  reports: GoldSeed[];
};

/** Gold facts of every seed. */
export const seeds: GoldSeed[] = gold.reports;

const cache = new Map<string, NormalizedText>();

/** Raw text of a seed file. */
export function seedText(file: string): string {
  return readFileSync(new URL(`../../../seeds/${file}`, import.meta.url), 'utf8');
}

/** A seed after decode + normalize (cached across tests). */
export function normalizedSeed(file: string): NormalizedText {
  let n = cache.get(file);
  if (!n) {
    const bytes = readFileSync(new URL(`../../../seeds/${file}`, import.meta.url));
    n = normalize(decodeInput(file, bytes));
    cache.set(file, n);
  }
  return n;
}

/** The seed whose file name starts with `prefix` (000, 001 …). */
export function seed(prefix: string): GoldSeed {
  const found = seeds.find((s) => s.file.startsWith(prefix));
  if (!found) throw new Error(`no seed ${prefix}`);
  return found;
}
