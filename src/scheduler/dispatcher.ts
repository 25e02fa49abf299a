import type { Logger } from 'pino';
import { PermanentDeliveryError, TemporaryDeliveryError } from '../errors.js';
import type { Publisher } from '../service/ports.js';
import type { Reply } from '../service/reply/reply-model.js';
import type { Clock } from './clock.js';
import type { DeliveryLedger } from './ledger.js';
import { DEFAULT_LIMITS, Pacer, PLATFORM_LIMITS, retryDelayMs, type PaceLimits } from './pacing.js';
import type { Slot } from './slot.js';

/** One digest to deliver. */
export interface DeliveryJob {
  subscriptionId: number;
  platform: string;
  chatId: string;
  slot: Slot;
  reportIds: number[];
  reply: Reply;
}

/** Knobs of the dispatcher (all optional; defaults suit Telegram and Slack). */
export interface DispatchTuning {
  /** Limits per platform, merged over `PLATFORM_LIMITS`. */
  limits?: Record<string, PaceLimits>;
  /** Sends in flight at once (platform round trips overlap so 25/s is reachable). Default 8. */
  concurrency?: number;
  /** Attempts per delivery for temporary failures. Default 5. */
  maxAttempts?: number;
  /** Backoff base and cap in ms. Defaults 1000 and 60000. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /**
   * Test hook run right after a publish succeeded and before the row is marked sent. An exception thrown
   * here aborts the whole run, exactly like a crash at the worst moment (the row stays `sending`).
   */
  afterPublish?: (job: DeliveryJob) => void;
}

/** What the dispatcher needs besides the jobs. */
export interface DispatchDeps extends DispatchTuning {
  publishers: ReadonlyMap<string, Publisher>;
  ledger: DeliveryLedger;
  /** Called for a permanent failure (the scheduler deactivates the subscription). */
  onPermanentFailure: (job: DeliveryJob, reason: string) => void;
  clock: Clock;
  logger: Logger;
  /** Polled between jobs: true stops taking new jobs (graceful shutdown); in-flight sends finish. */
  stopRequested?: () => boolean;
}

/** Outcome counts of one dispatch. */
export interface DispatchTally {
  sent: number;
  failed: number;
  deactivated: number;
  /** Jobs whose row already existed (an overlapping run claimed it first). */
  alreadyClaimed: number;
  /** Jobs not started because a stop was requested. */
  notStarted: number;
  retries: number;
}

/**
 * Delivers jobs at each platform's pace: claims the ledger row, then publishes with retries for temporary
 * failures (honouring retry-after), records permanent failures, and marks the row. Every row is claimed before
 * its send, so a crash or an overlapping run can never send a (subscription, slot) twice.
 */
export async function dispatch(jobs: DeliveryJob[], deps: DispatchDeps): Promise<DispatchTally> {
  const tally: DispatchTally = { sent: 0, failed: 0, deactivated: 0, alreadyClaimed: 0, notStarted: 0, retries: 0 };
  const pacers = new Map<string, Pacer>();
  const pacerFor = (platform: string) => {
    let p = pacers.get(platform);
    if (!p) pacers.set(platform, (p = new Pacer(deps.limits?.[platform] ?? PLATFORM_LIMITS[platform] ?? DEFAULT_LIMITS)));
    return p;
  };
  let next = 0;
  let crashed = false;
  const worker = async () => {
    while (next < jobs.length && !crashed) {
      if (deps.stopRequested?.()) {
        tally.notStarted = jobs.length - next;
        next = jobs.length;
        return;
      }
      const job = jobs[next++]!;
      try {
        await deliver(job, pacerFor(job.platform), deps, tally);
      } catch (error) {
        crashed = true;
        throw error;
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(deps.concurrency ?? 8, jobs.length)) }, worker);
  const settled = await Promise.allSettled(workers);
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) throw failure.reason;
  return tally;
}

async function deliver(job: DeliveryJob, pacer: Pacer, deps: DispatchDeps, tally: DispatchTally): Promise<void> {
  const { ledger, clock } = deps;
  const publisher = deps.publishers.get(job.platform);
  if (!publisher) throw new Error(`no publisher for ${job.platform}`); // planning filters these out
  if (!ledger.claim(job.subscriptionId, job.slot, job.reportIds, clock.now())) {
    tally.alreadyClaimed++;
    return;
  }
  const maxAttempts = deps.maxAttempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    const at = pacer.reserve(job.chatId, clock.now().getTime());
    const wait = at - clock.now().getTime();
    if (wait > 0) await clock.sleep(wait);
    ledger.attempt(job.subscriptionId, job.slot, clock.now());
    try {
      await publisher.publish(job.chatId, job.reply);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof TemporaryDeliveryError && attempt < maxAttempts) {
        tally.retries++;
        if (error.retryAfterMs) pacer.pauseUntil(clock.now().getTime() + error.retryAfterMs);
        const delay = retryDelayMs(attempt, error.retryAfterMs, deps.backoffBaseMs ?? 1000, deps.backoffMaxMs ?? 60_000);
        deps.logger.debug({ sub: job.subscriptionId, attempt, delay, err: message }, 'digest push: temporary failure, retrying');
        await clock.sleep(delay);
        continue;
      }
      tally.failed++;
      if (error instanceof PermanentDeliveryError) {
        ledger.finish(job.subscriptionId, job.slot, 'failed', `permanent: ${message}`, clock.now());
        deps.onPermanentFailure(job, message);
        tally.deactivated++;
        deps.logger.warn(
          { sub: job.subscriptionId, platform: job.platform, chatId: job.chatId, err: message },
          'digest push: permanent failure, subscription deactivated',
        );
      } else {
        // Temporary past its retries, or an unexpected error (a bug): not retried this slot, not deactivated.
        const kind = error instanceof TemporaryDeliveryError ? `temporary after ${attempt} attempts` : 'unexpected';
        ledger.finish(job.subscriptionId, job.slot, 'failed', `${kind}: ${message}`, clock.now());
        deps.logger.error(
          { sub: job.subscriptionId, platform: job.platform, chatId: job.chatId, err: message },
          `digest push failed (${kind})`,
        );
      }
      return;
    }
    deps.afterPublish?.(job);
    ledger.finish(job.subscriptionId, job.slot, 'sent', null, clock.now());
    tally.sent++;
    return;
  }
}
