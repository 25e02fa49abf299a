import type { DigestReads, ReportRow } from '../service/ports.js';
import { replyToTraditional } from '../service/reply/traditional.js';
import type { Reply } from '../service/reply/reply-model.js';
import type { ChatDelivery, Subscription, SubscriptionStore } from '../db/subscription-store.js';
import type { DeliveryJob } from './dispatcher.js';
import { filterKey, filterOf, selectReports } from './filters.js';
import { chatKey, type DeliveryLedger } from '../db/delivery-ledger.js';
import type { Slot } from './slot.js';
import { buildWeeklyDigest, type EmptyDigest } from './weekly-digest.js';

/** One chat and its active subscriptions. */
export interface ChatSubs {
  platform: string;
  chatId: string;
  subs: Subscription[];
}

/** What a slot run will do, before anything is sent. */
export interface SlotPlan {
  /** One job per chat: its merged digest. */
  jobs: DeliveryJob[];
  /** Chats with nothing to send (DIGEST_EMPTY=skip). */
  empty: ChatSubs[];
  /** Subscriptions whose platform has no publisher in this process (no ledger row: another process may send). */
  noPublisher: Subscription[];
  /** Chats that already have a row for this slot. */
  alreadyDone: number;
  /** Chats that paused their digest (/pause). */
  paused: number;
  /** Chats whose own weekday and hour (/schedule) have not come yet this week. */
  notDue: number;
}

/** Inputs of planning. */
export interface PlanDeps {
  store: DigestReads;
  subscriptions: SubscriptionStore;
  ledger: DeliveryLedger;
  platforms: ReadonlySet<string>;
  empty: EmptyDigest;
  /** Whether a chat's digest is due yet (its /schedule); absent: every chat is (a manual `digest push`). */
  due?: (delivery: ChatDelivery) => boolean;
}

/** Active subscriptions grouped by chat, in subscription order. */
export function activeByChat(subscriptions: SubscriptionStore): ChatSubs[] {
  const chats = new Map<string, ChatSubs>();
  for (const sub of subscriptions.active()) {
    const key = chatKey(sub.platform, sub.chatId);
    let chat = chats.get(key);
    if (!chat) chats.set(key, (chat = { platform: sub.platform, chatId: sub.chatId, subs: [] }));
    chat.subs.push(sub);
  }
  return [...chats.values()];
}

/**
 * Decides, for every chat with active subscriptions and no row for `slot`, which reports its ONE digest
 * carries: reports ingested up to `cutoff` matching any of its filters (after that subscription was created),
 * each once, minus every report an earlier slot already (maybe) delivered to the chat. Paused chats wait, and
 * so do chats whose own delivery time (`deps.due`) has not come yet.
 */
export function planSlot(deps: PlanDeps, slot: Slot, cutoff: Date): SlotPlan {
  const done = deps.ledger.statusesForSlot(slot);
  const plan: SlotPlan = { jobs: [], empty: [], noPublisher: [], alreadyDone: 0, paused: 0, notDue: 0 };
  const pending: ChatSubs[] = [];
  for (const chat of activeByChat(deps.subscriptions)) {
    if (done.has(chatKey(chat.platform, chat.chatId))) {
      plan.alreadyDone++;
      continue;
    }
    if (!deps.platforms.has(chat.platform)) {
      plan.noPublisher.push(...chat.subs);
      continue;
    }
    const delivery = deps.subscriptions.chatDelivery(chat.platform, chat.chatId);
    if (delivery.paused) plan.paused++;
    else if (deps.due && !deps.due(delivery)) plan.notDue++;
    else pending.push(chat);
  }
  if (!pending.length) return plan;
  const candidates = candidatesFor(
    deps.store,
    pending.flatMap((c) => c.subs),
    cutoff,
  );
  const delivered = deps.ledger.deliveredReportIds();
  const matched = new Map<string, ReportRow[]>();
  for (const chat of pending) {
    const reports = chatReports(deps.store, chat.subs, candidates, delivered.get(chatKey(chat.platform, chat.chatId)), matched);
    const reply = chatDigest(deps, chat, slot, reports);
    if (!reply) plan.empty.push(chat);
    else plan.jobs.push({ platform: chat.platform, chatId: chat.chatId, slot, reportIds: reports.map((r) => r.id), reply });
  }
  return plan;
}

/** Reports ingested after the oldest of `subs` was created, up to `cutoff`. */
export function candidatesFor(store: DigestReads, subs: Subscription[], cutoff: Date): ReportRow[] {
  if (!subs.length) return [];
  // ISO timestamps: the earliest is the smallest string (Math.min would turn them into NaN).
  let since = subs[0]!.createdAt;
  for (const s of subs) if (s.createdAt < since) since = s.createdAt;
  return store.reportsIngestedBetween(since, cutoff.toISOString());
}

/** The union of what a chat's filters select (each report once, in candidate order), minus `seen`. */
export function chatReports(
  store: DigestReads,
  subs: Subscription[],
  candidates: ReportRow[],
  seen: ReadonlySet<number> | undefined,
  cache = new Map<string, ReportRow[]>(),
): ReportRow[] {
  const ids = new Set<number>();
  for (const sub of subs) {
    const filter = filterOf(sub);
    const key = filterKey(filter);
    let forFilter = cache.get(key);
    if (!forFilter) cache.set(key, (forFilter = selectReports(store, filter, candidates)));
    for (const r of forFilter) if (r.ingestedAt > sub.createdAt && !seen?.has(r.id)) ids.add(r.id);
  }
  return candidates.filter((r) => ids.has(r.id));
}

/** A chat's digest in its script, or null when there is nothing to send. */
export function chatDigest(
  deps: Pick<PlanDeps, 'store' | 'subscriptions' | 'empty'>,
  chat: ChatSubs,
  slot: Slot,
  reports: ReportRow[],
): Reply | null {
  const reply = buildWeeklyDigest({ store: deps.store, subs: chat.subs, slot, reports, empty: deps.empty });
  const script = deps.subscriptions.chatScript(chat.platform, chat.chatId) ?? 'simplified';
  return reply && script === 'traditional' ? replyToTraditional(reply) : reply;
}

/** The job that resumes a row of a crashed run: the same reports, the same rendering, from its next part. */
export function resumeJob(
  deps: Pick<PlanDeps, 'store' | 'subscriptions' | 'empty'>,
  chat: ChatSubs,
  slot: Slot,
  reportIds: number[],
): DeliveryJob | null {
  const reports = reportIds.map((id) => deps.store.reportById(id)).filter((r): r is ReportRow => r !== undefined && r !== null);
  const reply = chatDigest({ ...deps, empty: 'skip' }, chat, slot, reports);
  return reply ? { platform: chat.platform, chatId: chat.chatId, slot, reportIds, reply, resume: true } : null;
}
