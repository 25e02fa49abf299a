import type { ChatDelivery } from '../db/subscription-store.js';
import { latestScheduledRun } from './cron-time.js';
import { instantOf, type Slot, slotStart, slotStartTime } from './slot.js';

/** A weekly delivery time: ISO weekday 1–7 (Monday 1), hour 0–23 and minute, in DIGEST_TZ. */
export interface WeeklyTime {
  weekday: number;
  hour: number;
  minute: number;
}

const WEEKDAY_NAMES = ['', '一', '二', '三', '四', '五', '六', '日'];
const ZONE_NAMES: ReadonlyMap<string, string> = new Map([
  ['Asia/Shanghai', '北京时间'],
  ['Asia/Hong_Kong', '香港时间'],
  ['Asia/Taipei', '台北时间'],
]);

/** The weekday and time of a plain weekly DIGEST_CRON (`m h * * d`), or null for any other expression. */
export function weeklyTimeOf(cron: string): WeeklyTime | null {
  const m = /^(\d{1,2})\s+(\d{1,2})\s+\*\s+\*\s+([0-7])$/.exec(cron.trim());
  if (!m) return null;
  const day = Number(m[3]);
  return { weekday: day === 0 ? 7 : day, hour: Number(m[2]), minute: Number(m[1]) };
}

/** `每周五 09:00(北京时间)`. */
export function describeWeekly(t: WeeklyTime, timezone: string): string {
  const time = `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
  return `每周${WEEKDAY_NAMES[t.weekday]} ${time}(${zoneName(timezone)})`;
}

/** The zone as readers know it (北京时间), or its IANA name. */
export function zoneName(timezone: string): string {
  return ZONE_NAMES.get(timezone) ?? timezone;
}

/** A chat's own weekly time, when it set both weekday and hour with /schedule (minute 0: the hourly check). */
export function ownTime(delivery: Pick<ChatDelivery, 'weekday' | 'hour'>): WeeklyTime | null {
  return delivery.weekday !== null && delivery.hour !== null
    ? { weekday: delivery.weekday, hour: delivery.hour, minute: 0 }
    : null;
}

/** The instant `t` falls on in the ISO week `slot` (in `timezone`); weekday 8 is the next Monday. */
function instantInSlot(slot: Slot, t: WeeklyTime, timezone: string): Date {
  const day = slotStartTime(slot, timezone)
    .toPlainDate()
    .add({ days: t.weekday - 1 });
  return instantOf(day.toZonedDateTime({ timeZone: timezone, plainTime: { hour: t.hour, minute: t.minute } }));
}

/**
 * Whether a chat's digest of `slot` is due at `now`: a chat with its own weekday and hour once that time of
 * the week has passed; every other chat once DIGEST_CRON fired in that week. A week that is over is due for
 * all. (Due and not yet in the ledger means: send now — a time set after it passed this week, or a bot that
 * was down, delivers at the next check; the ledger keeps it to one digest per chat and week.)
 */
export function dueCheck(cron: string, timezone: string, slot: Slot, now: Date): (delivery: ChatDelivery) => boolean {
  const start = slotStart(slot, timezone);
  const end = instantInSlot(slot, { weekday: 8, hour: 0, minute: 0 }, timezone);
  const until = new Date(Math.min(now.getTime(), end.getTime() - 1));
  const fired = latestScheduledRun(cron, timezone, until);
  const defaultDue = fired !== null && fired.getTime() >= start.getTime();
  return (delivery) => {
    const own = ownTime(delivery);
    return own ? instantInSlot(slot, own, timezone).getTime() <= now.getTime() : defaultDue;
  };
}
