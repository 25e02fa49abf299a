import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/bench/prng.js';
import { toCsv } from '../../src/charts/csv.js';
import { ReportStore } from '../../src/db/report-store.js';
import { parseCompareArgs } from '../../src/service/commands/compare-args.js';
import { compareCommand } from '../../src/service/commands/compare-command.js';
import { build } from '../../src/service/commands/compare-build.js';
import { csvOf } from '../../src/service/commands/compare-csv.js';
import { metricGroupFor } from '../../src/service/query/metric-words.js';
import type { CsvData } from '../../src/service/reply/reply-model.js';
import { bruteForce, csvRowOfRow, generate } from '../helpers/headline-corpus.js';
import { tempDb } from '../helpers/temp-db.js';

let t: ReturnType<typeof tempDb>;
let store: ReportStore;

beforeAll(() => {
  t = tempDb();
  generate(t.db, createRng(23), 1500);
  store = new ReportStore(t.db);
});
afterAll(() => t.cleanup());

describe('/compare … csv reads every row from SQL, batch by batch', () => {
  it('exports the rows of the whole-table comparison, in its order, for every column and scope', () => {
    const group = metricGroupFor('提案', store)!;
    let rows = 0;
    let doubtful = 0;
    let derived = 0;
    for (const args of ['', '2021', '2020-2022', '地级', '县级', '含存疑', '人大', '四川', '含存疑 省级', '全国'])
      for (let column = 0; column < group.columns.length; column++) {
        const words = column ? ['提案', group.columns[column]!.label] : ['提案'];
        const line = [...words, ...args.split(' ').filter(Boolean), 'csv'];
        const csv = compareCommand(store, line).csv!;
        const q = parseCompareArgs(line);
        const m = { group, column, word: '提案' };
        const cmp = bruteForce(store, q, m);
        // The whole-table comparison's row objects written as the export wrote them: the bytes must not change.
        const expected = csvOf(m, () => [...cmp.groups.flatMap((g) => g.rows), ...cmp.nonAnnual].map(csvRowOfRow));
        expect(csv.columns, line.join(' ')).toEqual(expected.columns);
        const rowsOf = (c: CsvData) => [...c.rows];
        expect(rowsOf(csv), line.join(' ')).toEqual(rowsOf(expected));
        // A second pass over a lazy export reads it again from the first row (a retried send is whole).
        expect(rowsOf(csv), `${line.join(' ')} read twice`).toEqual(rowsOf(expected));
        expect(toCsv(csv).equals(toCsv(expected)), line.join(' ')).toBe(true);
        // Small batches: pages cut runs of equal values everywhere (the export reads 1,000 a batch).
        const small = [...build(store, q, m).view.csvRows(7)].flat();
        expect(rowsOf(csvOf(m, () => small)), `${line.join(' ')} in batches of 7`).toEqual(rowsOf(expected));
        rows += rowsOf(csv).length;
        doubtful += rowsOf(csv).filter((r) => r.some((cell) => typeof cell === 'string' && cell.includes('存疑'))).length;
        derived += rowsOf(csv).filter((r) => r.some((cell) => typeof cell === 'string' && cell.includes('推算'))).length;
      }
    // Not trivially empty: whole exports of thousands of rows, doubtful and derived figures marked among them.
    expect(rows).toBeGreaterThan(10_000);
    expect(doubtful).toBeGreaterThan(500);
    expect(derived).toBeGreaterThan(500);
  });
});
