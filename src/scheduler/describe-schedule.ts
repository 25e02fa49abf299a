import { describeWeekly, weeklyTimeOf, zoneName } from './chat-schedule.js';

/** The schedule in words for replies: `0 9 * * 1` in Asia/Shanghai → 每周一 09:00(北京时间). */
export function describeSchedule(cron: string, timezone: string): string {
  const weekly = weeklyTimeOf(cron);
  return weekly ? describeWeekly(weekly, timezone) : `按计划(${cron},${zoneName(timezone)})`;
}
