/** Runs the pipeline over a gold set and scores metadata fields and headline metrics. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { extractFile } from '../ingest/extract.js';
import { loadGold } from './load-gold.js';
import { type FieldResult, type FieldTally, fieldTallies, scoreFields } from './score-fields.js';
import { addScores, type FamilyScore, type MetricMiss, scoreMetrics } from './score-metrics.js';

/** Result of evaluating one corpus (or one part of it, see `subsetEval`). */
export interface CorpusEval {
  name: string;
  /** Files of the gold set (in gold order). */
  files: string[];
  reports: number;
  fields: FieldResult[];
  /** found / missing / wrong per field. */
  tallies: Map<string, FieldTally>;
  families: Map<string, FamilyScore>;
  /** Metric family scores of each file, so a part of the corpus can be re-aggregated. */
  fileFamilies: Map<string, Map<string, FamilyScore>>;
  metricMisses: MetricMiss[];
  errors: { file: string; error: string }[];
  /** Milliseconds the metrics stage took per file. */
  metricsMs: Map<string, number>;
}

/** Sums per-file family scores. */
function mergeFamilies(parts: Iterable<Map<string, FamilyScore>>): Map<string, FamilyScore> {
  const out = new Map<string, FamilyScore>();
  for (const part of parts) addScores(out, part);
  return out;
}

/** Mean metrics-stage milliseconds per report. */
export function metricsMsPerReport(c: CorpusEval): number {
  const v = [...c.metricsMs.values()];
  return v.length ? v.reduce((x, y) => x + y, 0) / v.length : 0;
}

/** Evaluates the reports listed in `goldPath` (files looked up in `dir`, default: the gold file's folder). */
export async function evalCorpus(name: string, goldPath: string, dir = dirname(goldPath), seeds = false): Promise<CorpusEval> {
  const gold = loadGold(goldPath);
  const fields: FieldResult[] = [];
  const fileFamilies = new Map<string, Map<string, FamilyScore>>();
  const metricMisses: MetricMiss[] = [];
  const errors: { file: string; error: string }[] = [];
  const metricsMs = new Map<string, number>();
  for (const g of gold) {
    const path = join(dir, g.file);
    if (!existsSync(path)) {
      errors.push({ file: g.file, error: 'file missing' });
      continue;
    }
    try {
      const report = await extractFile(path);
      fields.push(...scoreFields(g, { meta: report.meta, sourceUrl: report.sourceUrl }, seeds));
      const families = new Map<string, FamilyScore>();
      metricMisses.push(...scoreMetrics(g.file, g.facts, report.headline, families));
      fileFamilies.set(g.file, families);
      metricsMs.set(g.file, report.timings.metrics ?? 0);
    } catch (error) {
      errors.push({ file: g.file, error: String(error) });
    }
  }
  return {
    name,
    files: gold.map((g) => g.file),
    reports: gold.length,
    fields,
    tallies: fieldTallies(fields),
    families: mergeFamilies(fileFamilies.values()),
    fileFamilies,
    metricMisses,
    errors,
    metricsMs,
  };
}

/** The part of an evaluation whose files `keep` accepts (e.g. one half of the dev corpus), re-aggregated. */
export function subsetEval(c: CorpusEval, name: string, keep: (file: string) => boolean): CorpusEval {
  const files = c.files.filter(keep);
  const fields = c.fields.filter((r) => keep(r.file));
  return {
    name,
    files,
    reports: files.length,
    fields,
    tallies: fieldTallies(fields),
    families: mergeFamilies([...c.fileFamilies].filter(([f]) => keep(f)).map(([, s]) => s)),
    fileFamilies: new Map([...c.fileFamilies].filter(([f]) => keep(f))),
    metricMisses: c.metricMisses.filter((m) => keep(m.file)),
    errors: c.errors.filter((e) => keep(e.file)),
    metricsMs: new Map([...c.metricsMs].filter(([f]) => keep(f))),
  };
}
