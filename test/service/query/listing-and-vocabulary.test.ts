import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../../src/ingest/ingest-batch.js';
import { ReportStore } from '../../../src/db/report-store.js';
import { SEEDS_DIR, tempDb } from '../../helpers/temp-db.js';

let t: ReturnType<typeof tempDb>;
let store: ReportStore;
const work = mkdtempSync(join(tmpdir(), 'listing-'));
beforeAll(async () => {
  t = tempDb();
  await ingestPaths(t.db, [SEEDS_DIR]);
  store = new ReportStore(t.db);
});
afterAll(() => {
  t.cleanup();
  rmSync(work, { recursive: true, force: true });
});

/** headline_labels as a scan of every headline fact would give it. */
function labelsByScan() {
  return t.db.$client
    .prepare(
      `SELECT key, label, count(DISTINCT report_id) AS reports, min(id) AS firstId FROM metrics WHERE headline = 1
       GROUP BY key, label ORDER BY key, label`,
    )
    .all();
}
const labelsKept = () =>
  t.db.$client.prepare('SELECT key, label, reports, first_id AS firstId FROM headline_labels ORDER BY key, label').all();

describe('headline_labels (counted by the writer, a trigger on delete) and metricVocabulary', () => {
  it('equals a scan of the headline facts after ingest, and after a report is replaced and one removed', async () => {
    expect(labelsKept().length).toBeGreaterThan(5);
    expect(labelsKept()).toEqual(labelsByScan());
    // The vocabulary as a full scan of the headline facts lists it: by key, then first stored.
    const scanned = t.db.$client
      .prepare(`SELECT key, label FROM metrics WHERE headline = 1 AND key <> 'other' GROUP BY key, label ORDER BY key, min(id)`)
      .all();
    expect(store.metricVocabulary()).toEqual(scanned);

    // A changed file replaces its report: the old report's facts cascade away, the new ones come in.
    const file = join(work, 'copy.txt');
    const seed = readFileSync(join(SEEDS_DIR, '004_580fe89a2b738e05.txt'), 'utf8');
    writeFileSync(file, `${seed}\n附:本文件为副本。\n`);
    await ingestPaths(t.db, [file]);
    const copies = t.db.$client.prepare('SELECT count(*) AS n FROM reports').pluck();
    const withCopy = copies.get();
    writeFileSync(file, '中国人民政治协商会议 某县委员会常务委员会工作报告\n全年共收到提案 12 件。\n');
    await ingestPaths(t.db, [file]);
    expect(copies.get()).toBe(withCopy); // the copy's report was dropped, the new text's stored
    expect(labelsKept()).toEqual(labelsByScan());
    t.db.$client.prepare('DELETE FROM reports WHERE id = (SELECT min(id) FROM reports)').run();
    expect(labelsKept()).toEqual(labelsByScan());
  });
});

describe('listingGroups and reportsOfGroup', () => {
  it('give /list the same groups, counts and order as grouping every report', () => {
    const all = store.allReports();
    const byKey = new Map<string, number[]>();
    for (const r of all) {
      const key = r.province ?? (r.regionName === '全国' ? '全国' : '地区不详');
      byKey.set(key, [...(byKey.get(key) ?? []), r.id]);
    }
    const groups = store.listingGroups();
    expect(groups.map((g) => g.province ?? (g.national ? '全国' : '地区不详'))).toEqual([...byKey.keys()]);
    for (const g of groups) {
      const ids = byKey.get(g.province ?? (g.national ? '全国' : '地区不详'))!;
      expect(g.reports).toBe(ids.length);
      expect(store.reportsOfGroup(g, 100, 0).map((r) => r.id)).toEqual(ids);
      expect(store.reportsOfGroup(g, 1, 1).map((r) => r.id)).toEqual(ids.slice(1, 2));
    }
  });

  it('counts reports without a province apart: national ones and unknown ones', () => {
    const id = (store.allReports()[0] as { id: number }).id;
    t.db.$client.prepare(`UPDATE reports SET province = NULL, region_name = '全国' WHERE id = ?`).run(id);
    t.db.$client.prepare(`UPDATE corpus_meta SET value = value + 1 WHERE key = 'corpus_version'`).run();
    const national = store.listingGroups().find((g) => g.national)!;
    expect(national).toMatchObject({ province: null, reports: 1 });
    expect(store.reportsOfGroup(national, 5, 0).map((r) => r.id)).toEqual([id]);
  });
});
