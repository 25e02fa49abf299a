import type { App } from '@slack/bolt';
import { ingestArgument } from '../../src/domain/url.js';
import { toServiceLine, type SlackCommandNames } from './command-names.js';
import { handleIngestCommand } from './ingest-url.js';
import { runAndRespond, type Handling } from './run-command.js';
import type { SlackUploadSettings } from './upload.js';

/** Registers the slash commands: acknowledge first (Slack's 3-second window), then answer via respond(). */
export function registerCommands(app: App, names: SlackCommandNames, h: Handling, uploads: SlackUploadSettings): void {
  for (const key of Object.keys(names) as (keyof SlackCommandNames)[]) {
    app.command(names[key], async ({ command, ack, respond, client }) => {
      await ack();
      const line = toServiceLine(key, command.text ?? '');
      // `/digest ingest <url>` is the adapter's (admins, a fetch), not a service command.
      const url = key === 'digest' ? ingestArgument(line) : null;
      if (url !== null) return handleIngestCommand(h, uploads, command.user_id, command.channel_id, url, respond);
      await runAndRespond(h, line, command.channel_id, respond, client);
    });
  }
}
