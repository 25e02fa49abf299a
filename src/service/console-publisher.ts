import type { PaceLimits, Publisher } from './ports.js';
import { renderPlain } from './reply/plain-renderer.js';
import type { Reply } from './reply/reply-model.js';

/** The console has no send limits. */
export const CONSOLE_LIMITS: PaceLimits = { perSecond: null, perChatGapMs: 0 };

/**
 * The console push port: prints the chat id and the digest as plain text. Used by `digest push` for
 * `console:<id>` chats and by the console adapter; `extraLines` adds e.g. chart paths.
 */
export function createConsolePublisher(
  output: NodeJS.WritableStream,
  extraLines: (reply: Reply) => string[] | Promise<string[]> = () => [],
): Publisher {
  return {
    platform: 'console',
    async publish(chatId, reply) {
      output.write(`[推送 → console:${chatId}]\n${[renderPlain(reply), ...(await extraLines(reply))].join('\n')}\n\n`);
    },
  };
}
