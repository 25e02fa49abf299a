import type { Logger } from 'pino';
import { PermanentDeliveryError, TemporaryDeliveryError } from '../errors.js';
import type { PaceLimits, Publisher } from '../service/ports.js';
import type { Reply } from '../service/reply/reply-model.js';
import type { Clock } from './clock.js';
import type { DeliveryLedger } from '../db/delivery-ledger.js';
import { DEFAULT_LIMITS, Pacer, retryDelayMs } from './pacing.js';
import type { Slot } from './slot.js';

/** One chat's merged digest to deliver. */
export interface DeliveryJob {
  platform: string;
  chatId: string;
  slot: Slot;
  reportIds: number[];
  reply: Reply;
  /** True for a row taken over from a crashed run: already claimed, it resumes at its next part. */
  resume?: boolean;
}

/** Knobs of the dispatcher (all optional; defaults suit Telegram and Slack). */
export interface DispatchTuning {
  /** Limits per platform (the adapters' `limits`); `DEFAULT_LIMITS` for a platform not listed. */
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
  /** Test hook run right after a part was accepted and recorded; throwing here is a crash between parts. */
  afterPart?: (job: DeliveryJob, part: number) => void;
}

/** What the dispatcher needs besides the jobs. */
export interface DispatchDeps extends DispatchTuning {
  publishers: ReadonlyMap<string, Publisher>;
  ledger: DeliveryLedger;
  /** Called for a permanent failure (the scheduler deactivates the chat's subscriptions). */
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
 * Delivers jobs at each platform's pace. A chat's row is claimed after the pacing wait, at the moment of its
 * first send (a crash during the wait leaves no row, so the next run sends it); each part is recorded as it
 * is accepted, and a retry (429, 5xx, network) resumes at the failed part. A claimed row is never claimed
 * again, so an overlapping run never sends a (chat, slot) twice.
 */
export async function dispatch(jobs: DeliveryJob[], deps: DispatchDeps): Promise<DispatchTally> {
  const tally: DispatchTally = { sent: 0, failed: 0, deactivated: 0, alreadyClaimed: 0, notStarted: 0, retries: 0 };
  const pacers = new Map<string, Pacer>();
  const pacerFor = (platform: string) => {
    let p = pacers.get(platform);
    if (!p) pacers.set(platform, (p = new Pacer(deps.limits?.[platform] ?? DEFAULT_LIMITS)));
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
  const { platform, chatId, slot } = job;
  const publisher = deps.publishers.get(platform);
  if (!publisher) throw new Error(`no publisher for ${platform}`); // planning filters these out
  const maxAttempts = deps.maxAttempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    let at = pacer.reserve(chatId, clock.now().getTime());
    for (;;) {
      const wait = at - clock.now().getTime();
      if (wait > 0) await clock.sleep(wait);
      // A 429 met by another send while this one waited pauses the whole platform: wait that out too.
      if (!pacer.pausedAt(at)) break;
      at = pacer.reserve(chatId, clock.now().getTime());
    }
    if (attempt === 1 && !job.resume && !ledger.claim(platform, chatId, slot, job.reportIds, clock.now())) {
      tally.alreadyClaimed++;
      return;
    }
    const aware = typeof publisher.countParts === 'function';
    const total = aware ? publisher.countParts!(job.reply) : 1;
    ledger.attempt(platform, chatId, slot, total, clock.now());
    const fromPart = ledger.get(platform, chatId, slot)?.nextPart ?? 0;
    if (fromPart >= total) {
      // A resumed row whose last part went out (or was in flight) before the crash: nothing left to send.
      ledger.finish(platform, chatId, slot, 'sent', null, clock.now());
      tally.sent++;
      return;
    }
    try {
      // A publisher that does not report parts is one part: in flight now, accepted when publish returns.
      if (!aware) ledger.sendingPart(platform, chatId, slot, 0, clock.now());
      await publisher.publish(chatId, job.reply, {
        fromPart,
        sending: (part) => ledger.sendingPart(platform, chatId, slot, part, clock.now()),
        sent: (part, total) => {
          ledger.partSent(platform, chatId, slot, part, total, clock.now());
          deps.afterPart?.(job, part);
        },
      });
      if (!aware) ledger.partSent(platform, chatId, slot, 0, 1, clock.now());
    } catch (error) {
      if (error instanceof CrashSimulation) throw error;
      ledger.partFailed(platform, chatId, slot, clock.now());
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof TemporaryDeliveryError && attempt < maxAttempts) {
        tally.retries++;
        if (error.retryAfterMs) pacer.pauseUntil(clock.now().getTime() + error.retryAfterMs);
        const delay = retryDelayMs(attempt, error.retryAfterMs, deps.backoffBaseMs ?? 1000, deps.backoffMaxMs ?? 60_000);
        deps.logger.debug({ platform, chatId, attempt, delay, err: message }, 'digest push: temporary failure, retrying');
        await clock.sleep(delay);
        continue;
      }
      tally.failed++;
      if (error instanceof PermanentDeliveryError) {
        ledger.finish(platform, chatId, slot, 'failed', `permanent: ${message}`, clock.now());
        deps.onPermanentFailure(job, message);
        tally.deactivated++;
        deps.logger.warn({ platform, chatId, err: message }, 'digest push: permanent failure, subscriptions deactivated');
      } else {
        // Temporary past its retries, or an unexpected error (a bug): not retried this slot, not deactivated.
        const kind = error instanceof TemporaryDeliveryError ? `temporary after ${attempt} attempts` : 'unexpected';
        ledger.finish(platform, chatId, slot, 'failed', `${kind}: ${message}`, clock.now());
        deps.logger.error({ platform, chatId, err: message }, `digest push failed (${kind})`);
      }
      return;
    }
    deps.afterPublish?.(job);
    ledger.finish(platform, chatId, slot, 'sent', null, clock.now());
    tally.sent++;
    return;
  }
}

/** Thrown by test hooks to stop a run dead, like a crash: the dispatcher records nothing more. */
export class CrashSimulation extends Error {}
