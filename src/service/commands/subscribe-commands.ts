import { NotFoundError } from '../../errors.js';
import type { ReportStore } from '../../db/report-store.js';
import type { Reply, ReplyAction } from '../reply/reply-model.js';
import { describeFilter } from '../subscriptions/describe-filter.js';
import { parseFilter } from '../subscriptions/parse-filter.js';
import type { SubscriptionStore } from '../../db/subscription-store.js';

/** The word that confirms removing every subscription of a chat (`/unsubscribe 确认全部`). */
const CONFIRM_ALL = '确认全部';

function info(kind: Reply['kind'], title: string, text: string, actions?: ReplyAction[]): Reply {
  return {
    kind,
    title,
    sections: [{ blocks: [{ type: 'paragraph', text }] }],
    actions: actions ?? [{ label: '我的订阅', command: '/subscriptions' }],
    script: 'simplified',
  };
}

/** `/subscribe [filter]`: a region, province, metric, topic, or a place narrowed by a metric/topic. */
export function subscribeCommand(
  store: ReportStore,
  subs: SubscriptionStore,
  platform: string,
  chatId: string,
  rest: string,
  now: Date,
  schedule: string,
): Reply {
  let f: ReturnType<typeof parseFilter>;
  try {
    f = parseFilter(store, rest);
  } catch (error) {
    if (error instanceof NotFoundError) return typoReply(error, rest.trim());
    throw error;
  }
  const { sub, existed } = subs.subscribe(platform, chatId, f, now);
  const what = describeFilter(sub);
  return info(
    'subscriptions',
    '订阅成功',
    existed ? `已经订阅了${what},无需重复订阅。` : `已订阅${what}。${schedule}推送新增报告的摘要;没有新报告时不打扰。`,
  );
}

/** A misspelt place: /report's suggestions, each a button that subscribes to it, plus “as a topic”. */
function typoReply(error: NotFoundError, word: string): Reply {
  const actions: ReplyAction[] = error.suggestions.slice(0, 3).map((s) => {
    const m = /^(.+)\((.+)\)$/.exec(s);
    return { label: `订阅${s}`, command: m ? `/subscribe ${m[1]} ${m[2]}` : `/subscribe ${s}` };
  });
  actions.push({ label: `按话题订阅“${word}”`, command: `/subscribe 话题 ${word}` });
  const text = error.suggestions.length ? `${error.message}您是否要找:${error.suggestions.join('、')}?` : error.message;
  return { ...info('error', '未找到', text, actions), errorCode: error.code };
}

/** `/unsubscribe [filter | #id | 确认全部]`; bare asks for confirmation before removing everything. */
export function unsubscribeCommand(
  store: ReportStore,
  subs: SubscriptionStore,
  platform: string,
  chatId: string,
  rest: string,
): Reply {
  const arg = rest.trim();
  if (!arg) {
    const n = subs.forChat(platform, chatId).length;
    if (!n) return info('subscriptions', '退订', '本聊天没有订阅。');
    return info('subscriptions', '确认退订', `确定取消本聊天的全部 ${n} 个订阅吗?`, [
      { label: `确认退订全部 ${n} 个`, command: `/unsubscribe ${CONFIRM_ALL}` },
      { label: '我的订阅', command: '/subscriptions' },
    ]);
  }
  if (arg === CONFIRM_ALL) {
    const n = subs.unsubscribe(platform, chatId, null);
    return info('subscriptions', '已退订', n ? `已取消本聊天的全部 ${n} 个订阅。` : '本聊天没有订阅。', [
      { label: '重新订阅全部', command: '/subscribe' },
    ]);
  }
  const byId = /^#(\d{1,9})$/.exec(arg);
  if (byId) {
    const target = subs.forChat(platform, chatId).find((s) => s.id === Number(byId[1]));
    const n = target ? subs.unsubscribeId(platform, chatId, target.id) : 0;
    return info('subscriptions', '已退订', n && target ? `已取消订阅${describeFilter(target)}。` : '这个订阅已不存在。');
  }
  const f = parseFilter(store, arg);
  const n = subs.unsubscribe(platform, chatId, f.filter);
  return info(
    'subscriptions',
    '已退订',
    n
      ? `已取消订阅${describeFilter({ filter: f.filter, filterKind: f.kind, subjectKind: f.subject?.kind ?? null, subjectValue: f.subject?.value ?? null })}。`
      : `没有找到“${arg}”的订阅。发送 /subscriptions 查看现有订阅。`,
  );
}

