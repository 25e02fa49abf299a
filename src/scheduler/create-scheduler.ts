import cron, { type ScheduledTask } from 'node-cron';
import pino, { type Logger } from 'pino';
import type { DigestDb } from '../db/open.js';
import { ConfigError } from '../errors.js';
import { createDigestReads } from '../service/digest-reads.js';
import type { DigestReads, Publisher } from '../service/ports.js';
import { SubscriptionStore } from '../db/subscription-store.js';
import { systemClock, type Clock } from './clock.js';
import { isValidCron, latestScheduledRun } from './cron-time.js';
import type { DispatchTuning } from './dispatcher.js';
import { DeliveryLedger } from '../db/delivery-ledger.js';
import { runSlot, type SlotSummary } from './run-slot.js';
import { assertTimeZone, slotOf, type Slot } from './slot.js';
import { dueCheck } from './chat-schedule.js';
import { hasDueWork } from './due-work.js';
import { SlotRuns } from '../db/slot-runs.js';
import type { EmptyDigest } from './weekly-digest.js';

/** Publishers by platform: a map, a record, or a list (each publisher names its platform). */
export type PublisherSet = ReadonlyMap<string, Publisher> | Record<string, Publisher> | readonly Publisher[];

/** Options of the weekly digest scheduler. */
export interface SchedulerOptions {
  db: DigestDb;
  /** Share the service's reads and subscriptions (`service.reads`, `service.subscriptions`); created from `db` when absent. */
  store?: DigestReads;
  subscriptions?: SubscriptionStore;
  publishers: PublisherSet;
  /** node-cron expression (DIGEST_CRON). Default `0 9 * * 1`: Mondays 09:00. */
  cron?: string;
  /** IANA zone of the expression and of the ISO-week slots (DIGEST_TZ). Default Asia/Shanghai. */
  timezone?: string;
  /** DIGEST_EMPTY. Default skip. */
  emptyDigest?: EmptyDigest;
  logger?: Logger;
  clock?: Clock;
  /** Run the latest missed slot at start (default true). */
  catchUp?: boolean;
  dispatch?: DispatchTuning & { staleAfterMs?: number };
}

/** The running scheduler. */
export interface Scheduler {
  /** Schedules the timers, then delivers what is due and was missed while the bot was down (catch-up). */
  start(): Promise<{ caughtUp: SlotSummary | null }>;
  /** Unschedules; a run in progress stops taking new deliveries and is awaited. */
  stop(): Promise<void>;
  /** Runs the slot `now` falls in for every chat, due or not (a manual push), queued after any run in progress. */
  runSlot(now?: Date): Promise<SlotSummary>;
  /**
   * What the timers do (DIGEST_CRON and the hourly check): runs the slot of `now` for the chats whose time has
   * come and that have no ledger row yet; null when there was nothing to do.
   */
  tick(now?: Date): Promise<SlotSummary | null>;
}

/** Creates the weekly digest scheduler (node-cron, delivery ledger, catch-up at start). */
export function createScheduler(options: SchedulerOptions): Scheduler {
  const expression = options.cron ?? '0 9 * * 1';
  const timezone = options.timezone ?? 'Asia/Shanghai';
  if (!isValidCron(expression)) throw new ConfigError('DIGEST_CRON', `not a cron expression: ${expression}`);
  try {
    assertTimeZone(timezone);
  } catch {
    throw new ConfigError('DIGEST_TZ', `unknown time zone: ${timezone}`);
  }
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? pino({ level: 'silent' });
  let stopping = false;
  const deps = {
    ...options.dispatch,
    store: options.store ?? createDigestReads(options.db),
    subscriptions: options.subscriptions ?? new SubscriptionStore(options.db),
    ledger: new DeliveryLedger(options.db),
    slotRuns: new SlotRuns(options.db),
    publishers: toMap(options.publishers),
    empty: options.emptyDigest ?? 'skip',
    clock,
    logger,
    stopRequested: () => stopping,
  };
  let tasks: ScheduledTask[] = [];
  // One run at a time in this process (node-cron's noOverlap covers only its own triggers).
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(work: () => T | Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };
  const staleBefore = () => new Date(clock.now().getTime() - (options.dispatch?.staleAfterMs ?? 10 * 60_000));
  // The chats of `slot` whose time has come at `now` (their /schedule, else DIGEST_CRON), if any need a run.
  const runDue = (slot: Slot, now: Date, note?: string): Promise<SlotSummary | null> =>
    enqueue(() => {
      const due = dueCheck(expression, timezone, slot, now);
      if (!hasDueWork(deps, slot, due, staleBefore())) return null;
      if (note) logger.info({ slot }, note);
      return runSlot(deps, slot, clock.now(), due);
    });
  const onTick = async (slot: Slot) => {
    try {
      await runDue(slot, clock.now());
    } catch (err) {
      logger.error({ err }, 'weekly digest run failed');
    }
  };

  return {
    async start() {
      stopping = false;
      tasks = [
        cron.schedule(expression, (ctx) => onTick(slotOf(ctx.date, timezone)), {
          timezone,
          noOverlap: true,
          name: 'weekly-digest',
        }),
        // Chats with their own weekday and hour (/schedule) fall due on the hour.
        cron.schedule(HOURLY, (ctx) => onTick(slotOf(ctx.date, timezone)), { timezone, noOverlap: true, name: 'digest-hourly' }),
      ];
      if (options.catchUp === false) return { caughtUp: null };
      let caughtUp: SlotSummary | null = null;
      for (const slot of catchUpSlots(clock.now())) {
        if (deps.slotRuns.isComplete(slot)) continue;
        const summary = await runDue(slot, clock.now(), 'weekly digest: catching up chats whose time has passed');
        caughtUp ??= summary;
      }
      return { caughtUp };
    },
    async stop() {
      stopping = true;
      for (const task of tasks) await task.destroy();
      tasks = [];
      await queue;
    },
    runSlot(now = clock.now()) {
      return enqueue(() => runSlot(deps, slotOf(now, timezone), now));
    },
    async tick(now = clock.now()) {
      return runDue(slotOf(now, timezone), now);
    },
  };

  /**
   * Slots a start-up may owe, oldest first: last week's if its run began and did not complete (a chat whose
   * time fell while the bot was down), the slot of DIGEST_CRON's latest firing, and this week's.
   */
  function catchUpSlots(now: Date): Slot[] {
    const slots: Slot[] = [];
    const previous = slotOf(new Date(now.getTime() - WEEK_MS), timezone);
    if (deps.slotRuns.began(previous)) slots.push(previous);
    const latest = latestScheduledRun(expression, timezone, now);
    if (latest) slots.push(slotOf(latest, timezone));
    slots.push(slotOf(now, timezone));
    return [...new Set(slots)].sort();
  }
}

const HOURLY = '0 * * * *';
const WEEK_MS = 7 * 86_400_000;

function toMap(set: PublisherSet): ReadonlyMap<string, Publisher> {
  if (set instanceof Map) return set;
  if (Array.isArray(set)) return new Map((set as readonly Publisher[]).map((p) => [p.platform, p]));
  return new Map(Object.entries(set as Record<string, Publisher>));
}
