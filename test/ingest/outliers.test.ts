import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ingest/ingest-batch.js';
import { flagOutliers } from '../../src/ingest/outliers.js';
import { countyReport } from '../helpers/county-report.js';
import { tempDb } from '../helpers/temp-db.js';

/** A small county 政协 report stating how many proposals it received in `year`. */
const report = (county: string, year: number, received: number): string =>
  countyReport(county, year, [`(一)提案工作提质增效。全年共收到提案${received}件,全部交办。`]);

let t: ReturnType<typeof tempDb>;
let dir: string;
beforeEach(() => {
  t = tempDb();
  dir = mkdtempSync(join(tmpdir(), 'outliers-'));
});
afterEach(() => {
  t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
/** The stored proposals.received rows by county. */
const received = () =>
  new Map(
    (
      t.db.$client
        .prepare(
          `SELECT r.region_name AS region, r.year, m.value, m.headline, m.confidence, m.flags FROM metrics m
           JOIN reports r ON r.id = m.report_id WHERE m.key = 'proposals.received'`,
        )
        .all() as { region: string; year: number; value: number; headline: number; confidence: string; flags: string }[]
    ).map((r) => [`${r.region} ${r.year}`, { ...r, flags: JSON.parse(r.flags) as string[] }]),
  );

/** The headline-facts read model's proposals.received rows by county (it must follow the headline flags). */
const readModel = () =>
  new Map(
    (
      t.db.$client
        .prepare(`SELECT region_name AS region, year, value FROM headline_facts WHERE key = 'proposals.received'`)
        .all() as { region: string; year: number; value: number }[]
    ).map((r) => [`${r.region} ${r.year}`, r.value]),
  );

describe('the 10× check after ingest', () => {
  it('takes a figure 10× above every peer out of the headline, keeps it and says why', async () => {
    const files = [
      write('a.txt', report('仁寿县', 2022, 190)),
      write('b.txt', report('洪雅县', 2022, 160)),
      write('c.txt', report('丹棱县', 2022, 120)),
      write('d.txt', report('青神县', 2022, 12000)),
    ];
    const summary = await ingestPaths(t.db, files);
    expect(summary.outliers).toEqual({ flagged: 1, cleared: 0 });
    const rows = received();
    expect(rows.get('青神县 2022')).toMatchObject({ value: 12000, headline: 0, confidence: 'low' });
    expect(rows.get('青神县 2022')?.flags[0]).toMatch(/^与同级地区相差10倍以上/);
    for (const k of ['仁寿县 2022', '洪雅县 2022', '丹棱县 2022']) expect(rows.get(k)).toMatchObject({ headline: 1, flags: [] });
    // Comparisons no longer see the demoted figure.
    expect(readModel()).toEqual(
      new Map([
        ['仁寿县 2022', 190],
        ['洪雅县 2022', 160],
        ['丹棱县 2022', 120],
      ]),
    );
    // Re-running on the same corpus changes nothing.
    expect(flagOutliers(t.db)).toEqual({ flagged: 0, cleared: 0 });
  });

  it('flags a year 10× off the same region’s other years', async () => {
    const files = [
      write('y1.txt', report('洪雅县', 2020, 150)),
      write('y2.txt', report('洪雅县', 2021, 170)),
      write('y3.txt', report('洪雅县', 2022, 1700)),
    ];
    await ingestPaths(t.db, files);
    const rows = received();
    expect(rows.get('洪雅县 2022')?.headline).toBe(0);
    expect(rows.get('洪雅县 2022')?.flags[0]).toMatch(/^与本地区其他年份相差10倍以上/);
    // With one other year only, neither of two years can be called off.
    expect(rows.get('洪雅县 2020')?.headline).toBe(1);
  });

  it('undoes its mark when reports added later make the figure ordinary', async () => {
    await ingestPaths(t.db, [
      write('a.txt', report('仁寿县', 2022, 190)),
      write('b.txt', report('洪雅县', 2022, 160)),
      write('c.txt', report('丹棱县', 2022, 120)),
      write('d.txt', report('青神县', 2022, 12000)),
    ]);
    expect(received().get('青神县 2022')?.headline).toBe(0);
    const later = await ingestPaths(t.db, [
      write('e.txt', report('夹江县', 2022, 9000)),
      write('f.txt', report('井研县', 2022, 9500)),
    ]);
    expect(later.outliers?.cleared).toBe(1);
    expect(received().get('青神县 2022')).toMatchObject({ headline: 1, confidence: 'high', flags: [] });
    expect(readModel().get('青神县 2022')).toBe(12000);
  });

  it('a database failure in the check keeps the stored reports and says so', async () => {
    await ingestPaths(t.db, [write('a.txt', report('仁寿县', 2022, 190))]);
    // Any write to the metrics table now fails, as a full or broken database would.
    t.db.$client.exec(`CREATE TRIGGER no_updates BEFORE UPDATE ON metrics BEGIN SELECT RAISE(ABORT, 'disk I/O'); END`);
    const summary = await ingestPaths(t.db, [
      write('b.txt', report('洪雅县', 2022, 160)),
      write('c.txt', report('丹棱县', 2022, 120)),
      write('d.txt', report('青神县', 2022, 12000)),
    ]);
    expect(summary.ingested).toBe(3);
    expect(summary.outliers).toBeNull();
    expect(summary.outlierError).toBeTruthy();
    expect(received().size).toBe(4);
  });
});
