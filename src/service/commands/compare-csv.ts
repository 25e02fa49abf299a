import type { CsvData, CsvRow } from '../reply/reply-model.js';
import type { NamedMetric } from './compare-build.js';
import type { CompareView } from './compare-view.js';

/** Rows read per batch for an export: a few queries per 1,000 rows, a batch's rows the only ones held. */
const EXPORT_BATCH = 1000;

/** Every CSV row of a comparison in reading order, a batch at a time from SQL. */
export function* viewRows(view: CompareView): Generator<CsvRow> {
  for (const batch of view.csvRows(EXPORT_BATCH)) yield* batch;
}

/**
 * The whole comparison as CSV (an export: every row in reading order, not a page). `rows` is called for each
 * pass over the export, so a lazy source is read again from its first row, a batch at a time.
 */
export function csvOf(m: NamedMetric, rows: () => Iterable<CsvRow>): CsvData {
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
    rows: { [Symbol.iterator]: () => rows()[Symbol.iterator]() },
  };
}
