/** Plain-text tables for the eval report. */
import type { FieldResult, FieldTally } from './score-fields.js';
import type { FamilyScore, MetricMiss } from './score-metrics.js';

const pct = (ok: number, total: number): string => (total ? `${((100 * ok) / total).toFixed(1)}%` : '—');
const cell = (v: unknown): string => (v === null || v === undefined ? 'null' : typeof v === 'string' ? v : JSON.stringify(v));

/** One field-table cell: share found, then found / missing / wrong. */
export function tallyCell(a: FieldTally | undefined): string {
  return a?.total ? `${pct(a.found, a.total)} ${a.found}/${a.missing}/${a.wrong}` : '—';
}

/** Field table with one column per corpus; each cell is `found% found/missing/wrong`. */
export function fieldTable(columns: { name: string; tallies: Map<string, FieldTally> }[]): string {
  const fields = [...new Set(columns.flatMap((c) => [...c.tallies.keys()]))];
  const rows = [['field', ...columns.map((c) => c.name)]];
  for (const f of fields) rows.push([f, ...columns.map((c) => tallyCell(c.tallies.get(f)))]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ')).join('\n');
}

/** Lines listing field misses. */
export function fieldMisses(results: FieldResult[]): string {
  const misses = results.filter((r) => !r.ok);
  if (!misses.length) return '  (none)';
  return misses.map((m) => `  ${m.file}  ${m.field} ${m.outcome}: expected ${cell(m.expected)}, got ${cell(m.got)}`).join('\n');
}

/** Per-family precision / recall table. */
export function metricTable(families: Map<string, FamilyScore>): string {
  const rows = [['family', 'recall', 'precision', 'beyond gold']];
  let found = 0,
    gold = 0,
    correct = 0,
    predicted = 0,
    beyond = 0;
  for (const [f, s] of [...families.entries()].sort()) {
    rows.push([
      f,
      `${pct(s.found, s.gold)} (${s.found}/${s.gold})`,
      `${pct(s.correct, s.predicted)} (${s.correct}/${s.predicted})`,
      String(s.beyond),
    ]);
    found += s.found;
    gold += s.gold;
    correct += s.correct;
    predicted += s.predicted;
    beyond += s.beyond;
  }
  rows.push([
    'ALL',
    `${pct(found, gold)} (${found}/${gold})`,
    `${pct(correct, predicted)} (${correct}/${predicted})`,
    String(beyond),
  ]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ')).join('\n');
}

/** Lines listing metric misses (missed gold facts and unmatched headline facts). */
export function metricMisses(misses: MetricMiss[], limit = 200): string {
  if (!misses.length) return '  (none)';
  const lines = misses
    .slice(0, limit)
    .map((m) =>
      m.kind === 'missed'
        ? `  ${m.file}  missed ${m.key} = ${m.expected}${m.got ? ` (got ${m.got})` : ''}  «${m.quote ?? ''}»`
        : `  ${m.file}  beyond gold (unscored)  ${m.key} = ${m.got}  «${m.quote ?? ''}»`,
    );
  if (misses.length > limit) lines.push(`  … ${misses.length - limit} more`);
  return lines.join('\n');
}
