import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { PublishProgress, Publisher } from '../../src/service/ports.js';
import type { Reply } from '../../src/service/reply/reply-model.js';
import { uploadAttachments, type AttachmentRenderers } from './attachments.js';
import { DEFAULT_COMMAND_NAMES, type SlackCommandNames, withSlackNames } from './command-names.js';
import { countPostedParts, postReply } from './deliver.js';
import { toDeliveryError } from './errors-map.js';

/**
 * The weekly-digest push for Slack: chat.postMessage into the channel through a client that does not retry
 * (the dispatcher is the one retry layer and paces on a 429's Retry-After); Slack errors become
 * PermanentDeliveryError / TemporaryDeliveryError.
 */
export function createSlackPublisher(
  client: webApi.WebClient,
  renderers: AttachmentRenderers,
  log: Logger,
  names: SlackCommandNames = DEFAULT_COMMAND_NAMES,
): Publisher {
  return {
    platform: 'slack',
    // Attachments (chart, CSV) are uploaded after the messages and are not counted as parts: a digest has none.
    countParts: (reply) => countPostedParts(withSlackNames(reply, names)),
    async publish(chatId: string, reply: Reply, progress?: PublishProgress): Promise<void> {
      try {
        await postReply(client, { channel: chatId }, withSlackNames(reply, names), progress);
      } catch (error) {
        const mapped = toDeliveryError(error, chatId);
        log.warn({ channel: chatId, code: mapped.code, err: error }, 'slack: push failed');
        throw mapped;
      }
      await uploadAttachments(client, chatId, reply, renderers, log);
    },
  };
}