/** `/subscriptions`: a numbered list with an unsubscribe button each, and the chat's delivery settings. */
export function subscriptionsCommand(subs: SubscriptionStore, platform: string, chatId: string, schedule: string): Reply {
  const list = subs.forChat(platform, chatId);
  if (!list.length)
    return info(
      'subscriptions',
      '我的订阅',
      '本聊天还没有订阅。发送 /subscribe 订阅全部新报告,或 /subscribe 四川 只看四川。',
      [],
    );
  const delivery = subs.chatDelivery(platform, chatId);
  const when = delivery.paused ? '已暂停推送(发送 /resume 恢复)' : `推送时间:${schedule}`;
  return {
    kind: 'subscriptions',
    title: `我的订阅(${list.length})`,
    sections: [
      {
        blocks: [
          { type: 'heading', text: `我的订阅(${list.length})` },
          {
            // Numbered by the renderer (1. 2. …) to match the 退订 N buttons; a number in the text doubled it (• 1.).
            type: 'list',
            ordered: true,
            items: list.map((s) => ({
              text: `${describeFilter(s)}${s.active ? '' : '(已停用)'} · 订阅于 ${s.createdAt.slice(0, 10)}`,
            })),
          },
          { type: 'paragraph', text: `所有订阅合并为每周一条摘要。${when}。` },
        ],
      },
    ],
    actions: [
      ...list.slice(0, 20).map((s, i) => ({ label: `退订 ${i + 1}`, command: `/unsubscribe #${s.id}` })),
      { label: '预览本周摘要', command: '/preview' },
      { label: '推送时间', command: '/schedule' },
      delivery.paused ? { label: '恢复推送', command: '/resume' } : { label: '暂停推送', command: '/pause' },
      { label: '全部退订', command: '/unsubscribe' },
    ],
    script: 'simplified',
  };
}

/** `/pause` and `/resume`: stop or restart this chat's weekly digest without touching its subscriptions. */
export function pauseCommand(subs: SubscriptionStore, platform: string, chatId: string, paused: boolean, now: Date): Reply {
  subs.setPaused(platform, chatId, paused, now);
  return paused
    ? info('subscriptions', '已暂停', '已暂停本聊天的每周推送,订阅保留。发送 /resume 恢复。', [
        { label: '恢复推送', command: '/resume' },
      ])
    : info('subscriptions', '已恢复', '已恢复本聊天的每周推送。');
}

/** `/lang 简|繁`. */
export function langCommand(subs: SubscriptionStore, platform: string, chatId: string, rest: string): Reply {
  const t = rest.trim().toLowerCase();
  const script = /^(繁|繁體|繁体|traditional|zh-hant|zh-tw|zh-hk|tw|hk)$/.test(t)
    ? 'traditional'
    : /^(简|簡|简体|簡體|simplified|zh-hans|zh-cn|cn)$/.test(t)
      ? 'simplified'
      : null;
  if (!script) {
    // `/lang` alone shows the setting; anything unknown also gets it, with the choices.
    const current = subs.chatScript(platform, chatId);
    const now = current === 'traditional' ? '繁体' : current === 'simplified' ? '简体' : '未设置(随提问所用字体)';
    return {
      ...info('settings', '回复字体', `当前回复字体:${now}。可选:/lang 简 或 /lang 繁(简体、繁体、簡體、繁體 亦可)。`),
      actions: [
        { label: '简体', command: '/lang 简' },
        { label: '繁體', command: '/lang 繁' },
      ],
    };
  }
  subs.setChatScript(platform, chatId, script);
  return {
    ...info('settings', '回复字体', script === 'traditional' ? '好的,之后用繁体字回复。' : '好的,之后用简体字回复。'),
    actions: [],
  };
}
