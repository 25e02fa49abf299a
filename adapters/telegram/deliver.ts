import type { DigestService } from '../../src/service/ports.js';
import type { ChatContext, Reply } from '../../src/service/reply/reply-model.js';
import { classifySendError } from './errors-map.js';
import { sendReply, type ReplyTarget, type SendDeps } from './send-reply.js';

/** Sending plus the service, for answers to users (as opposed to pushes). */
export interface DeliverDeps extends SendDeps {
  service: DigestService;
}

/** The service's chat identity for a Telegram chat id; `chatType` `private` makes it a one-to-one chat. */
export function chatContext(chatId: number | string, chatType?: string): ChatContext {
  return { platform: 'telegram', chatId: String(chatId), ...(chatType === 'private' ? { direct: true } : {}) };
}

/**
 * Answers a user and never throws: a chat that blocked the bot or is gone is deactivated in the service,
 * a group that became a supergroup is migrated and the answer resent there, anything else is logged.
 */
export async function deliver(deps: DeliverDeps, target: ReplyTarget, reply: Reply): Promise<void> {
  try {
    await sendReply(deps, target, reply);
  } catch (err) {
    await handleDeliveryFailure(deps, target, reply, err);
  }
}

async function handleDeliveryFailure(deps: DeliverDeps, target: ReplyTarget, reply: Reply, err: unknown): Promise<void> {
  const chatId = String(target.chatId);
  const failure = classifySendError(err);
  switch (failure.kind) {
    case 'gone':
      deps.logger.info({ chatId, reason: failure.reason }, 'telegram chat unreachable: deactivating');
      deps.service.deactivateChat('telegram', chatId, failure.reason);
      return;
    case 'migrated':
      deps.logger.info({ chatId, to: failure.toChatId }, 'telegram group migrated to supergroup');
      deps.service.migrateChat('telegram', chatId, failure.toChatId);
      try {
        // The original message and topic live in the old chat, so the resend is a plain message.
        await sendReply(deps, { chatId: failure.toChatId }, reply);
      } catch (again) {
        deps.logger.warn({ err: again, chatId: failure.toChatId }, 'telegram resend after migration failed');
      }
      return;
    default:
      deps.logger.warn({ err, chatId, kind: failure.kind }, 'telegram answer failed');
  }
}

export { noticeReply } from '../../src/service/reply/notice-reply.js';
