import type { RespondFn, webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { DigestService } from '../../src/service/ports.js';
import type { ChatContext } from '../../src/service/reply/reply-model.js';
import type { AttachmentRenderers } from './attachments.js';
import { uploadAttachments } from './attachments.js';
import { type SlackCommandNames, withSlackNames } from './command-names.js';
import { respondReply, visibilityOf } from './deliver.js';

/** What the Slack handlers share. */
export interface Handling {
  service: DigestService;
  /** The slash command names, for writing the commands a reply names as Slack's. */
  names: SlackCommandNames;
  renderers: AttachmentRenderers;
  log: Logger;
}

/** The service's chat identity for a Slack channel. */
export function slackChat(channelId: string): ChatContext {
  return { platform: 'slack', chatId: channelId };
}

/** Runs a command line for a channel and answers through the response_url, files after the text. */
export async function runAndRespond(
  h: Handling,
  line: string,
  channelId: string,
  respond: RespondFn,
  client: webApi.WebClient,
): Promise<void> {
  const reply = withSlackNames(h.service.handle(line, slackChat(channelId)), h.names);
  h.log.debug({ line, channelId, kind: reply.kind }, 'slack: answering');
  await respondReply(respond, reply);
  if (visibilityOf(reply) === 'in_channel' && channelId) {
    await uploadAttachments(client, channelId, reply, h.renderers, h.log);
  }
}
