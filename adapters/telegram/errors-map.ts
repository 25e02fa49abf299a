import { GrammyError, HttpError } from 'grammy';
import { PermanentDeliveryError, TemporaryDeliveryError } from '../../src/errors.js';

/** What a failed Bot API call means for the chat it was sent to. */
export type SendFailure =
  /** Blocked, kicked, deactivated or deleted: never reachable again. */
  | { kind: 'gone'; reason: string }
  /** The group became a supergroup with a new id. */
  | { kind: 'migrated'; toChatId: string }
  /** Flood control (after auto-retry gave up), server or network trouble. */
  | { kind: 'temporary'; reason: string; retryAfterMs: number | null }
  /** Anything else (a bug: bad HTML, bad parameters). */
  | { kind: 'other'; reason: string };

// Telegram's 400s that mean the chat itself is unreachable (descriptions are stable in practice).
const GONE_400 =
  /chat not found|user not found|peer_id_invalid|chat_write_forbidden|have no rights to send|not enough rights to send|bot was kicked|user is deactivated/i;

/** Classifies an error thrown by a grammY API call. */
export function classifySendError(err: unknown): SendFailure {
  if (err instanceof GrammyError) {
    const migrateTo = err.parameters?.migrate_to_chat_id;
    if (migrateTo !== undefined) return { kind: 'migrated', toChatId: String(migrateTo) };
    if (err.error_code === 403) return { kind: 'gone', reason: err.description };
    if (err.error_code === 400 && GONE_400.test(err.description)) return { kind: 'gone', reason: err.description };
    if (err.error_code === 429 || err.error_code >= 500) {
      const after = err.parameters?.retry_after;
      return { kind: 'temporary', reason: err.description, retryAfterMs: typeof after === 'number' ? after * 1000 : null };
    }
    return { kind: 'other', reason: err.description };
  }
  if (err instanceof HttpError) return { kind: 'temporary', reason: err.message, retryAfterMs: null };
  return { kind: 'other', reason: err instanceof Error ? err.message : String(err) };
}

/**
 * Maps a send error to the Publisher contract: gone → PermanentDeliveryError, flood/network/5xx →
 * TemporaryDeliveryError (with retryAfterMs when Telegram gave one); other errors are returned unchanged.
 */
export function toDeliveryError(err: unknown, chatId: string): unknown {
  const failure = classifySendError(err);
  switch (failure.kind) {
    case 'gone':
      return new PermanentDeliveryError(`telegram chat ${chatId}: ${failure.reason}`, { cause: err });
    case 'temporary':
      return new TemporaryDeliveryError(`telegram chat ${chatId}: ${failure.reason}`, failure.retryAfterMs, { cause: err });
    default:
      return err;
  }
}

/** True when an edit failed only because the new content equals the old one. */
export function isNotModified(err: unknown): boolean {
  return err instanceof GrammyError && /message is not modified/i.test(err.description);
}
