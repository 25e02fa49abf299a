import type { ReportRow, ReportStore } from '../service/query/report-store.js';
import { replyToTraditional } from '../service/query/script.js';
import type { Reply } from '../service/reply/reply-model.js';
import type { Subscription, SubscriptionStore } from '../service/subscriptions/subscription-store.js';
import type { DeliveryJob } from './dispatcher.js';
import { filterKey, selectReports } from './filters.js';
import type { DeliveryLedger } from './ledger.js';
import type { Slot } from './slot.js';
import { buildWeeklyDigest, type EmptyDigest } from './weekly-digest.js';

/** What a slot run will do, before anything is sent. */
export interface SlotPlan {
  jobs: DeliveryJob[];
  /** Subscriptions with nothing to send (DIGEST_EMPTY=skip). */
  empty: Subscription[];
  /** Subscriptions whose platform has no publisher in this process (no ledger row: another process may send). */
  noPublisher: Subscription[];
  /** Subscriptions that already have a row for this slot. */
  alreadyDone: number;
}

/** Inputs of planning. */
export interface PlanDeps {
  store: ReportStore;
  subscriptions: SubscriptionStore;
  ledger: DeliveryLedger;
  platforms: ReadonlySet<string>;
  empty: EmptyDigest;
}

/**
 * Decides, for every active subscription without a row for `slot`, which reports it gets: reports ingested
 * after the subscription was created and up to `cutoff`, matching its filter, minus every report an earlier
 * slot already (maybe) delivered to it. Digests are built once per distinct (filter, reports, script).
 */
export function planSlot(deps: PlanDeps, slot: Slot, cutoff: Date): SlotPlan {
  const done = deps.ledger.statusesForSlot(slot);
  const pending = deps.subscriptions.active().filter((s) => !done.has(s.id));
  const plan: SlotPlan = { jobs: [], empty: [], noPublisher: [], alreadyDone: done.size };
  if (!pending.length) return plan;

  const since = pending.reduce((min, s) => (s.createdAt < min ? s.createdAt : min), pending[0]!.createdAt);
  const candidates = deps.store.reportsIngestedBetween(since, cutoff.toISOString());
  const delivered = deps.ledger.deliveredReportIds();
  const matched = new Map<string, ReportRow[]>();
  const replies = new Map<string, Reply | null>();

  for (const sub of pending) {
    if (!deps.platforms.has(sub.platform)) {
      plan.noPublisher.push(sub);
      continue;
    }
    const key = filterKey({ kind: sub.filterKind, value: sub.filterValue });
    let forFilter = matched.get(key);
    if (!forFilter)
      matched.set(key, (forFilter = selectReports(deps.store, { kind: sub.filterKind, value: sub.filterValue }, candidates)));
    const seen = delivered.get(sub.id);
    const reports = forFilter.filter((r) => r.ingestedAt > sub.createdAt && !seen?.has(r.id));
    const script = deps.subscriptions.chatScript(sub.platform, sub.chatId) ?? 'simplified';
    const replyKey = `${key}|${script}|${reports.map((r) => r.id).join(',')}`;
    let reply = replies.get(replyKey);
    if (reply === undefined) {
      reply = buildWeeklyDigest({ store: deps.store, sub, slot, reports, empty: deps.empty });
      if (reply && script === 'traditional') reply = replyToTraditional(reply);
      replies.set(replyKey, reply);
    }
    if (!reply) plan.empty.push(sub);
    else
      plan.jobs.push({
        subscriptionId: sub.id,
        platform: sub.platform,
        chatId: sub.chatId,
        slot,
        reportIds: reports.map((r) => r.id),
        reply,
      });
  }
  plan.jobs = spreadByChat(plan.jobs);
  return plan;
}

/** Orders jobs so a chat's second digest (another filter) comes after every chat's first: per-chat waits overlap. */
function spreadByChat(jobs: DeliveryJob[]): DeliveryJob[] {
  const seen = new Map<string, number>();
  const ranked = jobs.map((job, i) => {
    const chat = `${job.platform}:${job.chatId}`;
    const nth = seen.get(chat) ?? 0;
    seen.set(chat, nth + 1);
    return { job, nth, i };
  });
  return ranked.sort((a, b) => a.nth - b.nth || a.i - b.i).map((r) => r.job);
}
