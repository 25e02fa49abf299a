import type { Logger } from 'pino';

/** Backoff of a start-up call while its service is unreachable. */
export interface StartBackoffOptions {
  logger: Logger;
  /** Named in the log lines, e.g. `telegram API`. */
  what: string;
  /** Which failures mean "unreachable, try again" (others, like a bad token, fail at once). */
  retryIf: (err: unknown) => boolean;
  /** Aborting ends the waiting: the function then resolves false. */
  signal?: AbortSignal;
  /** First wait in ms; default 1000. */
  firstDelayMs?: number;
  /** Longest wait in ms; default 60000. */
  maxDelayMs?: number;
}

/**
 * Runs `call` until it succeeds, logging each unreachable attempt and waiting 1 s, 2 s, 4 s … up to a minute.
 * Resolves true once it succeeded, false when aborted; rethrows failures `retryIf` does not accept.
 */
export async function startWithBackoff(call: () => Promise<unknown>, opts: StartBackoffOptions): Promise<boolean> {
  let delay = opts.firstDelayMs ?? 1000;
  const max = opts.maxDelayMs ?? 60_000;
  for (let attempt = 1; ; attempt++) {
    if (opts.signal?.aborted) return false;
    try {
      await call();
      if (attempt > 1) opts.logger.info({ attempt }, `${opts.what} reachable again`);
      return true;
    } catch (err) {
      if (!opts.retryIf(err) || opts.signal?.aborted) {
        if (opts.signal?.aborted) return false;
        throw err;
      }
      opts.logger.warn({ err, attempt, retryInMs: delay }, `${opts.what} unreachable at start; retrying`);
    }
    await sleep(delay, opts.signal);
    delay = Math.min(max, delay * 2);
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
