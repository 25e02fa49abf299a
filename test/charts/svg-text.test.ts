import { describe, expect, it } from 'vitest';
import { escapeXml, textWidth, truncate, truncateLabel, valueLabel, wrap } from '../../src/charts/svg-text.js';

describe('svg text helpers', () => {
  it('estimates CJK as full width and digits as about half', () => {
    expect(textWidth('资阳市', 20)).toBe(60);
    expect(textWidth('2022', 20)).toBeLessThan(50);
  });

  it('truncates with an ellipsis within the width', () => {
    const t = truncate('黔东南苗族侗族自治州', 20, 100);
    expect(t.endsWith('…')).toBe(true);
    expect(textWidth(t, 20)).toBeLessThanOrEqual(100);
    expect(truncate('资阳市', 20, 100)).toBe('资阳市');
  });

  it('keeps the year when a label must be shortened', () => {
    expect(truncateLabel('黔东南苗族侗族自治州凯里市 2021', 20, 160)).toMatch(/^黔东南.*… 2021$/);
  });

  it('wraps a long title into at most the given lines', () => {
    const lines = wrap('一二三四五六七八九十'.repeat(3), 10, 100, 2);
    expect(lines).toEqual(['一二三四五六七八九十', '一二三四五六七八九…']);
    expect(wrap('短标题', 10, 100, 2)).toEqual(['短标题']);
  });

  it('escapes XML and formats values with short units', () => {
    expect(escapeXml(`<a & "b">'`)).toBe('&lt;a &amp; &quot;b&quot;&gt;&apos;');
    expect(valueLabel(196, '件')).toBe('196件');
    expect(valueLabel(12.345, '%')).toBe('12.35%');
    expect(valueLabel(5, '人民币万元')).toBe('5');
  });
});
