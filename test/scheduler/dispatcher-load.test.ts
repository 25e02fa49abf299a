import { afterEach, describe, expect, it } from 'vitest';
import { runSlot } from '../../src/scheduler/run-slot.js';
import { bulkSubscribe, FakeClock, rateLimitedPort, rows, seededDb, setIngestedAt, slotDeps } from './harness.js';

const SUBS = 10_000;
const W48 = '2026-W48';
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function setup() {
  const { db, cleanup } = await seededDb();
  cleanups.push(cleanup);
  setIngestedAt(db, '2026-11-20T00:00:00.000Z');
  bulkSubscribe(db, 'telegram', SUBS, new Date('2026-11-01T00:00:00Z'));
  return db;
}

function expectOncePerChat(pushes: { chatId: string }[]) {
  const chats = pushes.map((p) => p.chatId);
  expect(chats).toHaveLength(SUBS);
  expect(new Set(chats).size).toBe(SUBS);
}

describe('dispatcher at scale against a 25 msg/s port (fake clock)', () => {
  it('paced at 25/s: 10,000 digests, each once, no 429 at all', async () => {
    const db = await setup();
    const clock = new FakeClock('2026-11-23T01:00:00Z');
    const port = rateLimitedPort('telegram', clock, 25);
    const wall = performance.now();
    const summary = await clock.drive(runSlot(slotDeps(db, clock, [port]), W48, clock.now()));
    const wallMs = performance.now() - wall;
    const fakeMs = clock.now().getTime() - new Date('2026-11-23T01:00:00Z').getTime();
    console.log(
      `[load paced] ${SUBS} subs: fake-clock duration ${(fakeMs / 1000).toFixed(1)} s, wall time ${(wallMs / 1000).toFixed(2)} s, 429s ${port.rejected}, retries ${summary.retries}`,
    );
    expect(summary).toMatchObject({ sent: SUBS, failed: 0, completed: true });
    expectOncePerChat(port.pushes);
    expect(port.rejected).toBe(0);
    // 10,000 at 25/s cannot take less than 400 s of (fake) time.
    expect(fakeMs).toBeGreaterThanOrEqual(((SUBS - 1) * 1000) / 25);
    expect([...rows(db, W48).values()].every((r) => r.status === 'sent')).toBe(true);
  });

  it('paced too fast (60/s): the port answers 429 with retry-after; all delivered once after retries', async () => {
    const db = await setup();
    const clock = new FakeClock('2026-11-23T01:00:00Z');
    const port = rateLimitedPort('telegram', clock, 25);
    const wall = performance.now();
    const deps = slotDeps(db, clock, [port], { limits: { telegram: { perSecond: 60, perChatGapMs: 1000 } }, maxAttempts: 50 });
    const summary = await clock.drive(runSlot(deps, W48, clock.now()));
    const wallMs = performance.now() - wall;
    const fakeMs = clock.now().getTime() - new Date('2026-11-23T01:00:00Z').getTime();
    console.log(
      `[load 429] ${SUBS} subs: fake-clock duration ${(fakeMs / 1000).toFixed(1)} s, wall time ${(wallMs / 1000).toFixed(2)} s, 429s ${port.rejected}, retries ${summary.retries}`,
    );
    expect(port.rejected).toBeGreaterThan(0);
    expect(summary.retries).toBe(port.rejected);
    expect(summary).toMatchObject({ sent: SUBS, failed: 0 });
    expectOncePerChat(port.pushes);

    // Running the slot again sends nothing.
    const again = await clock.drive(runSlot(deps, W48, clock.now()));
    expect(again).toMatchObject({ sent: 0, alreadyDone: SUBS });
    expect(port.pushes).toHaveLength(SUBS);
  });
});
