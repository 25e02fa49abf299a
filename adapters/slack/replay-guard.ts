import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

/** How far a request timestamp may be from our clock, either way (Slack's own rule is 5 minutes). */
const MAX_SKEW_SECONDS = 5 * 60;
/** Signatures remembered at most (a flood of forged ones must not grow memory without bound). */
const MAX_REMEMBERED = 20_000;

/** Options of the replay guard. */
export interface ReplayGuardOptions {
  logger: Logger;
  /** Clock in ms (tests pass a fake one). */
  now?: () => number;
}

/**
 * Refuses, before Bolt sees them, requests whose `x-slack-request-timestamp` is more than 5 minutes away in
 * either direction (Bolt only refuses old ones) and requests whose `x-slack-signature` was already seen within
 * the window: the signature covers timestamp and body, so a repeat within the window is a replay.
 * Returns true when the request may go on.
 */
export function createReplayGuard(options: ReplayGuardOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const now = options.now ?? Date.now;
  const seen = new Map<string, number>();
  const forget = (nowMs: number) => {
    for (const [signature, expires] of seen) {
      if (expires > nowMs && seen.size <= MAX_REMEMBERED) break;
      seen.delete(signature);
    }
  };
  return (req, res) => {
    if (req.method !== 'POST') return true;
    const ts = Number(header(req, 'x-slack-request-timestamp'));
    const signature = header(req, 'x-slack-signature');
    // Missing or malformed headers are Bolt's to refuse with its usual answer.
    if (!Number.isFinite(ts) || !signature) return true;
    const nowMs = now();
    if (Math.abs(nowMs / 1000 - ts) > MAX_SKEW_SECONDS) {
      options.logger.warn({ skewSeconds: Math.round(ts - nowMs / 1000) }, 'slack: request timestamp out of the 5-minute window');
      res.writeHead(401).end('stale or future timestamp');
      return false;
    }
    forget(nowMs);
    if (seen.has(signature)) {
      options.logger.warn('slack: replayed request refused');
      res.writeHead(401).end('replayed request');
      return false;
    }
    // Kept until the timestamp itself leaves the window, after which the timestamp check refuses a replay.
    seen.set(signature, (ts + MAX_SKEW_SECONDS) * 1000 + 1000);
    return true;
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
