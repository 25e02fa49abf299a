import { afterEach, describe, expect, it } from 'vitest';
import type { DigestDb } from '../../src/db/open.js';
import { CrashSimulation } from '../../src/scheduler/dispatcher.js';
import { createScheduler, type SchedulerOptions } from '../../src/scheduler/create-scheduler.js';
import { SlotRuns } from '../../src/db/slot-runs.js';
import { createDigestService } from '../../src/service/create-digest-service.js';
import { FakeClock, recordingPublisher, rows, seededDb, setIngestedAt, silent, subscribe } from './harness.js';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

// 2026-W48 runs Monday 2026-11-23 to Sunday 11-29 (Asia/Shanghai, UTC+8). DIGEST_CRON: Mondays 09:00.
const MON_0900 = '2026-11-23T01:00:00Z';
const FRI_0830 = '2026-11-27T00:30:00Z';
const FRI_0900 = '2026-11-27T01:00:00Z';
const FRI_1000 = '2026-11-27T02:00:00Z';

/** Seeds ingested the week before; chat `mon` keeps the default, `fri` sets /schedule 周五 9 through the service. */
async function setup() {
  const { db, cleanup } = await seededDb();
  cleanups.push(cleanup);
  setIngestedAt(db, '2026-11-20T00:00:00.000Z');
  const subscribedAt = new Date('2026-11-01T00:00:00Z');
  for (const chat of ['mon', 'fri']) subscribe(db, 'console', chat, '', subscribedAt);
  setSchedule(db, 'fri', '周五 9');
  return db;
}

function setSchedule(db: DigestDb, chatId: string, arg: string): string {
  const service = createDigestService({ db, cron: '0 9 * * 1', timezone: 'Asia/Shanghai' });
  const reply = service.handle(`/schedule ${arg}`, { platform: 'console', chatId });
  if (reply.kind === 'error') throw new Error(`schedule failed: ${JSON.stringify(reply.sections)}`);
  return JSON.stringify(reply.sections);
}

function scheduler(db: DigestDb, clock: FakeClock, extra: Partial<SchedulerOptions> = {}) {
  const pub = recordingPublisher('console', clock);
  const s = createScheduler({ db, publishers: [pub], clock, logger: silent, cron: '0 9 * * 1', catchUp: false, ...extra });
  cleanups.push(() => s.stop());
  return { s, pub };
}

