/** Runs the pipeline over a gold set and scores metadata fields and headline metrics. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { extractFile } from '../ingest/extract.js';
import { loadGold } from './load-gold.js';
import { fieldAccuracy, scoreFields, type FieldResult } from './score-fields.js';
import { scoreMetrics, type FamilyScore, type MetricMiss } from './score-metrics.js';

/** Result of evaluating one corpus. */
export interface CorpusEval {
  name: string;
  reports: number;
  fields: FieldResult[];
  accuracy: Map<string, { ok: number; total: number }>;
  families: Map<string, FamilyScore>;
  metricMisses: MetricMiss[];
  errors: { file: string; error: string }[];
}

/** Evaluates the reports listed in `goldPath` (files looked up in `dir`, default: the gold file's folder). */
export async function evalCorpus(name: string, goldPath: string, dir = dirname(goldPath), seeds = false): Promise<CorpusEval> {
  const gold = loadGold(goldPath);
  const fields: FieldResult[] = [];
  const families = new Map<string, FamilyScore>();
  const metricMisses: MetricMiss[] = [];
  const errors: { file: string; error: string }[] = [];
  for (const g of gold) {
    const path = join(dir, g.file);
    if (!existsSync(path)) {
      errors.push({ file: g.file, error: 'file missing' });
      continue;
    }
    try {
      const report = await extractFile(path);
      fields.push(...scoreFields(g, { meta: report.meta, sourceUrl: report.sourceUrl }, seeds));
      metricMisses.push(...scoreMetrics(g.file, g.facts, report.headline, families));
    } catch (error) {
      errors.push({ file: g.file, error: String(error) });
    }
  }
  return { name, reports: gold.length, fields, accuracy: fieldAccuracy(fields), families, metricMisses, errors };
}
