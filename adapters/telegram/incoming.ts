import type { Message } from 'grammy/types';
import type { ReplyTarget } from './send-reply.js';

/**
 * The command line to hand to the service, or null when the message is not for this bot: in groups only
 * commands count (and not those addressed to another bot); in private chats any text does, since the
 * service also understands `报告 资阳`. Our own `@botname` suffix is stripped.
 */
export function commandLine(text: string, chatType: string, botUsername: string): string | null {
  const trimmed = text.trim();
  const m = /^([/／][A-Za-z\u4e00-\u9fff]+)@(\w+)/.exec(trimmed);
  if (m) {
    if (m[2]!.toLowerCase() !== botUsername.toLowerCase()) return null;
    return m[1]! + trimmed.slice(m[0].length);
  }
  if (/^[/／]/.test(trimmed)) return trimmed;
  return chatType === 'private' && trimmed ? trimmed : null;
}

/** Where to answer a message: same chat, same forum topic, quoting it in groups. */
export function targetFor(message: Message): ReplyTarget {
  return {
    chatId: message.chat.id,
    ...(message.is_topic_message && message.message_thread_id !== undefined ? { threadId: message.message_thread_id } : {}),
    ...(message.chat.type !== 'private' ? { replyTo: message.message_id } : {}),
  };
}
