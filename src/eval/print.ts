/** Plain-text tables for the eval report. */
import type { FieldResult, FieldTally } from './score-fields.js';
import { windowAround } from '../domain/number-text.js';
import type { FamilyScore, MetricMiss } from './score-metrics.js';

const pct = (ok: number, total: number): string => (total ? `${((100 * ok) / total).toFixed(1)}%` : '—');
/** Rows as left-aligned columns, two spaces apart. */
export function renderTable(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) for (const [i, c] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, c.length);
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')).join('\n');
}
const cell = (v: unknown): string => (v === null || v === undefined ? 'null' : typeof v === 'string' ? v : JSON.stringify(v));

/** One field-table cell: share found, then found / missing / wrong. */
function tallyCell(a: FieldTally | undefined): string {
  return a?.total ? `${pct(a.found, a.total)} ${a.found}/${a.missing}/${a.wrong}` : '—';
}

/** Field table with one column per corpus; each cell is `found% found/missing/wrong`. */
export function fieldTable(columns: { name: string; tallies: Map<string, FieldTally> }[]): string {
  const fields = [...new Set(columns.flatMap((c) => [...c.tallies.keys()]))];
  const rows = [['field', ...columns.map((c) => c.name)]];
  for (const f of fields) rows.push([f, ...columns.map((c) => tallyCell(c.tallies.get(f)))]);
  return renderTable(rows);
}

/** Lines listing field misses. */
export function fieldMisses(results: FieldResult[]): string {
  const misses = results.filter((r) => !r.ok);
  if (!misses.length) return '  (none)';
  return misses.map((m) => `  ${m.file}  ${m.field} ${m.outcome}: expected ${cell(m.expected)}, got ${cell(m.got)}`).join('\n');
}

/** Per-family table: gold, found, missing and wrong (a headline fact with another value), and facts beyond gold. */
export function metricTable(families: Map<string, FamilyScore>): string {
  const rows = [['family', 'gold', 'found', 'missing', 'WRONG', 'wrong of shown', 'beyond gold']];
  const all: FamilyScore = { gold: 0, found: 0, missing: 0, wrong: 0, beyond: 0 };
  const row = (name: string, s: FamilyScore): string[] => [
    name,
    String(s.gold),
    `${pct(s.found, s.gold)} (${s.found})`,
    String(s.missing),
    String(s.wrong),
    `${pct(s.wrong, s.found + s.wrong)} (${s.wrong}/${s.found + s.wrong})`,
    String(s.beyond),
  ];
  for (const [f, s] of [...families.entries()].sort()) {
    if (s.gold) rows.push(row(f, s));
    all.gold += s.gold;
    all.found += s.found;
    all.missing += s.missing;
    all.wrong += s.wrong;
    all.beyond += s.beyond;
  }
  const rest = [...families.values()].filter((s) => !s.gold).reduce((a, s) => a + s.beyond, 0);
  if (rest) rows.push(['(families without gold)', '0', '—', '0', '0', '—', String(rest)]);
  rows.push(row('ALL', all));
  return renderTable(rows);
}

/** One summary row per corpus for one family (or all when `family` is null): found / missing / wrong. */
export function summaryTable(columns: { name: string; families: Map<string, FamilyScore> }[], family: string | null): string {
  const rows = [['corpus', 'gold', 'found', 'missing', 'WRONG', 'wrong of shown']];
  for (const c of columns) {
    const s: FamilyScore = { gold: 0, found: 0, missing: 0, wrong: 0, beyond: 0 };
    for (const [f, x] of c.families) {
      if (family && f !== family) continue;
      s.gold += x.gold;
      s.found += x.found;
      s.missing += x.missing;
      s.wrong += x.wrong;
    }
    rows.push([
      c.name,
      String(s.gold),
      `${pct(s.found, s.gold)} (${s.found})`,
      String(s.missing),
      String(s.wrong),
      `${pct(s.wrong, s.found + s.wrong)} (${s.wrong}/${s.found + s.wrong})`,
    ]);
  }
  return renderTable(rows);
}

/** Lines listing missed and wrong gold facts, or (kind `beyond`) the headline facts beyond the gold. */
export function metricMisses(misses: MetricMiss[], kinds: MetricMiss['kind'][] = ['missed', 'wrong'], limit = 1000): string {
  const list = misses.filter((m) => kinds.includes(m.kind));
  if (!list.length) return '  (none)';
  const lines = list.slice(0, limit).map((m) => {
    if (m.kind === 'missed') return `  ${m.file}  missed ${m.key} = ${m.expected}  «${m.quote ?? ''}»`;
    if (m.kind === 'wrong') return `  ${m.file}  WRONG ${m.key} = ${m.got}, gold ${m.expected}  «${m.quote ?? ''}»`;
    return `  ${m.file}  ${m.key} = ${m.got}  «${excerpt(m)}»`;
  });
  if (list.length > limit) lines.push(`  … ${list.length - limit} more`);
  return lines.join('\n');
}

/** 90 characters of the evidence around the figure: a clip from the sentence start hid the number of long sentences. */
function excerpt(m: Pick<MetricMiss, 'quote' | 'at' | 'got'>): string {
  const q = m.quote ?? '';
  const len = /^[0-9.]+/.exec(m.got ?? '')?.[0].length ?? 0;
  const at = m.at ?? 0;
  return windowAround(q, at, at + len, 90);
}
