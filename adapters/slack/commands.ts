import type { App } from '@slack/bolt';
import { toServiceLine, type SlackCommandNames } from './command-names.js';
import { runAndRespond, type Handling } from './run-command.js';

/** Registers the slash commands: acknowledge first (Slack's 3-second window), then answer via respond(). */
export function registerCommands(app: App, names: SlackCommandNames, h: Handling): void {
  for (const key of Object.keys(names) as (keyof SlackCommandNames)[]) {
    app.command(names[key], async ({ command, ack, respond, client }) => {
      await ack();
      await runAndRespond(h, toServiceLine(key, command.text ?? ''), command.channel_id, respond, client);
    });
  }
}
