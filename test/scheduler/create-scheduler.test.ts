import { afterEach, describe, expect, it } from 'vitest';
import { createScheduler } from '../../src/scheduler/create-scheduler.js';
import { runSlot } from '../../src/scheduler/run-slot.js';
import { SlotRuns } from '../../src/db/slot-runs.js';
import { ConfigError } from '../../src/errors.js';
import { FakeClock, recordingPublisher, seededDb, setIngestedAt, silent, slotDeps, subscribe } from './harness.js';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(chats: number) {
  const { db, cleanup } = await seededDb();
  cleanups.push(cleanup);
  setIngestedAt(db, '2026-11-20T00:00:00.000Z');
  for (let i = 0; i < chats; i++) subscribe(db, 'console', `c${i}`, '', new Date('2026-11-01T00:00:00Z'));
  return db;
}

describe('createScheduler: start-up catch-up', () => {
  it('runs a missed Monday slot once when started on Tuesday; starting again does not re-run it', async () => {
    const db = await setup(3);
    const clock = new FakeClock('2026-11-24T02:00:00Z'); // Tuesday 10:00 Shanghai; Monday 09:00 (W48) was missed
    const pub = recordingPublisher('console', clock);
    const first = createScheduler({ db, publishers: [pub], clock, logger: silent });
    cleanups.push(() => first.stop());
    const { caughtUp } = await clock.drive(first.start());
    expect(caughtUp).toMatchObject({ slot: '2026-W48', sent: 3, completed: true });
    expect(new SlotRuns(db).isComplete('2026-W48')).toBe(true);
    await first.stop();

    clock.set('2026-11-24T06:00:00Z');
    const second = createScheduler({ db, publishers: [pub], clock, logger: silent });
    cleanups.push(() => second.stop());
    expect((await clock.drive(second.start())).caughtUp).toBeNull();
    expect(pub.pushes).toHaveLength(3);
  });

  it('before Monday 09:00 the latest slot is last week; a completed one is not re-run', async () => {
    const db = await setup(1);
    const clock = new FakeClock('2026-11-30T00:30:00Z'); // Monday 08:30 Shanghai, W49
    const pub = recordingPublisher('console', clock);
    new SlotRuns(db).begin('2026-W48', clock.now());
    new SlotRuns(db).complete('2026-W48', {}, clock.now());
    const s = createScheduler({ db, publishers: { console: pub }, clock, logger: silent });
    cleanups.push(() => s.stop());
    expect((await clock.drive(s.start())).caughtUp).toBeNull();
    expect(pub.pushes).toHaveLength(0);
  });

  it('a slot whose run started but never completed is caught up', async () => {
    const db = await setup(2);
    const clock = new FakeClock('2026-11-25T02:00:00Z');
    new SlotRuns(db).begin('2026-W48', new Date('2026-11-23T01:00:00Z'));
    const pub = recordingPublisher('console', clock);
    const s = createScheduler({
      db,
      publishers: new Map([['console', pub]]),
      clock,
      logger: silent,
      cron: '0 9 * * 1',
      timezone: 'Asia/Shanghai',
    });
    cleanups.push(() => s.stop());
    expect((await clock.drive(s.start())).caughtUp).toMatchObject({ slot: '2026-W48', sent: 2 });
  });

  it('runSlot(now) runs the slot now falls in, queued behind a run in progress', async () => {
    const db = await setup(4);
    const clock = new FakeClock('2026-11-23T01:00:00Z');
    const pub = recordingPublisher('console', clock);
    const s = createScheduler({ db, publishers: [pub], clock, logger: silent, catchUp: false });
    const [a, b] = await clock.drive(Promise.all([s.runSlot(), s.runSlot()]));
    expect(a).toMatchObject({ slot: '2026-W48', sent: 4 });
    expect(b).toMatchObject({ slot: '2026-W48', sent: 0, alreadyDone: 4 });
    expect(pub.pushes).toHaveLength(4);
  });

  it('stop() during a broadcast finishes the sends in flight; the next start catches up the rest, none twice', async () => {
    const db = await setup(20);
    const clock = new FakeClock('2026-11-24T02:00:00Z');
    let stopping: Promise<void> | null = null;
    const sent: string[] = [];
    const first = createScheduler({
      db,
      clock,
      logger: silent,
      dispatch: { concurrency: 2 },
      publishers: [
        {
          platform: 'console',
          async publish(chatId) {
            await clock.sleep(200);
            sent.push(chatId);
            if (sent.length === 6) stopping = first.stop(); // SIGTERM arrives mid-broadcast
          },
        },
      ],
    });
    const { caughtUp } = await clock.drive(first.start());
    await stopping;
    expect(caughtUp).toMatchObject({ completed: false });
    expect(sent.length).toBeLessThan(20);
    expect(caughtUp!.sent).toBe(sent.length);

    clock.set('2026-11-24T03:00:00Z');
    const pub = recordingPublisher('console', clock);
    const second = createScheduler({ db, publishers: [pub], clock, logger: silent });
    cleanups.push(() => second.stop());
    const again = await clock.drive(second.start());
    expect(again.caughtUp).toMatchObject({ completed: true, sent: 20 - sent.length });
    const all = [...sent, ...pub.pushes.map((p) => p.chatId)];
    expect(all).toHaveLength(20);
    expect(new Set(all).size).toBe(20);
  });

  it('rejects a bad cron expression or time zone with the variable name', () => {
    expect(() => createScheduler({ db: null as never, publishers: [], cron: 'every monday' })).toThrow(ConfigError);
    expect(() => createScheduler({ db: null as never, publishers: [], timezone: 'Mars/Olympus' })).toThrow(/DIGEST_TZ/);
  });
});

describe('overlapping runs in two processes', () => {
  it('send each digest once: the ledger claim decides', async () => {
    const db = await setup(20);
    const clock = new FakeClock('2026-11-23T01:00:00Z');
    const p1 = recordingPublisher('console', clock);
    const p2 = recordingPublisher('console', clock);
    // Two "processes" (separate deps objects and publishers) on the same DB, interleaving their sends.
    const runs = [slotDeps(db, clock, [p1], { concurrency: 3 }), slotDeps(db, clock, [p2], { concurrency: 3 })].map((d) =>
      runSlot(d, '2026-W48', clock.now()),
    );
    const [s1, s2] = await clock.drive(Promise.all(runs));
    const all = [...p1.pushes, ...p2.pushes].map((p) => p.chatId);
    expect(all).toHaveLength(20);
    expect(new Set(all).size).toBe(20);
    expect(s1!.sent + s2!.sent).toBe(20);
    expect(p1.pushes.length).toBeGreaterThan(0);
    expect(p2.pushes.length).toBeGreaterThan(0);
  });
});
