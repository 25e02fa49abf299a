import cron, { type ScheduledTask } from 'node-cron';
import pino, { type Logger } from 'pino';
import type { DigestDb } from '../db/open.js';
import { ConfigError } from '../errors.js';
import { createDigestReads } from '../service/digest-reads.js';
import type { DigestReads, Publisher } from '../service/ports.js';
import { SubscriptionStore } from '../service/subscriptions/subscription-store.js';
import { systemClock, type Clock } from './clock.js';
import { isValidCron, latestScheduledRun } from './cron-time.js';
import type { DispatchTuning } from './dispatcher.js';
import { DeliveryLedger } from './ledger.js';
import { runSlot, type SlotSummary } from './run-slot.js';
import { slotOf, type Slot } from './slot.js';
import { SlotRuns } from './slot-runs.js';
import type { EmptyDigest } from './weekly-digest.js';
import { assertTimeZone } from './zoned-time.js';

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
  /** Schedules the cron job, then runs the latest scheduled slot if it never completed (catch-up). */
  start(): Promise<{ caughtUp: SlotSummary | null }>;
  /** Unschedules; a run in progress stops taking new deliveries and is awaited. */
  stop(): Promise<void>;
  /** Runs the slot `now` falls in (default: the clock's now), queued after any run in progress. */
  runSlot(now?: Date): Promise<SlotSummary>;
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
  let task: ScheduledTask | null = null;
  // One run at a time in this process (node-cron's noOverlap covers only its own triggers).
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = (slot: Slot, cutoff: Date): Promise<SlotSummary> => {
    const run = queue.then(() => runSlot(deps, slot, cutoff));
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    async start() {
      stopping = false;
      task = cron.schedule(
        expression,
        async (ctx) => {
          try {
            await enqueue(slotOf(ctx.date, timezone), clock.now());
          } catch (err) {
            logger.error({ err }, 'weekly digest run failed');
          }
        },
        { timezone, noOverlap: true, name: 'weekly-digest' },
      );
      if (options.catchUp === false) return { caughtUp: null };
      const now = clock.now();
      const latest = latestScheduledRun(expression, timezone, now);
      if (!latest) return { caughtUp: null };
      const slot = slotOf(latest, timezone);
      if (deps.slotRuns.isComplete(slot)) return { caughtUp: null };
      logger.info({ slot, scheduledAt: latest.toISOString() }, 'weekly digest: catching up a missed slot');
      return { caughtUp: await enqueue(slot, now) };
    },
    async stop() {
      stopping = true;
      if (task) await task.destroy();
      task = null;
      await queue;
    },
    runSlot(now = clock.now()) {
      return enqueue(slotOf(now, timezone), now);
    },
  };
}

function toMap(set: PublisherSet): ReadonlyMap<string, Publisher> {
  if (set instanceof Map) return set;
  if (Array.isArray(set)) return new Map((set as readonly Publisher[]).map((p) => [p.platform, p]));
  return new Map(Object.entries(set as Record<string, Publisher>));
}
