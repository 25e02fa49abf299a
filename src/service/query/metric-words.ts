import { simplifiedForm } from '../../script/chinese-script.js';
import type { ReportBody } from '../../domain/report.js';
import type { ReportStore } from '../../db/report-store.js';
import { METRIC_WORDS } from '../../ingest/metrics/registry/metric-words.js';

/** A metric a user can name, with the columns a comparison shows (the first is the sort key). */
export interface MetricGroup {
  title: string;
  columns: { key: string; label: string }[];
  /** The body whose reports a comparison shows unless the user names another (提案 are 政协's). */
  body?: ReportBody;
}

/** The registry's metric words as groups (built once: callers compare groups by title). */
const GROUPS: { words: readonly string[]; group: MetricGroup }[] = METRIC_WORDS.map((g) => ({
  words: g.words,
  group: { ...(g.body ? { body: g.body } : {}), title: g.title, columns: g.columns.map((c) => ({ ...c })) },
}));

/** Every named metric group, in the order users compare them most (for “which metrics have data”). */
export function knownGroups(): MetricGroup[] {
  return GROUPS.map((g) => g.group);
}

/**
 * Understands a metric word: a known word (提案, 协商, 社情民意 …), a canonical key (proposals.filed), or a
 * label of figures in the store. Returns null when the word is a topic, not a metric.
 */
export function metricGroupFor(word: string, store: ReportStore): MetricGroup | null {
  const w = simplifiedForm(word.trim()).toLowerCase();
  if (!w) return null;
  for (const g of GROUPS) if (g.words.includes(w)) return g.group;
  const vocab = store.metricVocabulary();
  const byKey = vocab.filter((v) => v.key === w || v.key.startsWith(w + '.'));
  if (byKey.length) return { title: word, columns: uniqueColumns(byKey) };
  if ([...w].length >= 2) {
    const byLabel = vocab.filter((v) => v.label.includes(w));
    if (byLabel.length) return { title: word, columns: uniqueColumns(byLabel) };
  }
  return null;
}

function uniqueColumns(rows: { key: string; label: string }[]): MetricGroup['columns'] {
  const seen = new Map<string, string>();
  for (const r of rows) if (!seen.has(r.key)) seen.set(r.key, r.label);
  return [...seen].slice(0, 4).map(([key, label]) => ({ key, label }));
}