describe('per-chat delivery weekday and hour (/schedule)', () => {
  it('delivers each chat at its own weekday and hour, once per week', async () => {
    const db = await setup();
    const clock = new FakeClock(MON_0900);
    const { s, pub } = scheduler(db, clock);

    const monday = await clock.drive(s.tick());
    expect(pub.pushes.map((p) => p.chatId)).toEqual(['mon']);
    expect(monday).toMatchObject({ slot: '2026-W48', sent: 1, notDue: 1, completed: false });
    expect(rows(db, '2026-W48').has('fri')).toBe(false);

    clock.set(FRI_0830);
    expect(await clock.drive(s.tick())).toBeNull();
    expect(pub.pushes).toHaveLength(1);

    clock.set(FRI_0900);
    expect(await clock.drive(s.tick())).toMatchObject({ sent: 1, notDue: 0, completed: true });
    expect(pub.pushes.map((p) => p.chatId)).toEqual(['mon', 'fri']);
    expect(pub.pushes[1]!.at).toBe(new Date(FRI_0900).getTime());

    // Later ticks in the same week, and a manual run, send nothing again.
    clock.set(FRI_1000);
    expect(await clock.drive(s.tick())).toBeNull();
    expect(await clock.drive(s.runSlot())).toMatchObject({ sent: 0, alreadyDone: 2 });
    expect(pub.pushes).toHaveLength(2);
    expect(rows(db, '2026-W48').get('fri')).toMatchObject({ status: 'sent' });
  });

  it('a time set after it passed this week delivers at the next check; moving a chat already served sends nothing', async () => {
    const db = await setup();
    const clock = new FakeClock(MON_0900);
    const { s, pub } = scheduler(db, clock);
    await clock.drive(s.tick()); // mon gets W48

    setSchedule(db, 'mon', '周六 8'); // already served this week: next week at the new time
    clock.set('2026-11-25T06:00:00Z'); // Wednesday 14:00
    setSchedule(db, 'fri', '周二 10'); // Tuesday 10:00 has passed and fri has no W48 digest yet
    expect(await clock.drive(s.tick())).toMatchObject({ sent: 1 });
    expect(pub.pushes.map((p) => p.chatId)).toEqual(['mon', 'fri']);

    clock.set('2026-11-28T00:00:00Z'); // Saturday 08:00: mon's new time, but W48 is served
    expect(await clock.drive(s.tick())).toBeNull();
    expect(pub.pushes).toHaveLength(2);
  });

  it('/schedule 默认 returns a chat to DIGEST_CRON; paused chats wait whatever their time', async () => {
    const db = await setup();
    setSchedule(db, 'fri', '默认');
    const service = createDigestService({ db });
    service.handle('/pause', { platform: 'console', chatId: 'mon' });
    const clock = new FakeClock(MON_0900);
    const { s, pub } = scheduler(db, clock);
    expect(await clock.drive(s.tick())).toMatchObject({ sent: 1, paused: 1, notDue: 0 });
    expect(pub.pushes.map((p) => p.chatId)).toEqual(['fri']);
  });

  it('a crash while sending Friday’s digest: the restarted scheduler finishes it without sending it twice', async () => {
    const db = await setup();
    const clock = new FakeClock(MON_0900);
    const first = scheduler(db, clock, {
      dispatch: {
        afterPublish: (job) => {
          if (job.chatId === 'fri') throw new CrashSimulation('kill -9 after the send');
        },
      },
    });
    await clock.drive(first.s.tick());
    clock.set(FRI_0900);
    await expect(clock.drive(first.s.tick())).rejects.toThrow(CrashSimulation);
    expect(first.pub.pushes.map((p) => p.chatId)).toEqual(['mon', 'fri']);
    expect(rows(db, '2026-W48').get('fri')).toMatchObject({ status: 'sending' });

    // Restart right away: the row is not stale yet (another process may still be sending it), so it waits…
    clock.set('2026-11-27T01:05:00Z');
    const second = scheduler(db, clock, { catchUp: true });
    expect((await clock.drive(second.s.start())).caughtUp).toBeNull();
    // …and the next hourly check takes it over and closes it; the part already on the wire is not resent.
    clock.set(FRI_1000);
    expect(await clock.drive(second.s.tick())).toMatchObject({ resumed: 1, sent: 1, completed: true });
    expect(second.pub.pushes).toHaveLength(0);
    expect(rows(db, '2026-W48').get('fri')).toMatchObject({ status: 'sent' });
  });

  it('a bot down over a chat’s time catches it up at start, even after the week rolled over', async () => {
    const db = await setup();
    const clock = new FakeClock(MON_0900);
    const { s } = scheduler(db, clock);
    await clock.drive(s.tick()); // Monday W48: mon served, fri not due yet
    await s.stop();
    expect(new SlotRuns(db).isComplete('2026-W48')).toBe(false);

    // Down from Thursday until Tuesday of W49: fri's Friday 09:00 passed unseen.
    clock.set('2026-12-01T02:00:00Z');
    const restarted = scheduler(db, clock, { catchUp: true });
    const { caughtUp } = await clock.drive(restarted.s.start());
    expect(caughtUp).toMatchObject({ slot: '2026-W48', sent: 1, completed: true });
    expect(rows(db, '2026-W48').get('fri')).toMatchObject({ status: 'sent' });
    // W49: mon's Monday 09:00 passed too (nothing new for it: a `skipped` row); fri's Friday has not come.
    expect(rows(db, '2026-W49').get('mon')).toMatchObject({ status: 'skipped' });
    expect(rows(db, '2026-W49').has('fri')).toBe(false);
    expect(restarted.pub.pushes.map((p) => p.chatId)).toEqual(['fri']);
  });
});
