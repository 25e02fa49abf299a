import { Temporal } from 'temporal-polyfill';

/** A weekly digest slot: the ISO week in the digest time zone, e.g. `2026-W47`. */
export type Slot = string;

const SLOT = /^(\d{4})-W(\d{2})$/;

/** The wall-clock time of `instant` in the IANA zone `tz` (throws a RangeError for an unknown zone). */
export function zonedOf(instant: Date, tz: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(tz);
}

/** The instant of a zoned wall-clock time. */
export function instantOf(time: Temporal.ZonedDateTime): Date {
  return new Date(time.epochMilliseconds);
}

/** Throws a RangeError for an unknown time zone name. */
export function assertTimeZone(tz: string): void {
  zonedOf(new Date(0), tz);
}

/** The ISO week (Monday-first, week 1 holds the year's first Thursday) that `instant` falls in, in `tz`. */
export function slotOf(instant: Date, tz: string): Slot {
  const local = zonedOf(instant, tz);
  return `${local.yearOfWeek}-W${String(local.weekOfYear).padStart(2, '0')}`;
}

/** The start of the slot's ISO week in `tz`: Monday, at the start of that day. */
export function slotStartTime(slot: Slot, tz: string): Temporal.ZonedDateTime {
  const m = SLOT.exec(slot);
  if (!m) throw new RangeError(`not a slot: ${slot}`);
  // January 4th is always in week 1; step back to that week's Monday, then forward whole weeks.
  const jan4 = Temporal.PlainDate.from({ year: Number(m[1]), month: 1, day: 4 });
  const monday = jan4.subtract({ days: jan4.dayOfWeek - 1 }).add({ weeks: Number(m[2]) - 1 });
  return monday.toZonedDateTime({ timeZone: tz });
}

/** The instant the slot starts: Monday 00:00 of that ISO week in `tz`. */
export function slotStart(slot: Slot, tz: string): Date {
  return instantOf(slotStartTime(slot, tz));
}
