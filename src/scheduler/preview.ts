import type { DigestDb } from '../db/open.js';
import type { DigestReads } from '../service/ports.js';
import type { Reply } from '../service/reply/reply-model.js';
import type { SubscriptionStore } from '../db/subscription-store.js';
import { DeliveryLedger, chatKey } from '../db/delivery-ledger.js';
import { candidatesFor, chatDigest, chatReports } from './plan.js';
import { slotOf } from './slot.js';
import type { EmptyDigest } from './weekly-digest.js';

/** What /preview reads. */
export interface PreviewDeps {
  db: DigestDb;
  store: DigestReads;
  subscriptions: SubscriptionStore;
  empty: EmptyDigest;
}

/**
 * `/preview`: this week's digest for the chat as the scheduler would build it now, sent as a reply.
 * It writes no ledger row, so the weekly push still delivers the same reports.
 */
export function previewCommand(
  deps: PreviewDeps,
  platform: string,
  chatId: string,
  now: Date,
  timezone = 'Asia/Shanghai',
): Reply {
  const subs = deps.subscriptions.forChat(platform, chatId).filter((s) => s.active);
  const note = (text: string): Reply => ({
    kind: 'subscriptions',
    title: '预览本周摘要',
    sections: [{ blocks: [{ type: 'paragraph', text }] }],
    actions: [{ label: '我的订阅', command: '/subscriptions' }],
    script: 'simplified',
  });
  if (!subs.length) return note('本聊天还没有有效的订阅。发送 /subscribe 订阅全部新报告。');
  const ledger = new DeliveryLedger(deps.db);
  const seen = ledger.deliveredReportIds().get(chatKey(platform, chatId));
  const reports = chatReports(deps.store, subs, candidatesFor(deps.store, subs, now), seen);
  const slot = slotOf(now, timezone);
  const reply = chatDigest(deps, { platform, chatId, subs }, slot, reports);
  if (!reply) return note('本周到目前为止没有新报告,推送时不会打扰。');
  const first = reply.sections[0];
  const banner = { type: 'paragraph' as const, text: '(预览:这不算本周的推送,届时仍会发送。)' };
  return {
    ...reply,
    sections: first ? [{ blocks: [...first.blocks, banner] }, ...reply.sections.slice(1)] : reply.sections,
  };
}
