import type { PaceLimits } from '../service/ports.js';

/** Limits for a platform whose adapter declared none (each PlatformAdapter states its own `limits`). */
export const DEFAULT_LIMITS: PaceLimits = { perSecond: 10, perChatGapMs: 1000 };

/**
 * Reserves send times for one platform: sends are spaced 1/perSecond apart overall and perChatGapMs apart
 * per chat. Reservation is synchronous, so concurrent workers never get the same time.
 */
export class Pacer {
  private nextOverall = 0;
  private pausedUntil = 0;
  private readonly nextByChat = new Map<string, number>();

  constructor(private readonly limits: PaceLimits) {}

  /** The earliest time (ms) at or after `nowMs` this chat may be sent to; the time is taken. */
  reserve(chatId: string, nowMs: number): number {
    const at = Math.max(nowMs, this.nextByChat.get(chatId) ?? 0, this.nextOverall);
    if (this.limits.perSecond) this.nextOverall = at + 1000 / this.limits.perSecond;
    if (this.limits.perChatGapMs > 0) this.nextByChat.set(chatId, at + this.limits.perChatGapMs);
    return at;
  }

  /** The platform asked to wait (HTTP 429 retry-after): nothing is sent before `untilMs`. */
  pauseUntil(untilMs: number): void {
    this.nextOverall = Math.max(this.nextOverall, untilMs);
    this.pausedUntil = Math.max(this.pausedUntil, untilMs);
  }

  /** True when a pause came in after the time `atMs` was reserved and covers it: that turn must be taken again. */
  pausedAt(atMs: number): boolean {
    return atMs < this.pausedUntil;
  }
}

/** Exponential backoff for a temporary failure: base·2^(attempt−1), capped, never below the platform's retry-after. */
export function retryDelayMs(attempt: number, retryAfterMs: number | null, baseMs: number, maxMs: number): number {
  const backoff = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.max(backoff, retryAfterMs ?? 0);
}
