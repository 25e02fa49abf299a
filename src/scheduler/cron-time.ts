import cron from 'node-cron';
import { instantOf, zonedOf } from './slot.js';

/** How far back the search for the latest scheduled time goes (covers yearly and leap-day expressions). */
const MAX_DAYS_BACK = 366 * 8;

/**
 * The most recent time ≤ `now` at which `expression` fires in `tz`, or null if none within eight years.
 * node-cron answers only "next run from the real now", so this walks back over local days (Temporal) and
 * lets node-cron's own matcher decide (so `L`, `#` and names mean what they mean to node-cron). Times that
 * fall in a DST gap are not found (no such gap in Asia/Shanghai).
 */
export function latestScheduledRun(expression: string, tz: string, now: Date): Date | null {
  const fields = cron.parse(expression);
  const seconds = [...fields.second].sort((a, b) => b - a);
  const minutes = [...fields.minute].sort((a, b) => b - a);
  const hours = [...fields.hour].sort((a, b) => b - a);
  const task = cron.createTask(expression, () => undefined, { timezone: tz });
  try {
    const today = zonedOf(now, tz).toPlainDate();
    for (let back = 0; back <= MAX_DAYS_BACK; back++) {
      const day = today.subtract({ days: back });
      const at = (hour: number, minute: number, second: number) =>
        instantOf(day.toZonedDateTime({ timeZone: tz, plainTime: { hour, minute, second } }));
      // The time fields are taken from the expression, so one probe tells whether the day itself matches.
      if (!task.match(at(hours[0]!, minutes[0]!, seconds[0]!))) continue;
      for (const h of hours) {
        for (const m of minutes) {
          for (const s of seconds) {
            const candidate = at(h, m, s);
            if (candidate.getTime() <= now.getTime() && task.match(candidate)) return candidate;
          }
        }
      }
    }
    return null;
  } finally {
    void task.destroy();
  }
}

/** True when node-cron accepts the expression. */
export function isValidCron(expression: string): boolean {
  return cron.validate(expression);
}
