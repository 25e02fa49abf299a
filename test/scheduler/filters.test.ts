import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DigestDb } from '../../src/db/open.js';
import { runSlot } from '../../src/scheduler/run-slot.js';
import { buildWeeklyDigest } from '../../src/scheduler/weekly-digest.js';
import { createDigestReads } from '../../src/service/digest-reads.js';
import { ReportStore } from '../../src/db/report-store.js';
import {
  FakeClock,
  recordingPublisher,
  replyText,
  reportId,
  rows,
  seededDb,
  setIngestedAt,
  slotDeps,
  subscribe,
  type Push,
} from './harness.js';

const W48 = '2026-W48';
let db: DigestDb;
let cleanup: () => void;
let pushes: Push[];

const idsOf = (sql: string, ...args: unknown[]) =>
  (db.$client.prepare(sql).all(...args) as { id: number }[]).map((r) => r.id).sort((a, b) => a - b);
const delivered = (chat: string) => [...(rows(db, W48).get(chat)?.reportIds ?? [])].sort((a, b) => a - b);
const pushTo = (chat: string) => pushes.find((p) => p.chatId === chat)!;

beforeAll(async () => {
  ({ db, cleanup } = await seededDb());
  setIngestedAt(db, '2026-11-20T00:00:00.000Z');
  const created = new Date('2026-11-01T00:00:00Z');
  subscribe(db, 'console', 'all', '', created);
  subscribe(db, 'console', 'sichuan', '四川', created);
  subscribe(db, 'console', 'ziyang', '资阳市', created);
  subscribe(db, 'console', 'jingmen', '荆门市', created);
  subscribe(db, 'console', 'proposals', '提案', created);
  subscribe(db, 'console', 'inspections', '视察', created);
  subscribe(db, 'console', 'business', '营商环境', created);
  subscribe(db, 'console', 'nothing', '量子计算', created);
  const clock = new FakeClock('2026-11-23T01:00:00Z');
  const pub = recordingPublisher('console', clock);
  await clock.drive(runSlot(slotDeps(db, clock, [pub]), W48, clock.now()));
  pushes = pub.pushes;
});
afterAll(() => cleanup());

describe('subscription filters select the right reports', () => {
  it('stores the filters with the kinds the service gives them', () => {
    const kinds = db.$client
      .prepare('SELECT chat_id AS chat, filter_kind AS kind, filter_value AS value FROM subscriptions ORDER BY id')
      .all();
    expect(kinds).toEqual([
      { chat: 'all', kind: 'all', value: '' },
      { chat: 'sichuan', kind: 'province', value: '四川省' },
      { chat: 'ziyang', kind: 'region', value: '512000' },
      { chat: 'jingmen', kind: 'region', value: '420800' },
      { chat: 'proposals', kind: 'metric', value: '提案' },
      { chat: 'inspections', kind: 'metric', value: '视察' },
      { chat: 'business', kind: 'topic', value: '营商环境' },
      { chat: 'nothing', kind: 'topic', value: '量子计算' },
    ]);
  });

  it('all: every new report', () => {
    expect(delivered('all')).toEqual(idsOf('SELECT id FROM reports'));
  });

  it('province 四川省: 资阳 only', () => {
    expect(delivered('sichuan')).toEqual([reportId(db, '资阳市')]);
    expect(replyText(pushTo('sichuan').reply)).toContain('资阳市');
  });

  it('region by code: 512000 → 资阳; a city also takes its county-level places (荆门 → 钟祥)', () => {
    expect(delivered('ziyang')).toEqual([reportId(db, '资阳市')]);
    expect(delivered('jingmen')).toEqual([reportId(db, '钟祥市')]);
  });

  it('metric 提案: exactly the reports with a headline figure of the 提案 group', () => {
    const expected = idsOf(
      "SELECT DISTINCT report_id AS id FROM metrics WHERE headline = 1 AND key IN ('proposals.filed','proposals.received','proposals.answered','proposals.answer_rate')",
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(delivered('proposals')).toEqual(expected);
    const text = replyText(pushTo('proposals').reply);
    expect(text).toContain('与其他报告相比');
    expect(text).toMatch(/排第 \d 位/);
    expect(text).toContain('中位数');
  });

  it('metric 视察: only reports with an inspections headline (鹤岗)', () => {
    expect(delivered('inspections')).toEqual(
      idsOf("SELECT report_id AS id FROM metrics WHERE headline = 1 AND key = 'inspections.events'"),
    );
    expect(delivered('inspections')).toEqual([reportId(db, '鹤岗市')]);
  });

  it('topic 营商环境: reports whose text mentions it', () => {
    const expected = idsOf("SELECT DISTINCT report_id AS id FROM paragraphs WHERE text LIKE '%营商环境%'");
    expect(expected.length).toBeGreaterThan(1);
    expect(expected.length).toBeLessThan(5);
    expect(delivered('business')).toEqual(expected);
  });

  it('a topic no report mentions: nothing sent, a skipped row', () => {
    expect(rows(db, W48).get('nothing')?.status).toBe('skipped');
    expect(pushes.some((p) => p.chatId === 'nothing')).toBe(false);
  });
});

describe('weekly digest content', () => {
  it('shows each report with title, region, year, summary sentences and headline figures', () => {
    const store = createDigestReads(new ReportStore(db));
    const r = store.reportById(reportId(db, '资阳市'))!;
    const reply = buildWeeklyDigest({
      store,
      subs: [{ filter: '四川省', filterKind: 'province', filterValue: '四川省' }],
      slot: W48,
      reports: [r],
      empty: 'skip',
    })!;
    expect(reply.kind).toBe('digest');
    expect(reply.title).toBe('每周报告摘要 · 2026-W48');
    const text = replyText(reply);
    expect(text).toContain(r.title!);
    expect(text).toContain('地区: 资阳市(四川)');
    expect(text).toContain('年度: 2022年');
    expect(text).toContain(r.summary[0]!);
    expect(text).toContain('196件');
    expect(reply.actions.map((a) => a.command)).toContain(`/report #${r.id}`);
  });

  it('says a figure’s period when it is not a year, as /report does', () => {
    const store = createDigestReads(new ReportStore(db));
    const r = store.reportById(reportId(db, '安宁市'))!;
    const reply = buildWeeklyDigest({
      store,
      subs: [{ filter: '', filterKind: 'all', filterValue: '' }],
      slot: W48,
      reports: [r],
      empty: 'skip',
    })!;
    expect(replyText(reply)).toMatch(/\d+件\(届内累计\)/);
  });

  it('no new reports: null with DIGEST_EMPTY=skip', () => {
    const store = createDigestReads(new ReportStore(db));
    expect(
      buildWeeklyDigest({
        store,
        subs: [{ filter: '', filterKind: 'all', filterValue: '' }],
        slot: W48,
        reports: [],
        empty: 'skip',
      }),
    ).toBeNull();
  });
});
