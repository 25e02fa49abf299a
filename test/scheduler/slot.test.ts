import { describe, expect, it } from 'vitest';
import { latestScheduledRun } from '../../src/scheduler/cron-time.js';
import { Pacer, retryDelayMs } from '../../src/scheduler/pacing.js';
import { slotOf, slotStart } from '../../src/scheduler/slot.js';

const TZ = 'Asia/Shanghai';

describe('slots (ISO weeks in the digest time zone)', () => {
  it('names the ISO week of the local date', () => {
    expect(slotOf(new Date('2026-11-23T01:00:00Z'), TZ)).toBe('2026-W48');
    // Sunday 23:59 Shanghai is still W47; Monday 00:00 Shanghai (Sunday 16:00 UTC) is W48.
    expect(slotOf(new Date('2026-11-22T15:59:59Z'), TZ)).toBe('2026-W47');
    expect(slotOf(new Date('2026-11-22T16:00:00Z'), TZ)).toBe('2026-W48');
    expect(slotOf(new Date('2026-11-22T16:00:00Z'), 'UTC')).toBe('2026-W47');
  });

  it('handles ISO years that differ from the calendar year', () => {
    expect(slotOf(new Date('2021-01-03T12:00:00Z'), TZ)).toBe('2020-W53');
    expect(slotOf(new Date('2024-12-30T12:00:00Z'), TZ)).toBe('2025-W01');
    expect(slotOf(new Date('2026-01-01T00:00:00Z'), TZ)).toBe('2026-W01');
  });

  it('starts a slot on Monday 00:00 local time', () => {
    expect(slotStart('2026-W48', TZ).toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(slotStart('2020-W53', TZ).toISOString()).toBe('2020-12-27T16:00:00.000Z');
    expect(slotStart('2025-W01', 'UTC').toISOString()).toBe('2024-12-30T00:00:00.000Z');
    for (const iso of ['2026-03-01T05:00:00Z', '2026-07-15T20:00:00Z', '2027-01-01T00:00:00Z']) {
      const slot = slotOf(new Date(iso), TZ);
      expect(slotOf(slotStart(slot, TZ), TZ)).toBe(slot);
      expect(slotStart(slot, TZ).getTime()).toBeLessThanOrEqual(new Date(iso).getTime());
    }
  });
});

describe('latest scheduled run of a cron expression', () => {
  it('finds the Monday 09:00 Shanghai run at or before now', () => {
    expect(latestScheduledRun('0 9 * * 1', TZ, new Date('2026-11-24T03:00:00Z'))?.toISOString()).toBe('2026-11-23T01:00:00.000Z');
    expect(latestScheduledRun('0 9 * * 1', TZ, new Date('2026-11-23T01:00:00Z'))?.toISOString()).toBe('2026-11-23T01:00:00.000Z');
    // One second before Monday 09:00: last week's run.
    expect(latestScheduledRun('0 9 * * 1', TZ, new Date('2026-11-23T00:59:59Z'))?.toISOString()).toBe('2026-11-16T01:00:00.000Z');
  });

  it('works for other zones, frequent and rare expressions', () => {
    expect(latestScheduledRun('30 8 * * 5', 'America/New_York', new Date('2026-11-24T03:00:00Z'))?.toISOString()).toBe(
      '2026-11-20T13:30:00.000Z',
    );
    expect(latestScheduledRun('*/15 * * * *', TZ, new Date('2026-11-24T03:07:00Z'))?.toISOString()).toBe(
      '2026-11-24T03:00:00.000Z',
    );
    expect(latestScheduledRun('0 0 29 2 *', TZ, new Date('2026-11-24T03:00:00Z'))?.toISOString()).toBe(
      '2024-02-28T16:00:00.000Z',
    );
  });
});

describe('across a daylight-saving change (Temporal does the zone math)', () => {
  it('keeps the wall-clock time of a weekly run on both sides of the change', () => {
    const ny = 'America/New_York';
    // US clocks went back on Sunday 2026-11-01: Monday 09:00 is 13:00 UTC before and 14:00 UTC after.
    expect(latestScheduledRun('0 9 * * 1', ny, new Date('2026-11-03T00:00:00Z'))?.toISOString()).toBe('2026-11-02T14:00:00.000Z');
    expect(latestScheduledRun('0 9 * * 1', ny, new Date('2026-11-02T13:59:59Z'))?.toISOString()).toBe('2026-10-26T13:00:00.000Z');
  });

  it('starts a slot at local midnight whatever the offset that week', () => {
    expect(slotStart('2026-W13', 'Europe/Berlin').toISOString()).toBe('2026-03-22T23:00:00.000Z');
    expect(slotStart('2026-W14', 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(slotOf(new Date('2026-03-29T22:00:00Z'), 'Europe/Berlin')).toBe('2026-W14');
    expect(slotOf(new Date('2026-03-29T21:59:59Z'), 'Europe/Berlin')).toBe('2026-W13');
  });
});

describe('pacing', () => {
  it('spaces sends 40 ms apart at 25/s and 1 s apart per chat', () => {
    const pacer = new Pacer({ perSecond: 25, perChatGapMs: 1000 });
    const times = Array.from({ length: 5 }, (_, i) => pacer.reserve(`c${i}`, 0));
    expect(times).toEqual([0, 40, 80, 120, 160]);
    expect(pacer.reserve('c0', 0)).toBe(1000);
    pacer.pauseUntil(5000);
    expect(pacer.reserve('c9', 1200)).toBe(5000);
  });

  it('backs off exponentially but never below retry-after', () => {
    expect([1, 2, 3, 10].map((a) => retryDelayMs(a, null, 1000, 60_000))).toEqual([1000, 2000, 4000, 60_000]);
    expect(retryDelayMs(1, 7000, 1000, 60_000)).toBe(7000);
  });
});
