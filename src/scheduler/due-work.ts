import type { Publisher } from '../service/ports.js';
import type { ChatDelivery, SubscriptionStore } from '../db/subscription-store.js';
import { chatKey, type DeliveryLedger } from '../db/delivery-ledger.js';
import { activeByChat } from './plan.js';
import type { Slot } from './slot.js';

/** What the check reads. */
export interface DueWorkDeps {
  subscriptions: SubscriptionStore;
  ledger: DeliveryLedger;
  publishers: ReadonlyMap<string, Publisher>;
}

/**
 * True when a run of `slot` now would do anything: a chat this process can reach, not paused, due, and
 * without a row for the slot; or a `sending` row untouched since `staleBefore` (a dead run) to resume. The
 * hourly check of per-chat times runs a slot only then, so quiet hours write and log nothing.
 */
export function hasDueWork(deps: DueWorkDeps, slot: Slot, due: (delivery: ChatDelivery) => boolean, staleBefore: Date): boolean {
  const rows = deps.ledger.statusesForSlot(slot);
  for (const chat of activeByChat(deps.subscriptions)) {
    if (rows.has(chatKey(chat.platform, chat.chatId)) || !deps.publishers.has(chat.platform)) continue;
    const delivery = deps.subscriptions.chatDelivery(chat.platform, chat.chatId);
    if (!delivery.paused && due(delivery)) return true;
  }
  const stale = staleBefore.toISOString();
  return deps.ledger.rowsForSlot(slot).some((r) => r.status === 'sending' && r.updatedAt < stale);
}
