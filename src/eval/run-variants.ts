/** Scores the metadata of rewritten gold reports (see `variants.ts`). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { decodeInput } from '../ingest/decode.js';
import { extractMetadata } from '../ingest/metadata/index.js';
import { normalize } from '../ingest/normalize/index.js';
import { buildOutline } from '../ingest/outline/index.js';
import { loadGold, type GoldReport } from './load-gold.js';
import { type FieldResult, scoreFields } from './score-fields.js';
import type { GoldVariant } from './variants.js';

/** Field results of one rewrite over every report of a gold set it applies to, and how many it applied to. */
export function variantFieldResults(
  goldPath: string,
  rewrite: (gold: GoldReport, text: string) => GoldVariant | null,
): { reports: number; fields: FieldResult[] } {
  const dir = dirname(goldPath);
  const fields: FieldResult[] = [];
  let reports = 0;
  for (const g of loadGold(goldPath)) {
    const file = join(dir, g.file);
    const original = decodeInput(file, readFileSync(file));
    const variant = rewrite(g, original.text);
    if (!variant) continue;
    reports++;
    const decoded = decodeInput(file, Buffer.from(variant.text, 'utf8'));
    const normalized = normalize(decoded);
    const meta = extractMetadata({ decoded, normalized, outline: buildOutline(normalized.text) });
    fields.push(...scoreFields(variant.gold, { meta, sourceUrl: null }, false));
  }
  return { reports, fields };
}
