import { describeWeekly, ownTime, type WeeklyTime, weeklyTimeOf } from '../../scheduler/chat-schedule.js';
import { describeSchedule } from '../../scheduler/describe-schedule.js';
import type { Reply, ReplyAction } from '../reply/reply-model.js';
import { parseSchedule } from '../subscriptions/parse-schedule.js';
import type { SubscriptionStore } from '../../db/subscription-store.js';

/** DIGEST_CRON and DIGEST_TZ, the default every chat's time falls back to. */
export interface ScheduleDefaults {
  cron: string;
  timezone: string;
}

/** When this chat's digest goes out, in words: its own /schedule, else `fallback` or the default (DIGEST_CRON). */
export function chatScheduleText(
  subs: SubscriptionStore,
  platform: string,
  chatId: string,
  d: ScheduleDefaults,
  fallback?: string,
): string {
  const own = ownTime(subs.chatDelivery(platform, chatId));
  return own ? describeWeekly(own, d.timezone) : (fallback ?? describeSchedule(d.cron, d.timezone));
}

/**
 * `/schedule [星期几] [钟点] | 默认`: bare shows this chat's delivery time; otherwise sets its weekday and/or
 * hour (the part not given is kept) or returns to the default. The scheduler checks on the hour.
 */
export function scheduleCommand(
  subs: SubscriptionStore,
  platform: string,
  chatId: string,
  rest: string,
  d: ScheduleDefaults,
  now: Date,
): Reply {
  const delivery = subs.chatDelivery(platform, chatId);
  const own = ownTime(delivery);
  const defaultText = describeSchedule(d.cron, d.timezone);
  if (!rest.trim()) {
    const when = own ? `${describeWeekly(own, d.timezone)}(本聊天自定)` : `${defaultText}(默认)`;
    const paused = delivery.paused ? '目前已暂停推送(发送 /resume 恢复)。' : '';
    return reply(`本聊天的每周摘要推送时间:${when}。${paused}修改:/schedule 周五 9;恢复默认:/schedule 默认。`, own !== null);
  }
  const request = parseSchedule(rest);
  if (request.reset) {
    subs.setSchedule(platform, chatId, null, null, now);
    return reply(`已恢复默认推送时间:${defaultText}。`, false);
  }
  // The part not given comes from the chat's current time, else the default's (Monday 09:00 for a cron that is not weekly).
  const base: WeeklyTime = own ?? weeklyTimeOf(d.cron) ?? { weekday: 1, hour: 9, minute: 0 };
  const weekday = request.weekday ?? base.weekday;
  const hour = request.hour ?? base.hour;
  subs.setSchedule(platform, chatId, weekday, hour, now);
  return reply(
    `好的,本聊天的每周摘要改为${describeWeekly({ weekday, hour, minute: 0 }, d.timezone)}推送。每周仍只推送一次:本周已推送过的不会重发;本周尚未推送而新时间已过的,在下一个整点补发。`,
    true,
  );
}

function reply(text: string, custom: boolean): Reply {
  const actions: ReplyAction[] = [{ label: '我的订阅', command: '/subscriptions' }];
  if (custom) actions.push({ label: '恢复默认时间', command: '/schedule 默认' });
  return {
    kind: 'settings',
    title: '推送时间',
    sections: [{ blocks: [{ type: 'paragraph', text }] }],
    actions,
    script: 'simplified',
  };
}
