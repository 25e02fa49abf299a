import { AmbiguousRegionError } from '../../errors.js';
import { lookupRegion } from '../../gazetteer/gazetteer.js';
import { metricGroupFor } from '../query/metric-words.js';
import type { ReportStore } from '../query/report-store.js';
import { simplifiedForm } from '../../script/chinese-script.js';
import type { Reply } from '../reply/reply-model.js';
import type { FilterKind, Subscription, SubscriptionStore } from '../subscriptions/subscription-store.js';

/** Understands a subscription filter: nothing, a province, a region, a metric word, or else a topic. */
export function parseFilter(store: ReportStore, text: string): { filter: string; kind: FilterKind; value: string } {
  const t = simplifiedForm(text.trim()).replace(/\s+/g, ' ');
  if (!t) return { filter: '', kind: 'all', value: '' };
  const places = lookupRegion(t.replace(/\s+/g, ''));
  const province = places.find((p) => p.tier === '省级');
  if (province) return { filter: province.name, kind: 'province', value: province.name };
  if (places.length > 1)
    throw new AmbiguousRegionError(
      t,
      places.map((p) => ({ name: p.name, province: p.province, code: p.code })),
    );
  if (places.length === 1) return { filter: places[0]!.name, kind: 'region', value: places[0]!.code };
  if (metricGroupFor(t, store)) return { filter: t, kind: 'metric', value: t };
  return { filter: t, kind: 'topic', value: t };
}

/** How a filter reads in a reply. */
export function describeFilter(s: Pick<Subscription, 'filter' | 'filterKind'>): string {
  switch (s.filterKind) {
    case 'all':
      return '全部新报告';
    case 'province':
      return `${s.filter}的报告`;
    case 'region':
      return `${s.filter}的报告`;
    case 'metric':
      return `指标“${s.filter}”`;
    case 'topic':
      return `话题“${s.filter}”`;
  }
}

function info(kind: Reply['kind'], title: string, text: string): Reply {
  return {
    kind,
    title,
    sections: [{ blocks: [{ type: 'paragraph', text }] }],
    actions: [{ label: '我的订阅', command: '/subscriptions' }],
    script: 'simplified',
  };
}

/** `/subscribe [filter]`. */
export function subscribeCommand(
  store: ReportStore,
  subs: SubscriptionStore,
  platform: string,
  chatId: string,
  rest: string,
  now: Date,
  schedule: string,
): Reply {
  const f = parseFilter(store, rest);
  const { sub, existed } = subs.subscribe(platform, chatId, f.filter, f.kind, f.value, now);
  const what = describeFilter(sub);
  return info(
    'subscriptions',
    '订阅成功',
    existed ? `已经订阅了${what},无需重复订阅。` : `已订阅${what}。${schedule}推送新增报告的摘要;没有新报告时不打扰。`,
  );
}

/** `/unsubscribe [filter]` (no filter: all of this chat's subscriptions). */
export function unsubscribeCommand(
  store: ReportStore,
  subs: SubscriptionStore,
  platform: string,
  chatId: string,
  rest: string,
): Reply {
  if (!rest.trim()) {
    const n = subs.unsubscribe(platform, chatId, null);
    return info('subscriptions', '已退订', n ? `已取消本聊天的全部 ${n} 个订阅。` : '本聊天没有订阅。');
  }
  const f = parseFilter(store, rest);
  const n = subs.unsubscribe(platform, chatId, f.filter);
  return info(
    'subscriptions',
    '已退订',
    n
      ? `已取消订阅${describeFilter({ filter: f.filter, filterKind: f.kind })}。`
      : `没有找到“${rest.trim()}”的订阅。发送 /subscriptions 查看现有订阅。`,
  );
}

/** `/subscriptions`. */
export function subscriptionsCommand(subs: SubscriptionStore, platform: string, chatId: string): Reply {
  const list = subs.forChat(platform, chatId);
  if (!list.length)
    return info('subscriptions', '我的订阅', '本聊天还没有订阅。发送 /subscribe 订阅全部新报告,或 /subscribe 四川 只看四川。');
  return {
    kind: 'subscriptions',
    title: `我的订阅(${list.length})`,
    sections: [
      {
        blocks: [
          { type: 'heading', text: `我的订阅(${list.length})` },
          {
            type: 'list',
            items: list.map((s) => ({
              text: `${describeFilter(s)}${s.active ? '' : '(已停用)'} · 订阅于 ${s.createdAt.slice(0, 10)}`,
            })),
          },
        ],
      },
    ],
    actions: [],
    script: 'simplified',
  };
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
