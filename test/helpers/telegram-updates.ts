import type { Chat, Message, Update, User } from 'grammy/types';

/** An update without its id (the stand-in numbers updates when they are queued). */
export type UpdateBody = Omit<Update, 'update_id'>;

/** A message as carried by a `message` update. */
type UpdateMessage = NonNullable<Update['message']>;

/** Where a test message comes from. */
export interface FromOptions {
  chatId?: number;
  chatType?: 'private' | 'group' | 'supergroup';
  userId?: number;
  languageCode?: string;
  /** Forum topic id (sets is_topic_message). */
  threadId?: number;
  messageId?: number;
}

let nextMessageId = 1000;

/** A Telegram user. */
function user(id: number, languageCode = 'zh-hans'): User {
  return { id, is_bot: false, first_name: `user${id}`, language_code: languageCode };
}

/** A chat of the given type. */
function chat(id: number, type: FromOptions['chatType'] = 'private'): Chat {
  return type === 'private'
    ? { id, type: 'private', first_name: `user${id}` }
    : type === 'group'
      ? { id, type: 'group', title: `group${id}` }
      : { id, type: 'supergroup', title: `group${id}`, is_forum: true };
}

function baseMessage(opts: FromOptions): Message {
  const userId = opts.userId ?? 42;
  const chatId = opts.chatId ?? userId;
  return {
    message_id: opts.messageId ?? nextMessageId++,
    date: Math.floor(Date.now() / 1000),
    chat: chat(chatId, opts.chatType ?? 'private'),
    from: user(userId, opts.languageCode),
    ...(opts.threadId !== undefined ? { message_thread_id: opts.threadId, is_topic_message: true } : {}),
  } as Message;
}

/** A text message; a leading `/command` gets its bot_command entity like real clients send. */
export function textMessage(text: string, opts: FromOptions = {}): UpdateBody {
  const command = /^\/\S+/.exec(text);
  return {
    message: {
      ...baseMessage(opts),
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
    } as UpdateMessage,
  };
}

/** A document message (an upload). */
export function documentMessage(
  doc: { fileId: string; fileName: string; fileSize?: number; mimeType?: string },
  opts: FromOptions = {},
): UpdateBody {
  return {
    message: {
      ...baseMessage(opts),
      document: {
        file_id: doc.fileId,
        file_unique_id: `u-${doc.fileId}`,
        file_name: doc.fileName,
        mime_type: doc.mimeType ?? 'text/plain',
        ...(doc.fileSize !== undefined ? { file_size: doc.fileSize } : {}),
      },
    } as UpdateMessage,
  };
}

/** A button press on a message the bot sent earlier. */
export function callbackQuery(
  data: string,
  on: { chatId: number; messageId: number; userId?: number; chatType?: FromOptions['chatType'] },
): UpdateBody {
  const userId = on.userId ?? 42;
  return {
    callback_query: {
      id: `cbq-${nextMessageId++}`,
      from: user(userId),
      chat_instance: 'ci-1',
      data,
      message: {
        message_id: on.messageId,
        date: Math.floor(Date.now() / 1000),
        chat: chat(on.chatId, on.chatType ?? 'private'),
        text: '…',
      } as UpdateMessage,
    },
  };
}

/** The service message a basic group gets when it becomes a supergroup. */
export function migrateMessage(fromChatId: number, toChatId: number): UpdateBody {
  return {
    message: { ...baseMessage({ chatId: fromChatId, chatType: 'group' }), migrate_to_chat_id: toChatId } as UpdateMessage,
  };
}

/** The bot's own membership changed (a private chat's user blocked it: status `kicked`). */
export function myChatMember(
  chatId: number,
  status: 'kicked' | 'left' | 'member',
  chatType: FromOptions['chatType'] = 'private',
): UpdateBody {
  const bot = { id: 777000, is_bot: true, first_name: 'Digest', username: 'digest_test_bot' };
  return {
    my_chat_member: {
      chat: chat(chatId, chatType),
      from: user(chatId > 0 ? chatId : 42),
      date: Math.floor(Date.now() / 1000),
      old_chat_member: { status: 'member', user: bot },
      new_chat_member: status === 'kicked' ? { status, user: bot, until_date: 0 } : { status, user: bot },
    },
  } as UpdateBody;
}
