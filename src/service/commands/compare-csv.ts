import type { CsvData, CsvRow } from '../reply/reply-model.js';
import type { NamedMetric } from './compare-build.js';
import { type CompareRow, periodLabel } from './compare-rows.js';
import type { CompareView } from './compare-view.js';

/** Rows read per batch for an export: a few queries per 1,000 rows, a batch's rows the only ones held. */
const EXPORT_BATCH = 1000;

/** Every row of a comparison in reading order, a batch at a time from SQL. */
export function* viewRows(view: CompareView): Generator<CompareRow> {
  for (const batch of view.rows(EXPORT_BATCH)) for (const e of batch) yield e.row;
}

/**
 * The whole comparison as CSV rows (an export: every row in reading order, not a page). `rows` is called for each
 * pass over the export, so a lazy source is read again from its first row, a batch at a time.
 */
export function csvOf(m: NamedMetric, rows: () => Iterable<CompareRow>): CsvData {
  return {
    fileName: `compare-${m.group.columns[m.column]!.key}.csv`,
    columns: [
      '地区',
      '省份',
      '级别',
      '机构',
      '年度',
      ...m.group.columns.flatMap((c) => [c.label, `${c.label}单位`, `${c.label}备注`]),
    ],
    rows: { [Symbol.iterator]: () => csvRows(rows()) },
  };
}

function* csvRows(rows: Iterable<CompareRow>): Generator<CsvRow> {
  for (const r of rows)
    yield [
      r.report.regionName,
      r.report.province,
      r.tier,
      r.report.body,
      r.report.year,
      ...r.cells.flatMap((c) => {
        if (!c) return [null, null, null];
        const notes = [periodLabel(c.period), c.derived ? '推算' : null, c.doubts.length ? `存疑:${c.doubts.join('、')}` : null];
        return [c.fact.value, c.fact.unit, notes.filter(Boolean).join(';') || null];
      }),
    ];
}
