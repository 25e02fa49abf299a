import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { chartFileStem, saveChart, saveCsv, saveReplyFiles } from '../../src/charts/save-chart.js';
import type { Reply } from '../../src/service/reply/reply-model.js';

const reply = (extra: Partial<Reply> = {}): Reply => ({
  kind: 'compare',
  title: '提案比较',
  sections: [],
  actions: [],
  script: 'simplified',
  chart: {
    kind: 'bar',
    title: '提案比较(立案,件)',
    unit: '件',
    points: [{ label: '资阳市 2022', value: 196 }],
    source: '来源:各地政协工作报告',
  },
  ...extra,
});
const csv = { fileName: 'compare.csv', columns: ['地区', '立案'], rows: [['资阳市', 196]] };

let cwd = '';
afterEach(() => cwd && rmSync(cwd, { recursive: true, force: true }));
const tmp = () => (cwd = mkdtempSync(join(tmpdir(), 'charts-save-')));

describe('saveChart / saveCsv', () => {
  it('writes data/charts/<name>.png under cwd and returns the relative path', async () => {
    tmp();
    const path = (await saveChart(reply(), { cwd }))!;
    expect(path).toMatch(/^data\/charts\/compare-[0-9a-f]{8}\.png$/);
    const png = PNG.sync.read(readFileSync(join(cwd, path)));
    expect(png.width).toBe(1080);
  });

  it('puts the CSV next to the chart with the same name', async () => {
    tmp();
    const r = reply({ csv });
    const png = (await saveChart(r, { cwd }))!;
    const file = (await saveCsv(r, { cwd }))!;
    expect(file).toBe(png.replace(/\.png$/, '.csv'));
    expect(readFileSync(join(cwd, file)).subarray(3).toString('utf8')).toBe('地区,立案\r\n资阳市,196\r\n');
  });

  it('prints one line per file', async () => {
    tmp();
    const lines = await saveReplyFiles(reply({ csv }), { cwd });
    expect(lines).toEqual([
      `图表: data/charts/${chartFileStem(reply({ csv }))}.png`,
      `CSV: data/charts/${chartFileStem(reply({ csv }))}.csv`,
    ]);
    expect(await saveReplyFiles(reply({ chart: undefined }), { cwd })).toEqual([]);
  });

  it('returns null for replies without a chart and names different charts differently', async () => {
    expect(await saveChart(reply({ chart: undefined }))).toBeNull();
    expect(await saveCsv(reply())).toBeNull();
    const other = reply({ chart: { ...reply().chart!, points: [{ label: '安宁市 2020', value: 153 }] } });
    expect(chartFileStem(other)).not.toBe(chartFileStem(reply()));
  });

  it('reports a failure instead of throwing', async () => {
    tmp();
    writeFileSync(join(cwd, 'data'), 'a file where the folder should be');
    const errors: unknown[] = [];
    expect(await saveChart(reply(), { cwd, onError: (e) => errors.push(e) })).toBeNull();
    expect(errors).toHaveLength(1);
  });

  it('accepts an absolute folder (the config gives one)', async () => {
    tmp();
    const path = (await saveChart(reply(), { cwd, dir: join(cwd, 'out', 'charts') }))!;
    expect(path).toMatch(/^out\/charts\/compare-[0-9a-f]{8}\.png$/);
  });
});
