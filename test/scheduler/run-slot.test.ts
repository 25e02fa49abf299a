import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ingest/ingest-batch.js';
import { DeliveryLedger } from '../../src/db/delivery-ledger.js';
import { CrashSimulation } from '../../src/scheduler/dispatcher.js';
import { runSlot } from '../../src/scheduler/run-slot.js';
import { slotOf } from '../../src/scheduler/slot.js';
import { SubscriptionStore } from '../../src/db/subscription-store.js';
import { SEEDS_DIR, tempDb } from '../helpers/temp-db.js';
import {
  blocked,
  FakeClock,
  recordingPublisher,
  replyText,
  reportId,
  rows,
  seededDb,
  setIngestedAt,
  slotDeps,
  subscribe,
} from './harness.js';

const CREATED = new Date('2026-11-01T00:00:00Z');
const W48 = '2026-W48';
const MONDAY_W48 = '2026-11-23T01:00:00Z'; // 09:00 Asia/Shanghai
const MONDAY_W49 = '2026-11-30T01:00:00Z';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function setup(chats: string[], filter = '') {
  const { db, cleanup } = await seededDb();
  cleanups.push(cleanup);
  setIngestedAt(db, '2026-11-20T00:00:00.000Z');
  for (const chat of chats) subscribe(db, 'console', chat, filter, CREATED);
  return db;
}

