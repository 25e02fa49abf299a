import type { DigestService, PublishProgress, Publisher } from '../../src/service/ports.js';
import type { Reply } from '../../src/service/reply/reply-model.js';
import { classifySendError, toDeliveryError } from './errors-map.js';
import { countParts, sendReply, type SendDeps } from './send-reply.js';

/**
 * The Telegram push port used by the weekly digest. A blocked/gone chat throws `PermanentDeliveryError`
 * (the caller — the scheduler — deactivates the subscription); flood control after auto-retry gave up,
 * 5xx and network errors throw `TemporaryDeliveryError` (with `retryAfterMs` when Telegram sent one).
 * A group that became a supergroup is migrated in the service here and the push resent to the new id,
 * because no delivery error expresses “moved”. Other API errors (bugs) are rethrown unchanged.
 */
export function createTelegramPublisher(deps: SendDeps & { service: DigestService }): Publisher {
  const send = async (chatId: string, reply: Reply, progress?: PublishProgress): Promise<void> => {
    await sendReply(deps, { chatId }, reply, progress);
  };
  return {
    platform: 'telegram',
    countParts: (reply) => countParts(deps, reply),
    async publish(chatId: string, reply: Reply, progress?: PublishProgress): Promise<void> {
      try {
        await send(chatId, reply, progress);
      } catch (err) {
        const failure = classifySendError(err);
        if (failure.kind !== 'migrated') throw toDeliveryError(err, chatId);
        deps.logger.info({ chatId, to: failure.toChatId }, 'telegram push: group migrated to supergroup');
        deps.service.migrateChat('telegram', chatId, failure.toChatId);
        try {
          await send(failure.toChatId, reply, progress);
        } catch (again) {
          throw toDeliveryError(again, failure.toChatId);
        }
      }
    },
  };
}
