import type { PublishProgress } from '../../src/service/ports.js';
import type { RespondFn, webApi } from '@slack/bolt';
import type { Reply } from '../../src/service/reply/reply-model.js';
import { SLACK_LIMITS } from './limits.js';
import { splitReply } from './split-blocks.js';

/** Errors and help are shown only to the asker; digests are for the whole channel. */
export function visibilityOf(reply: Reply): 'in_channel' | 'ephemeral' {
  return reply.kind === 'error' || reply.kind === 'help' ? 'ephemeral' : 'in_channel';
}

/** Answers through a response_url (slash command or button): one call per message, at most five. */
export async function respondReply(respond: RespondFn, reply: Reply): Promise<void> {
  const response_type = visibilityOf(reply);
  for (const message of splitReply(reply, { maxMessages: SLACK_LIMITS.responsesPerUrl })) {
    await respond({ response_type, replace_original: false, blocks: message.blocks, text: message.text });
  }
}

/** Where a posted reply goes. */
export interface PostTarget {
  channel: string;
  /** Reply in this thread (mentions inside a thread). */
  threadTs?: string;
  /** Post privately to this user (errors and help answering a mention). */
  ephemeralUser?: string;
}

/** Most messages one pushed or posted reply may take; longer replies are cut with a note. */
const MAX_POSTED_MESSAGES = 10;

/** Posts a reply with chat.postMessage (or chat.postEphemeral), one call per message, in order. */
export async function postReply(
  client: webApi.WebClient,
  target: PostTarget,
  reply: Reply,
  progress?: PublishProgress,
): Promise<void> {
  const messages = splitReply(reply, { maxMessages: MAX_POSTED_MESSAGES });
  for (const [i, message] of messages.entries()) {
    // Pushes resume at the part that failed (parts before it were accepted by Slack).
    if (progress && i < progress.fromPart) continue;
    progress?.sending(i);
    const common = {
      channel: target.channel,
      blocks: message.blocks,
      text: message.text,
      ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
    };
    if (target.ephemeralUser) await client.chat.postEphemeral({ ...common, user: target.ephemeralUser });
    else await client.chat.postMessage({ ...common, unfurl_links: false, unfurl_media: false });
    progress?.sent(i, messages.length);
  }
}

/** Messages `postReply` posts for a reply. */
export function countPostedParts(reply: Reply): number {
  return splitReply(reply, { maxMessages: MAX_POSTED_MESSAGES }).length;
}
