import type { Logger } from 'pino';
import type { Publisher } from '../service/ports.js';
import type { ReportStore } from '../service/query/report-store.js';
import type { SubscriptionStore } from '../service/subscriptions/subscription-store.js';
import type { Clock } from './clock.js';
import { dispatch, type DispatchTuning } from './dispatcher.js';
import type { DeliveryLedger } from './ledger.js';
import { planSlot, type SlotPlan } from './plan.js';
import type { Slot } from './slot.js';
import type { SlotRuns } from './slot-runs.js';
import type { EmptyDigest } from './weekly-digest.js';

/** Everything a slot run uses. */
export interface SlotRunDeps extends DispatchTuning {
  store: ReportStore;
  subscriptions: SubscriptionStore;
  ledger: DeliveryLedger;
  slotRuns: SlotRuns;
  publishers: ReadonlyMap<string, Publisher>;
  empty: EmptyDigest;
  clock: Clock;
  logger: Logger;
  /** A `sending` row untouched this long belongs to a dead run and becomes `unknown`. Default 10 minutes. */
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
  /** Rows of this slot whose outcome is unknown (a crashed run was sending them). */
  unknown: number;
  empty: number;
  noPublisher: number;
  alreadyDone: number;
  /** True when every active subscription now has a row for the slot (start-up catch-up will not re-run it). */
  completed: boolean;
}

/**
 * Runs one slot: recovers rows of crashed runs, plans every subscription's digest, records the empty ones,
 * dispatches the rest, and marks the slot complete when no subscription was left for another process.
 * `cutoff` is the newest ingest time a digest may include (normally now).
 */
export async function runSlot(deps: SlotRunDeps, slot: Slot, cutoff: Date): Promise<SlotSummary> {
  const { clock, logger } = deps;
  deps.slotRuns.begin(slot, clock.now());
  const stale = deps.ledger.markInterrupted(new Date(clock.now().getTime() - (deps.staleAfterMs ?? 10 * 60_000)), clock.now());
  if (stale) logger.warn({ rows: stale }, 'digest: rows of an interrupted run marked unknown (maybe delivered; not resent)');

  const plan = planSlot({ ...deps, platforms: new Set(deps.publishers.keys()) }, slot, cutoff);
  for (const sub of plan.empty) deps.ledger.skip(sub.id, slot, 'no new reports', clock.now());
  logNoPublisher(plan, logger);

  const tally = await dispatch(plan.jobs, {
    ...deps,
    onPermanentFailure: (job, reason) =>
      deps.subscriptions.deactivate(job.subscriptionId, `delivery failed: ${reason}`, clock.now()),
  });
  const unknown = deps.ledger.countsForSlot(slot).unknown;
  const summary: SlotSummary = {
    slot,
    sent: tally.sent,
    skipped: plan.empty.length + plan.noPublisher.length + plan.alreadyDone + tally.alreadyClaimed + tally.notStarted,
    failed: tally.failed,
    deactivated: tally.deactivated,
    retries: tally.retries,
    unknown,
    empty: plan.empty.length,
    noPublisher: plan.noPublisher.length,
    alreadyDone: plan.alreadyDone,
    completed: plan.noPublisher.length === 0 && tally.notStarted === 0,
  };
  if (summary.completed) deps.slotRuns.complete(slot, summary, clock.now());
  logger.info(summary, `digest ${slot}: ${summaryLine(summary)}`);
  return summary;
}

/** `sent N, skipped M, failed K` (plus unknown rows when there are any). */
export function summaryLine(s: Pick<SlotSummary, 'sent' | 'skipped' | 'failed' | 'unknown'>): string {
  return `sent ${s.sent}, skipped ${s.skipped}, failed ${s.failed}${s.unknown ? `, unknown ${s.unknown}` : ''}`;
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
