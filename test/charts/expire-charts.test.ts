import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expireCharts } from '../../src/charts/expire-charts.js';
import { saveChart } from '../../src/charts/save-chart.js';
import type { Reply } from '../../src/service/reply/reply-model.js';

let dir = '';
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

const DAY = 24 * 3600 * 1000;
const write = (name: string, ageDays: number, now: number) => {
  const path = join(dir, name);
  writeFileSync(path, 'x');
  const t = (now - ageDays * DAY) / 1000;
  utimesSync(path, t, t);
};

describe('chart files in data/charts expire', () => {
  it('deletes PNG/CSV older than the age limit and the oldest beyond the count limit, nothing else', () => {
    dir = mkdtempSync(join(tmpdir(), 'charts-expire-'));
    const now = Date.now();
    write('old.png', 10, now);
    write('old.csv', 8, now);
    write('keep-notes.txt', 30, now);
    for (let i = 0; i < 6; i++) write(`new-${i}.png`, i * 0.1, now);
    const removed = expireCharts(dir, { maxAgeMs: 7 * DAY, maxFiles: 4, now });
    expect(removed).toBe(4);
    expect(readdirSync(dir).sort()).toEqual(['keep-notes.txt', 'new-0.png', 'new-1.png', 'new-2.png', 'new-3.png']);
  });

  it('saving a chart expires stale ones in the same folder', async () => {
    dir = mkdtempSync(join(tmpdir(), 'charts-expire-'));
    write('stale.png', 30, Date.now());
    const reply: Reply = {
      kind: 'trend',
      title: '趋势',
      sections: [],
      actions: [],
      script: 'simplified',
      chart: { kind: 'line', title: 't', unit: '件', points: [{ label: '2022', value: 1 }], source: 's' },
    };
    expect(await saveChart(reply, { dir, render: () => Buffer.from('png') })).not.toBeNull();
    expect(existsSync(join(dir, 'stale.png'))).toBe(false);
    expect(readdirSync(dir)).toHaveLength(1);
  });
});
