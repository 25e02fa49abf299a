/** An export's CSV rows read straight from the figures (no comparison row objects). */
import type { CompareRanks } from '../../db/compare-ranks.js';
import type { CsvRow } from '../reply/reply-model.js';
import { periodLabel } from './compare-rows.js';
import { rowDoubts } from './compare-runs.js';

/**
 * CSV rows of the given reports straight from their figures read as arrays: region, province, tier, body, year,
 * then per column value, unit and notes (period, 推算, doubts). No row, cell or report object per report and no
 * display text: an export writes ~100,000 of them, a page ten.
 */
export function csvRowsOf(ranks: CompareRanks, ids: readonly number[], keys: readonly string[]): Map<number, CsvRow> {
  const out = new Map<number, CsvRow>();
  for (const [
    id,
    key,
    value,
    unit,
    period,
    doubts,
    derived,
    otherBody,
    checks,
    tier,
    year,
    province,
    body,
    region,
  ] of ranks.exportFacts(ids, keys)) {
    let row = out.get(id);
    if (!row) {
      row = [region, province, tier, body, year];
      for (let i = 0; i < keys.length * 3; i++) row.push(null);
      out.set(id, row);
    }
    if (otherBody) continue;
    const at = 5 + keys.indexOf(key) * 3;
    const why = rowDoubts(doubts, checks, { unit, value }, keys);
    const notes = [periodLabel(period), derived ? '推算' : null, why.length ? `存疑:${why.join('、')}` : null];
    row[at] = value;
    row[at + 1] = unit;
    row[at + 2] = notes.filter(Boolean).join(';') || null;
  }
  return out;
}
