import type { App } from '@slack/bolt';
import { uploadAttachments } from './attachments.js';
import { postReply, visibilityOf } from './deliver.js';
import { unescapeSlack, withSlackNames } from './command-names.js';
import { slackChat, type Handling } from './run-command.js';

/**
 * The command line in a mention: the bot's mention removed (any bot mention if the id is unknown) and
 * Slack's `&amp;`/`&lt;`/`&gt;` encoding undone; an empty mention asks for help.
 */
export function stripMention(text: string, botUserId?: string): string {
  const mention = botUserId ? new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g') : /^\s*<@[UW][A-Z0-9]+(?:\|[^>]*)?>/;
  const line = unescapeSlack(text.replace(mention, ' '))
    .replace(/[ \t]+/g, ' ')
    .trim();
  return line || '/help';
}

/** Registers `@bot report 资阳 2022`: answers in the mention's thread; errors and help privately. */
export function registerMention(app: App, h: Handling): void {
  app.event('app_mention', async ({ event, context, client }) => {
    const line = stripMention(event.text, context.botUserId);
    const reply = withSlackNames(h.service.handle(line, slackChat(event.channel)), h.names);
    const privately = visibilityOf(reply) === 'ephemeral' && event.user;
    // A mention starts (or continues) a thread, so the answer stays with the question.
    const threadTs = event.thread_ts ?? event.ts;
    await postReply(
      client,
      {
        channel: event.channel,
        threadTs,
        ...(privately && event.user ? { ephemeralUser: event.user } : {}),
      },
      reply,
    );
    if (!privately) await uploadAttachments(client, event.channel, reply, h.renderers, h.log, threadTs);
  });
}
