/**
 * The committed review of headline facts beyond the gold (src/eval/beyond-gold-review.tsv): every such fact of
 * the seeds and the dev corpus was read once and marked `ok` or `wrong-kind` (with the rule that now keeps it
 * out of the headline). The eval compares today's beyond-gold facts with it, so a new unreviewed fact — or a
 * reviewed wrong one shown again — is visible.
 */
import { readFileSync } from 'node:fs';
import { renderTable } from './print.js';
import type { MetricMiss } from './score-metrics.js';

/** ok: the fact is what its label says; wrong-kind: it is not (a rule now keeps it out of the headline). */
export type Verdict = 'ok' | 'wrong-kind';

/** One reviewed fact. */
export interface ReviewEntry {
  file: string;
  key: string;
  /** Value and unit as the eval prints them (23次, 4.51万亿元). */
  value: string;
  verdict: Verdict;
  /** Why it is wrong and which rule fixed it, or a remark on an ok fact. */
  note: string;
}

/** How today's beyond-gold facts stand against the review. */
export interface BeyondStatus {
  /** Beyond-gold headline facts today. */
  total: number;
  /** Of them, reviewed ok. */
  ok: number;
  /** Reviewed wrong-kind but shown as headline again: a regression. */
  wrongShown: MetricMiss[];
  /** Not in the review: read them, then add them to the file. */
  unreviewed: MetricMiss[];
  /** Reviewed wrong-kind facts no longer shown. */
  fixed: number;
}

const id = (file: string, key: string, value: string | null): string => `${file}|${key}|${value ?? ''}`;

/** Parses the review file: tab-separated `file key value verdict note`, `#` lines are comments. */
export function parseReview(text: string): Map<string, ReviewEntry> {
  const out = new Map<string, ReviewEntry>();
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    // A valid verdict in the fourth column means the three columns before it are there.
    const [file = '', key = '', value = '', verdict, note = ''] = line.split('\t');
    if (verdict !== 'ok' && verdict !== 'wrong-kind') throw new Error(`beyond-gold review: bad verdict in «${line}»`);
    out.set(id(file, key, value), { file, key, value, verdict, note });
  }
  return out;
}

/** Loads the review file; an absent file is an empty review (every fact unreviewed). */
export function loadReview(path: string): Map<string, ReviewEntry> {
  try {
    return parseReview(readFileSync(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
}

/** Compares the beyond-gold facts of `files` (from the eval's misses) with the review. */
export function checkBeyond(misses: MetricMiss[], review: Map<string, ReviewEntry>, files: string[]): BeyondStatus {
  const beyond = misses.filter((m) => m.kind === 'beyond');
  const shown = new Set(beyond.map((m) => id(m.file, m.key, m.got)));
  const status: BeyondStatus = { total: beyond.length, ok: 0, wrongShown: [], unreviewed: [], fixed: 0 };
  for (const m of beyond) {
    const r = review.get(id(m.file, m.key, m.got));
    if (!r) status.unreviewed.push(m);
    else if (r.verdict === 'ok') status.ok++;
    else status.wrongShown.push(m);
  }
  const inScope = new Set(files);
  for (const r of review.values())
    if (r.verdict === 'wrong-kind' && inScope.has(r.file) && !shown.has(id(r.file, r.key, r.value))) status.fixed++;
  return status;
}

/** Review counts per corpus, then the facts that need a reader: unreviewed ones and reviewed-wrong ones shown again. */
export function beyondReport(columns: { name: string; status: BeyondStatus }[], list: (m: MetricMiss[]) => string): string {
  const rows = [['corpus', 'beyond gold', 'reviewed ok', 'UNREVIEWED', 'WRONG KIND SHOWN', 'wrong-kind facts now out']];
  for (const { name, status: s } of columns)
    rows.push([name, String(s.total), String(s.ok), String(s.unreviewed.length), String(s.wrongShown.length), String(s.fixed)]);
  const lines = [renderTable(rows)];
  for (const { name, status: s } of columns) {
    if (s.unreviewed.length)
      lines.push(`-- ${name}: unreviewed beyond-gold facts (read, then add to the review file)\n${list(s.unreviewed)}`);
    if (s.wrongShown.length) lines.push(`-- ${name}: reviewed as the wrong kind but shown again\n${list(s.wrongShown)}`);
  }
  return lines.join('\n');
}
