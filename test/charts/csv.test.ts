import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/bench/prng.js';
import { csvField, toCsv } from '../../src/charts/csv.js';
import type { CsvData } from '../../src/service/reply/reply-model.js';

describe('toCsv', () => {
  const csv = toCsv({
    fileName: 'compare.csv',
    columns: ['地区', '省份', '年度', '立案', '备注'],
    rows: [
      ['资阳市', '四川省', 2022, 196, '含"重点"提案, 共两类'],
      ['鹤岗市', '黑龙江省', 2023, null, '第一行\n第二行'],
      ['安宁市', '云南省', 2020, 153.5, null],
    ],
  });

  it('starts with the UTF-8 BOM', () => {
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('keeps Chinese intact and uses CRLF rows', () => {
    const text = csv.subarray(3).toString('utf8');
    expect(text.startsWith('地区,省份,年度,立案,备注\r\n')).toBe(true);
    expect(text).toContain('资阳市,四川省,2022,196,');
    expect(text.endsWith('安宁市,云南省,2020,153.5,\r\n')).toBe(true);
  });

  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    const text = csv.subarray(3).toString('utf8');
    expect(text).toContain('"含""重点""提案, 共两类"');
    expect(text).toContain('鹤岗市,黑龙江省,2023,,"第一行\n第二行"');
  });

  it('writes null as an empty field, never 0', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(0)).toBe('0');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('keeps formula-like text from being executed by spreadsheets', () => {
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField(-5)).toBe('-5');
  });
});

describe('toCsv on a large table', () => {
  const rng = createRng(5);
  const texts = ['资阳市', '黑龙江省', '含"重点"提案, 共两类', '第一行\n第二行', '=SUM(A1)', '-3', 'a\r\nb', '𠀀字', ''];
  const table = (rows: number, width: number): CsvData => ({
    fileName: 't.csv',
    columns: Array.from({ length: width }, (_, i) => `列${i}`),
    rows: Array.from({ length: rows }, () =>
      Array.from({ length: width }, () => {
        const kind = rng.int(0, 3);
        return kind === 0 ? null : kind === 1 ? rng.int(-500, 500) / 4 : rng.pick(texts);
      }),
    ),
  });
  /** The encoding as one string of every line, the way the bytes must read whatever toCsv buffers. */
  const reference = (csv: CsvData) =>
    Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`${[csv.columns, ...csv.rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`, 'utf8'),
    ]);

  it('writes the same bytes as one string of all lines, across chunks and a growing buffer', () => {
    // 12,345 rows: a dozen 1,000-row chunks and a partial one; ~1.3 MB, past the first buffer's size many times.
    const csv = table(12_345, 14);
    const bytes = toCsv(csv);
    expect(bytes.length).toBeGreaterThan(1_000_000);
    expect(bytes.equals(reference(csv))).toBe(true);
  });

  it('returns bytes no later export overwrites', () => {
    const big = table(3_000, 9);
    const small = table(10, 3);
    const first = toCsv(big);
    const copy = Buffer.from(first);
    const second = toCsv(small);
    expect(first.equals(copy)).toBe(true);
    expect(second.equals(reference(small))).toBe(true);
    expect(toCsv(big).equals(copy)).toBe(true);
  });
});
