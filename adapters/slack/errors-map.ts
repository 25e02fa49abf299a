import { webApi } from '@slack/bolt';
import { PermanentDeliveryError, TemporaryDeliveryError } from '../../src/errors.js';

/**
 * Slack errors meaning this channel will never accept our messages: the subscription should be deactivated.
 * Token-wide failures (invalid_auth, token_revoked) are deliberately absent: they are our configuration,
 * not the chat's fault, and deactivating every subscription over them would lose data.
 */
const PERMANENT = new Set([
  'not_in_channel',
  'channel_not_found',
  'account_inactive',
  'is_archived',
  'channel_is_archived',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'cannot_dm_bot',
  'user_not_found',
  'team_access_not_granted',
  'ekm_access_denied',
]);

/** The WebClient's message once its rate-limit retries are used up (it carries the last Retry-After). */
const RATE_LIMIT_MESSAGE = /rate limit was exceeded.*retry-after: (\d+)/i;

/** Maps a Web API failure onto the Publisher port's delivery errors. */
export function toDeliveryError(error: unknown, channel: string): PermanentDeliveryError | TemporaryDeliveryError {
  if (error instanceof webApi.WebAPIPlatformError) {
    const code = error.data.error;
    if (PERMANENT.has(code)) return new PermanentDeliveryError(`Slack ${channel}: ${code}`, { cause: error });
    return new TemporaryDeliveryError(`Slack ${channel}: ${code}`, null, { cause: error });
  }
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return new TemporaryDeliveryError(`Slack ${channel}: rate limited`, error.retryAfter * 1000, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  const rate = RATE_LIMIT_MESSAGE.exec(message);
  if (rate) return new TemporaryDeliveryError(`Slack ${channel}: rate limited`, Number(rate[1]) * 1000, { cause: error });
  return new TemporaryDeliveryError(`Slack ${channel}: ${message}`, null, { cause: error });
}
