/**
 * Seed gold through the whole pipeline (extractFile). These assertions depend on the normalize stage for
 * sourceUrl; the metadata fields themselves also hold on raw text (see prepare.ts).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../../src/ingest/extract.js';
import { loadGold } from '../../../src/eval/load-gold.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const gold = loadGold(join(ROOT, 'test/fixtures/gold-seeds.json'));
const squeeze = (s: string | null | undefined): string | null =>
  s == null ? null : s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');

describe.each(gold.map((g) => [g.file, g] as const))('seed %s', (file, g) => {
  it('matches the gold metadata', async () => {
    const report = await extractFile(join(ROOT, 'seeds', file));
    const { meta } = report;
    expect(meta.region).toMatchObject(g.region ?? {});
    expect(meta.body).toBe(g.body);
    expect(meta.kind).toBe(g.kind);
    expect(meta.year).toBe(g.year);
    expect([g.deliveredOn ?? null, ...g.deliveredOnAlternatives]).toContain(meta.deliveredOn);
    expect(meta.speaker).toBe(g.speaker);
    expect(meta.session).toBe(g.session);
    expect(squeeze(meta.title)).toBe(squeeze(g.title));
  });
});
