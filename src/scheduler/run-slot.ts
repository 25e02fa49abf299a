import type { Logger } from 'pino';
import type { DigestReads, Publisher } from '../service/ports.js';
import type { ChatDelivery, SubscriptionStore } from '../db/subscription-store.js';
import type { Clock } from './clock.js';
import { dispatch, type DispatchTuning } from './dispatcher.js';
import type { DeliveryLedger } from '../db/delivery-ledger.js';
import { activeByChat, planSlot, resumeJob, type SlotPlan } from './plan.js';
import { chatKey } from '../db/delivery-ledger.js';
import type { Slot } from './slot.js';
import type { SlotRuns } from '../db/slot-runs.js';
import type { EmptyDigest } from './weekly-digest.js';

/** Everything a slot run uses. */
export interface SlotRunDeps extends DispatchTuning {
  store: DigestReads;
  subscriptions: SubscriptionStore;
  ledger: DeliveryLedger;
  slotRuns: SlotRuns;
  publishers: ReadonlyMap<string, Publisher>;
  empty: EmptyDigest;
  clock: Clock;
  logger: Logger;
  /** A `sending` row untouched this long belongs to a dead run and is resumed. Default 10 minutes. */
  staleAfterMs?: number;
  stopRequested?: () => boolean;
}

/** What one slot run did. */
export interface SlotSummary {
  slot: Slot;
  sent: number;
  /** Nothing new + no publisher here + already handled by an earlier or overlapping run + not started (stop). */
  skipped: number;
  failed: number;
  deactivated: number;
  retries: number;
  /** Rows of a crashed run resumed by this run (at their next part). */
  resumed: number;
  /** Chats that paused their digest. */
  paused: number;
  /** Chats whose own weekday and hour (/schedule) have not come yet this week (not counted as skipped). */
  notDue: number;
  empty: number;
  noPublisher: number;
  alreadyDone: number;
  /** True when every active subscription now has a row for the slot (start-up catch-up will not re-run it). */
  completed: boolean;
}

/**
 * Runs one slot: resumes rows of crashed runs at their next part, plans every chat's merged digest, records
 * the empty ones, dispatches the rest, and marks the slot complete when no chat was left for another process.
 * `cutoff` is the newest ingest time a digest may include (normally now). With `due`, only chats whose
 * delivery time has come are planned (the scheduler's runs); without it, every chat (`digest push`).
 */
export async function runSlot(
  deps: SlotRunDeps,
  slot: Slot,
  cutoff: Date,
  due?: (delivery: ChatDelivery) => boolean,
): Promise<SlotSummary> {
  const { clock, logger } = deps;
  deps.slotRuns.begin(slot, clock.now());
  const staleBefore = new Date(clock.now().getTime() - (deps.staleAfterMs ?? 10 * 60_000));
  const chats = new Map(activeByChat(deps.subscriptions).map((c) => [chatKey(c.platform, c.chatId), c]));
  const resumed = [];
  for (const row of deps.ledger.takeOverInterrupted(slot, staleBefore, clock.now())) {
    const chat = chats.get(chatKey(row.platform, row.chatId));
    const job = chat && deps.publishers.has(row.platform) ? resumeJob(deps, chat, slot, row.reportIds) : null;
    if (job) resumed.push(job);
    else deps.ledger.finish(row.platform, row.chatId, slot, 'failed', 'interrupted; chat no longer subscribed', clock.now());
  }
  if (resumed.length) logger.warn({ rows: resumed.length }, 'digest: resuming rows of an interrupted run at their next part');

  const plan = planSlot({ ...deps, platforms: new Set(deps.publishers.keys()), due }, slot, cutoff);
  for (const chat of plan.empty) deps.ledger.skip(chat.platform, chat.chatId, slot, 'no new reports', clock.now());
  logNoPublisher(plan, logger);

  const tally = await dispatch([...resumed, ...plan.jobs], {
    ...deps,
    onPermanentFailure: (job, reason) =>
      deps.subscriptions.deactivateChat(job.platform, job.chatId, `delivery failed: ${reason}`, clock.now()),
  });
  const summary: SlotSummary = {
    slot,
    sent: tally.sent,
    skipped:
      plan.empty.length + plan.noPublisher.length + plan.alreadyDone + plan.paused + tally.alreadyClaimed + tally.notStarted,
    failed: tally.failed,
    deactivated: tally.deactivated,
    retries: tally.retries,
    resumed: resumed.length,
    paused: plan.paused,
    notDue: plan.notDue,
    empty: plan.empty.length,
    noPublisher: plan.noPublisher.length,
    alreadyDone: plan.alreadyDone,
    completed: plan.noPublisher.length === 0 && tally.notStarted === 0 && plan.notDue === 0,
  };
  if (summary.completed) deps.slotRuns.complete(slot, summary, clock.now());
  // The hourly check of per-chat times mostly finds nothing to send: that is not worth an info line.
  const acted = summary.sent + summary.failed + summary.resumed + summary.empty > 0 || !due;
  logger[acted ? 'info' : 'debug'](summary, `digest ${slot}: ${summaryLine(summary)}`);
  return summary;
}

/** `sent N, skipped M, failed K` (plus resumed rows when there are any). */
export function summaryLine(s: Pick<SlotSummary, 'sent' | 'skipped' | 'failed'> & { resumed?: number }): string {
  return `sent ${s.sent}, skipped ${s.skipped}, failed ${s.failed}${s.resumed ? `, resumed ${s.resumed}` : ''}`;
}

function logNoPublisher(plan: SlotPlan, logger: Logger): void {
  const byPlatform = new Map<string, number>();
  for (const sub of plan.noPublisher) {
    byPlatform.set(sub.platform, (byPlatform.get(sub.platform) ?? 0) + 1);
    logger.debug({ sub: sub.id, platform: sub.platform, chatId: sub.chatId }, 'digest: no publisher for this platform, skipped');
  }
  for (const [platform, n] of byPlatform)
    logger.info({ platform, subscriptions: n }, `digest: no ${platform} publisher in this process, ${n} subscription(s) skipped`);
}
