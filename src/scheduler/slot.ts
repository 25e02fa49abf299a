import { localParts, zonedInstant } from './zoned-time.js';

/** A weekly digest slot: the ISO week in the digest time zone, e.g. `2026-W47`. */
export type Slot = string;

const SLOT = /^(\d{4})-W(\d{2})$/;

/** The ISO week (Monday-first, week 1 holds the year's first Thursday) that `instant` falls in, in `tz`. */
export function slotOf(instant: Date, tz: string): Slot {
  const p = localParts(instant, tz);
  const isoWeekday = p.weekday === 0 ? 7 : p.weekday;
  // The Thursday of the same ISO week decides the ISO year and week number.
  const thursday = new Date(Date.UTC(p.year, p.month - 1, p.day + 4 - isoWeekday));
  const year = thursday.getUTCFullYear();
  const dayOfYear = Math.round((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
  const week = Math.floor((dayOfYear - 1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The instant the slot starts: Monday 00:00 of that ISO week in `tz`. */
export function slotStart(slot: Slot, tz: string): Date {
  const m = SLOT.exec(slot);
  if (!m) throw new RangeError(`not a slot: ${slot}`);
  const year = Number(m[1]);
  const week = Number(m[2]);
  const jan4 = new Date(Date.UTC(year, 0, 4)).getUTCDay() || 7;
  // January 4th is always in week 1; step back to that week's Monday, then forward whole weeks.
  return zonedInstant(tz, year, 1, 4 - (jan4 - 1) + (week - 1) * 7);
}
