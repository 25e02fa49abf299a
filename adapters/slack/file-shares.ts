import type { App } from '@slack/bolt';
import type { Handling } from './run-command.js';
import { type FileShareEvent, handleFileShare, type SlackUploadSettings } from './upload.js';

/** Registers the `message` events with subtype `file_share` (a file sent to the bot in a DM or a channel). */
export function registerFileShares(app: App, h: Handling, uploads: SlackUploadSettings): void {
  app.event('message', async ({ event, client }) => {
    if (event.subtype !== 'file_share') return;
    await handleFileShare(h, uploads, client, event as unknown as FileShareEvent);
  });
}
