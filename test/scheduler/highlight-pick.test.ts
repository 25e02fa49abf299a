import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillCorpus } from '../../src/db/fill-corpus.js';
import type { DigestDb } from '../../src/db/open.js';
import { buildWeeklyDigest, type DigestSub } from '../../src/scheduler/weekly-digest.js';
import { createDigestReads } from '../../src/service/digest-reads.js';
import type { DigestReads } from '../../src/service/ports.js';
import { seededDb } from './harness.js';

interface Row {
  id: number;
  province: string | null;
  regionCode: string | null;
}

let db: DigestDb;
let cleanup: () => void;
let reads: DigestReads;
/** Every report in listing order (province, region name, year, id), read straight from the table. */
let all: Row[];
/** Per report id: its headline keys, and its paragraphs' text. */
let keysOf: Map<number, Set<string>>;
let textOf: Map<number, string[]>;

beforeAll(async () => {
  ({ db, cleanup } = await seededDb());
  // Copies of the seeds under regions of every tier and other years: a corpus of 600 reports.
  fillCorpus(db, 600);
  reads = createDigestReads(db);
  const c = db.$client;
  all = c
    .prepare('SELECT id, province, region_code AS regionCode FROM reports ORDER BY province, region_name, year, id')
    .all() as Row[];
  keysOf = new Map();
  for (const r of c.prepare('SELECT report_id AS id, key FROM headline_facts').all() as { id: number; key: string }[]) {
    let keys = keysOf.get(r.id);
    if (!keys) keysOf.set(r.id, (keys = new Set()));
    keys.add(r.key);
  }
  textOf = new Map();
  for (const p of c.prepare('SELECT report_id AS id, text FROM paragraphs').all() as { id: number; text: string }[]) {
    let texts = textOf.get(p.id);
    if (!texts) textOf.set(p.id, (texts = []));
    texts.push(p.text);
  }
}, 120_000);
afterAll(() => cleanup());

/** FNV-1a, written again here: the rotation the highlight promises (week to week, stable between runs). */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Whether a report matches one filter condition, by brute force over its stored rows. */
function matches(r: Row, kind: string, value: string): boolean {
  switch (kind) {
    case 'all':
      return true;
    case 'province':
      return r.province === value;
    case 'region': {
      const below = /^\d{2}0000$/.test(value) ? value.slice(0, 2) : /^\d{4}00$/.test(value) ? value.slice(0, 4) : null;
      return r.regionCode !== null && (r.regionCode === value || (below !== null && r.regionCode.startsWith(below)));
    }
    case 'metric': {
      const keys = reads.metricKeys(value);
      if (keys) return keys.some((k) => keysOf.get(r.id)?.has(k) ?? false);
      return matches(r, 'topic', value);
    }
    default: {
      const words = value.split(/\s+/).filter(Boolean);
      return (textOf.get(r.id) ?? []).some((t) => words.every((w) => t.includes(w)));
    }
  }
}

/** The old highlight: matching reports of any filter (in listing order) first, else every report; one by slot. */
function expectedPick(subs: DigestSub[], slot: string): number {
  const matching = all.filter((r) =>
    subs.some(
      (s) =>
        s.filterKind === 'all' ||
        (matches(r, s.filterKind, s.filterValue) && (!s.subjectKind || matches(r, s.subjectKind, s.subjectValue ?? ''))),
    ),
  );
  const pool = matching.length ? matching : all;
  return pool[fnv1a(slot) % pool.length]!.id;
}

const sub = (filterKind: DigestSub['filterKind'], filterValue: string, subject?: ['metric' | 'topic', string]): DigestSub => ({
  filter: filterValue,
  filterKind,
  filterValue,
  ...(subject ? { subjectKind: subject[0], subjectValue: subject[1] } : {}),
});

describe('the empty-week highlight is chosen in SQL as it was from every report', () => {
  it('picks the same report as the whole-corpus pick for every filter kind, union and fallback', () => {
    const provinces = [...new Set(all.flatMap((r) => (r.province ? [r.province] : [])))];
    const codes = all.flatMap((r) => (r.regionCode ? [r.regionCode] : []));
    const city = codes.find(
      (c) => /00$/.test(c) && !c.endsWith('0000') && codes.some((x) => x !== c && x.startsWith(c.slice(0, 4))),
    );
    const county = codes.find((c) => !c.endsWith('00'))!;
    const province = provinces[3]!;
    expect(city, 'a city with a county-level report below it').toBeDefined();
    const sets: DigestSub[][] = [
      [sub('all', '')],
      [sub('province', province)],
      [sub('region', `${county.slice(0, 2)}0000`)],
      [sub('region', city!)],
      [sub('region', county)],
      [sub('metric', '提案')],
      [sub('metric', '视察')],
      [sub('topic', '营商环境')],
      [sub('topic', '委员 履职')],
      [sub('province', province, ['metric', '提案'])],
      [sub('region', city!, ['topic', '乡村振兴'])],
      [sub('province', provinces[1]!), sub('topic', '营商环境'), sub('region', county)],
      [sub('metric', '量子计算')],
      // Nothing matches: the whole corpus instead.
      [sub('topic', '量子计算')],
      [sub('province', '不存在省')],
    ];
    let compared = 0;
    for (const subs of sets) {
      for (const slot of ['2026-W01', '2026-W17', '2026-W48', '2027-W03']) {
        const reply = buildWeeklyDigest({ store: reads, subs, slot, reports: [], empty: 'highlight' });
        const what = `${JSON.stringify(subs)} ${slot}`;
        expect(reply?.actions[0]?.command, what).toBe(`/report #${expectedPick(subs, slot)}`);
        compared++;
      }
    }
    expect(compared).toBe(sets.length * 4);
  });

  it('counts what the filters select (the pool the slot rotates through)', () => {
    const topic = all.filter((r) => matches(r, 'topic', '营商环境')).length;
    expect(topic).toBeGreaterThan(0);
    expect(topic).toBeLessThan(all.length);
    expect(reads.countMatching([{ kind: 'topic', value: '营商环境' }])).toBe(topic);
    expect(reads.countMatching(null)).toBe(all.length);
    expect(reads.countMatching([{ kind: 'topic', value: '量子计算' }])).toBe(0);
    expect(reads.matchingAt(null, all.length)).toBeUndefined();
  });
});
