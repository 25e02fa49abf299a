import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../src/charts/csv.js';

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