describe('runSlot: once per (chat, slot)', () => {
  it('delivers one digest per subscription; running the slot again sends nothing new', async () => {
    const db = await setup(['a', 'b', 'c']);
    const clock = new FakeClock(MONDAY_W48);
    const pub = recordingPublisher('console', clock);
    const first = await clock.drive(runSlot(slotDeps(db, clock, [pub]), W48, clock.now()));
    expect(first).toMatchObject({ slot: W48, sent: 3, failed: 0, skipped: 0, completed: true });
    expect(pub.pushes.map((p) => p.chatId).sort()).toEqual(['a', 'b', 'c']);
    expect(replyText(pub.pushes[0]!.reply)).toContain('本周新增 5 份报告');
    expect([...rows(db, W48).values()].every((r) => r.status === 'sent' && r.reportIds.length === 5 && r.attempts === 1)).toBe(
      true,
    );

    clock.set('2026-11-23T05:00:00Z');
    const again = await clock.drive(runSlot(slotDeps(db, clock, [pub]), W48, clock.now()));
    expect(again).toMatchObject({ sent: 0, skipped: 3, alreadyDone: 3 });
    expect(pub.pushes).toHaveLength(3);
  });

  it('a crash after half the deliveries and a restart delivers the other half and none twice', async () => {
    const chats = Array.from({ length: 10 }, (_, i) => `chat${i}`);
    const db = await setup(chats);
    const clock = new FakeClock(MONDAY_W48);
    const pub = recordingPublisher('console', clock);
    let published = 0;
    const crash = () => {
      // The process dies right after the 5th digest's part was accepted and recorded, before the row is closed.
      if (++published === 5) throw new Error('simulated crash');
    };
    await expect(
      clock.drive(runSlot(slotDeps(db, clock, [pub], { afterPublish: crash, concurrency: 1 }), W48, clock.now())),
    ).rejects.toThrow('simulated crash');
    expect(pub.pushes).toHaveLength(5);
    const afterCrash = [...rows(db, W48).values()].map((r) => r.status);
    expect(afterCrash.filter((s) => s === 'sent')).toHaveLength(4);
    expect(afterCrash.filter((s) => s === 'sending')).toHaveLength(1);
    expect(new DeliveryLedger(db).countsForSlot(W48)).toMatchObject({ sent: 4, sending: 1 });

    // Restart 20 minutes later with a fresh process (new publisher object, same DB).
    clock.set('2026-11-23T01:20:00Z');
    const restarted = recordingPublisher('console', clock);
    const summary = await clock.drive(runSlot(slotDeps(db, clock, [restarted]), W48, clock.now()));
    expect(restarted.pushes).toHaveLength(5);
    // The 5th row is resumed: its only part is recorded as accepted, so it is closed as sent without a send.
    expect(summary).toMatchObject({ sent: 6, failed: 0, resumed: 1, completed: true });
    const all = [...pub.pushes, ...restarted.pushes].map((p) => p.chatId);
    expect(new Set(all).size).toBe(10);
    expect(all).toHaveLength(10);
    expect([...rows(db, W48).values()].every((r) => r.status === 'sent')).toBe(true);
  });

  it('a crash with several sends in flight still sends nothing twice', async () => {
    const chats = Array.from({ length: 30 }, (_, i) => `chat${i}`);
    const db = await setup(chats);
    const clock = new FakeClock(MONDAY_W48);
    const pub = recordingPublisher('console', clock);
    let n = 0;
    const crash = () => {
      if (++n === 12) throw new Error('crash');
    };
    await expect(
      clock.drive(runSlot(slotDeps(db, clock, [pub], { concurrency: 8, afterPublish: crash }), W48, clock.now())),
    ).rejects.toThrow('crash');
    expect(pub.pushes.length).toBeGreaterThanOrEqual(12);
    expect(pub.pushes.length).toBeLessThan(30);
    clock.set('2026-11-23T02:00:00Z');
    const again = recordingPublisher('console', clock);
    await clock.drive(runSlot(slotDeps(db, clock, [again]), W48, clock.now()));
    const all = [...pub.pushes, ...again.pushes].map((p) => p.chatId);
    expect(all.length).toBe(new Set(all).size);
    expect(new Set(all).size).toBe(30);
  });

  it('a kill while chats wait for their pacing turn leaves them unclaimed; the restart sends each once (issue 14 #3)', async () => {
    const chats = Array.from({ length: 6 }, (_, i) => `wait${i}`);
    const db = await setup(chats);
    const fake = new FakeClock(MONDAY_W48);
    let dead = false;
    // After the "kill" no parked task wakes up to do anything: a sleep that ends after death throws.
    const clock = {
      now: () => fake.now(),
      sleep: async (ms: number) => {
        await fake.sleep(ms);
        if (dead) throw new CrashSimulation('killed');
      },
    };
    const pub = recordingPublisher('console', clock);
    const kill = () => {
      dead = true;
      throw new CrashSimulation('killed');
    };
    // One send per second overall: when the first chat's digest is accepted, the other five are waiting.
    const deps = slotDeps(db, clock, [pub], { limits: { console: { perSecond: 1, perChatGapMs: 0 } }, afterPublish: kill });
    await expect(fake.drive(runSlot(deps, W48, clock.now()))).rejects.toThrow('killed');
    expect(pub.pushes).toHaveLength(1);
    const atKill = rows(db, W48);
    // Only the chat whose send started has a row; no row was claimed and left without an attempt.
    expect([...atKill.keys()]).toEqual([pub.pushes[0]!.chatId]);
    expect([...atKill.values()].every((r) => r.attempts >= 1)).toBe(true);

    fake.set('2026-11-23T01:20:00Z');
    const restarted = recordingPublisher('console', fake);
    await fake.drive(runSlot(slotDeps(db, fake, [restarted]), W48, fake.now()));
    const all = [...pub.pushes, ...restarted.pushes].map((p) => p.chatId);
    expect(all.sort()).toEqual([...chats].sort());
    expect([...rows(db, W48).values()].every((r) => r.status === 'sent')).toBe(true);
  });

  it('a permanent failure deactivates only that chat', async () => {
    const db = await setup(['ok1', 'gone', 'ok2']);
    const clock = new FakeClock(MONDAY_W48);
    const pub = recordingPublisher('console', clock, (chat) => (chat === 'gone' ? blocked() : null));
    const summary = await clock.drive(runSlot(slotDeps(db, clock, [pub]), W48, clock.now()));
    expect(summary).toMatchObject({ sent: 2, failed: 1, deactivated: 1 });
    const subs = new SubscriptionStore(db);
    expect(
      subs
        .active()
        .map((s) => s.chatId)
        .sort(),
    ).toEqual(['ok1', 'ok2']);
    const reason = db.$client.prepare("SELECT deactivated_reason AS r FROM subscriptions WHERE chat_id = 'gone'").get() as {
      r: string;
    };
    expect(reason.r).toContain('blocked');
    expect(rows(db, W48).get('gone')).toMatchObject({ status: 'failed', attempts: 1 });

    // Next week the deactivated chat is not tried again.
    clock.set(MONDAY_W49);
    setIngestedAt(db, '2026-11-25T00:00:00.000Z', [reportId(db, '资阳市')]);
    db.$client.prepare('DELETE FROM chat_deliveries').run(); // pretend nothing was delivered, so all three would get 资阳
    const calls = pub.calls;
    await clock.drive(runSlot(slotDeps(db, clock, [pub]), '2026-W49', clock.now()));
    expect(pub.calls - calls).toBe(2);
  });

  it('retries temporary failures with backoff and honours retry-after', async () => {
    const { TemporaryDeliveryError } = await import('../../src/errors.js');
    const db = await setup(['flaky']);
    const clock = new FakeClock(MONDAY_W48);
    const pub = recordingPublisher('console', clock, (_chat, call) =>
      call < 2 ? new TemporaryDeliveryError('502', call === 0 ? 30_000 : null) : null,
    );
    const started = clock.now().getTime();
    const summary = await clock.drive(runSlot(slotDeps(db, clock, [pub]), W48, clock.now()));
    expect(summary).toMatchObject({ sent: 1, retries: 2, failed: 0 });
    // 30 s retry-after, then a 2 s backoff.
    expect(pub.pushes[0]!.at - started).toBe(32_000);
    expect(rows(db, W48).get('flaky')).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('a 429 with retry_after pauses every send to the platform, also those already waiting for their turn (issue 14 #12)', async () => {
    const { TemporaryDeliveryError } = await import('../../src/errors.js');
    const db = await setup(['p0', 'p1', 'p2', 'p3', 'p4', 'p5']);
    const clock = new FakeClock(MONDAY_W48);
    let refusedAt: number | null = null;
    const pub = recordingPublisher('console', clock, (_chat, call) => {
      if (call !== 0) return null;
      refusedAt = clock.now().getTime();
      return new TemporaryDeliveryError('429 Too Many Requests: retry after 4', 4000);
    });
    const deps = slotDeps(db, clock, [pub], { limits: { console: { perSecond: 10, perChatGapMs: 0 } } });
    const summary = await clock.drive(runSlot(deps, W48, clock.now()));
    expect(summary).toMatchObject({ sent: 6, retries: 1, failed: 0 });
    expect(refusedAt).not.toBeNull();
    const early = pub.pushes.filter((p) => p.at < refusedAt! + 4000).map((p) => p.chatId);
    expect(early).toEqual([]);
  });

  it('skips a platform without a publisher, with no ledger row, and leaves the slot incomplete for the server', async () => {
    const db = await setup(['c1']);
    subscribe(db, 'telegram', '4242', '', CREATED);
    const clock = new FakeClock(MONDAY_W48);
    const pub = recordingPublisher('console', clock);
    const summary = await clock.drive(runSlot(slotDeps(db, clock, [pub]), W48, clock.now()));
    expect(summary).toMatchObject({ sent: 1, skipped: 1, noPublisher: 1, completed: false });
    expect(rows(db, W48).has('4242')).toBe(false);
  });
});

describe('runSlot: which reports', () => {
  it('reports ingested after a delivery show up in the next slot only', async () => {
    // Real ingests: three seeds first, two more after the first slot's run.
    const t = tempDb();
    cleanups.push(t.cleanup);
    const files = readdirSync(SEEDS_DIR).sort();
    const dirA = mkdtempSync(join(tmpdir(), 'seeds-a-'));
    const dirB = mkdtempSync(join(tmpdir(), 'seeds-b-'));
    cleanups.push(
      () => rmSync(dirA, { recursive: true, force: true }),
      () => rmSync(dirB, { recursive: true, force: true }),
    );
    for (const f of files.slice(0, 3)) cpSync(join(SEEDS_DIR, f), join(dirA, f));
    for (const f of files.slice(3)) cpSync(join(SEEDS_DIR, f), join(dirB, f));

    const start = Date.now();
    subscribe(t.db, 'console', 'reader', '', new Date(start - 60_000));
    await ingestPaths(t.db, [dirA]);
    const clock = new FakeClock(new Date());
    const pub = recordingPublisher('console', clock);
    const slot1 = slotOf(clock.now(), 'Asia/Shanghai');
    await clock.drive(runSlot(slotDeps(t.db, clock, [pub]), slot1, clock.now()));
    await new Promise((r) => setTimeout(r, 5)); // ingest times strictly after the first cutoff
    await ingestPaths(t.db, [dirB]);

    // The same slot again: nothing (the slot is done for this subscription).
    await clock.drive(runSlot(slotDeps(t.db, clock, [pub]), slot1, new Date()));
    expect(pub.pushes).toHaveLength(1);

    clock.set(new Date(Date.now() + 7 * 86_400_000));
    const slot2 = slotOf(clock.now(), 'Asia/Shanghai');
    await clock.drive(runSlot(slotDeps(t.db, clock, [pub]), slot2, clock.now()));
    expect(pub.pushes).toHaveLength(2);
    const first = rows(t.db, slot1).get('reader')!.reportIds;
    const second = rows(t.db, slot2).get('reader')!.reportIds;
    expect(first).toHaveLength(3);
    expect(second).toHaveLength(2);
    expect(first.filter((id) => second.includes(id))).toEqual([]);
    expect(replyText(pub.pushes[1]!.reply)).toContain('本周新增 2 份报告');

    // A third slot with nothing new: skipped (DIGEST_EMPTY=skip), recorded as such.
    clock.set(new Date(clock.now().getTime() + 7 * 86_400_000));
    const slot3 = slotOf(clock.now(), 'Asia/Shanghai');
    const third = await clock.drive(runSlot(slotDeps(t.db, clock, [pub]), slot3, clock.now()));
    expect(third).toMatchObject({ sent: 0, empty: 1, completed: true });
    expect(rows(t.db, slot3).get('reader')!.status).toBe('skipped');
  });

  it('reports ingested before the subscription was made are not sent', async () => {
    const db = await setup([]);
    subscribe(db, 'console', 'late', '', new Date('2026-11-21T00:00:00Z'));
    const clock = new FakeClock(MONDAY_W48);
    const pub = recordingPublisher('console', clock);
    const summary = await clock.drive(runSlot(slotDeps(db, clock, [pub]), W48, clock.now()));
    expect(summary).toMatchObject({ sent: 0, empty: 1 });
  });

  it('DIGEST_EMPTY=highlight sends “本周无新报告” with one report from the corpus', async () => {
    const db = await setup([]);
    subscribe(db, 'console', 'h', '四川', new Date('2026-11-21T00:00:00Z'));
    const clock = new FakeClock(MONDAY_W48);
    const pub = recordingPublisher('console', clock);
    const summary = await clock.drive(runSlot(slotDeps(db, clock, [pub], { empty: 'highlight' }), W48, clock.now()));
    expect(summary.sent).toBe(1);
    const text = replyText(pub.pushes[0]!.reply);
    expect(text).toContain('本周无新报告');
    expect(text).toContain('资阳市'); // the highlight matches the filter when a report does
    expect(rows(db, W48).get('h')!.reportIds).toEqual([]);
  });

  it('writes the digest in Traditional script for a chat that chose /lang 繁', async () => {
    const db = await setup(['tw']);
    new SubscriptionStore(db).setChatScript('console', 'tw', 'traditional');
    const clock = new FakeClock(MONDAY_W48);
    const pub = recordingPublisher('console', clock);
    await clock.drive(runSlot(slotDeps(db, clock, [pub]), W48, clock.now()));
    expect(replyText(pub.pushes[0]!.reply)).toContain('本週新增');
  });
});
