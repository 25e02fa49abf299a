import { findNumber } from './number-text.js';

/** The stored columns of a figure that decide its compare period and its doubts. */
export interface StoredFact {
  value: number;
  evidence: string;
  period: string;
  /** own / other / aggregate. */
  bodyScope: string;
  /** high / low. */
  confidence: string;
  /** JSON array of reasons (or, in old rows, `;`-separated text). */
  flags: string | readonly string[];
}

/** Cues in the evidence line of a figure that make it a term or running total whatever the stored period says. */
const TERM_CUE = /五年来|本届以来|本届政协以来|届内/;
const CUMULATIVE_CUE = /累计|历年来共|成立以来/;

/**
 * The period a comparison files a fact under. A safety net over the stored period: a fact merged from several
 * sentences may say `year` while the line stating its number says 五年来, and a term total must never be ranked
 * among annual figures. Computed at ingest for the headline-facts read model, and at query time for single reports.
 */
export function comparePeriod(f: Pick<StoredFact, 'value' | 'evidence' | 'period' | 'bodyScope'>): string {
  const stored = f.bodyScope === 'aggregate' ? 'aggregate' : f.period || 'unknown';
  if (stored !== 'year' && stored !== 'unknown') return stored;
  // Only lines that write the figure as a whole number (27 is not in 2758).
  const lines = f.evidence.split('\n').filter((l) => findNumber(l, f.value));
  if (lines.some((l) => TERM_CUE.test(l))) return 'term';
  // 累计 counts only in the figure's own clause (全年开展13场活动，累计有25名领导参与 is a yearly 13), and 全年累计
  // is one year's total.
  const cumulative = (l: string) => {
    const at = findNumber(l, f.value)!.start;
    const head = l.slice(0, at);
    const clause = head.slice(Math.max(...['，', ',', '；', ';', '。'].map((p) => head.lastIndexOf(p))) + 1);
    return CUMULATIVE_CUE.test(clause) && !/(全年|年内|一年来|\d{4}年)[^，,；;。]{0,6}累计/.test(clause);
  };
  if (lines.some(cumulative)) return 'cumulative';
  return stored;
}

/** Flags stored with a fact (JSON array or `;`-separated text), as a list. */
export function storedFlags(raw: StoredFact['flags']): string[] {
  if (!raw) return [];
  if (Array.isArray(raw)) return raw.map(String);
  const text = raw as string;
  if (text.startsWith('[')) {
    try {
      const list = JSON.parse(text) as unknown;
      return Array.isArray(list) ? list.map(String) : [];
    } catch {
      return [text];
    }
  }
  return text
    .split(/[;；]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Why a fact alone is doubtful (its failed checks, or 把握不大 for a low-confidence one); empty when trusted. */
export function factDoubts(f: Pick<StoredFact, 'flags' | 'confidence'>): string[] {
  const doubts = storedFlags(f.flags);
  if (f.confidence === 'low' && !doubts.length) doubts.push('把握不大');
  return doubts;
}
