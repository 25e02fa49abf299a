import type { Api, Bot } from 'grammy';
import { lineChangesChat } from '../../src/service/commands/parse-command.js';
import { chatContext, deliver, noticeReply, type DeliverDeps } from './deliver.js';
import { isNotModified } from './errors-map.js';
import { buildKeyboard } from './keyboard.js';
import { commandLine, targetFor } from './incoming.js';
import { renderMessages } from './send-reply.js';
import { ingestArgument } from '../../src/domain/url.js';
import { handleIngestCommand } from './ingest-url.js';
import { handleUpload, type UploadDeps } from './upload.js';

/** Everything the update handlers need. */
export type HandlerDeps = DeliverDeps & UploadDeps;

/** Wires commands, button presses, uploads and chat-membership changes onto the bot. */
export function registerHandlers(bot: Bot, deps: HandlerDeps): void {
  bot.on('message:text', async (ctx) => {
    const line = commandLine(ctx.message.text, ctx.chat.type, ctx.me.username);
    if (line === null) return;
    const ingest = ingestArgument(line);
    if (ingest !== null) return handleIngestCommand(deps, ctx.message, ingest);
    const canManage = await mayChange(ctx.api, ctx.chat, ctx.from?.id, line);
    const reply = deps.service.handle(line, { ...chatContext(ctx.chat.id, ctx.chat.type), ...(canManage ? {} : { canManage }) });
    await deliver(deps, targetFor(ctx.message), reply);
  });

  bot.on('message:document', (ctx) => handleUpload(deps, ctx.message));

  bot.on('callback_query:data', async (ctx) => {
    const command = deps.callbacks.decode(ctx.callbackQuery.data);
    // Answer first: the client shows a spinner until then, and a long reply may take several API calls.
    await ctx.answerCallbackQuery(command ? {} : { text: '按钮已过期,请重新发送命令。' }).catch((err: unknown) => {
      deps.logger.warn({ err }, 'answerCallbackQuery failed');
    });
    const message = ctx.callbackQuery.message;
    if (!command || !message) return;
    const canManage = await mayChange(ctx.api, message.chat, ctx.callbackQuery.from.id, command);
    const reply = deps.service.handle(command, {
      ...chatContext(message.chat.id, message.chat.type),
      ...(canManage ? {} : { canManage }),
    });
    const messages = renderMessages(reply);
    // A date of 0 marks an inaccessible (too old) message, which cannot be edited.
    if (messages.length === 1 && !reply.chart && !reply.csv && message.date !== 0) {
      try {
        const keyboard = buildKeyboard(reply.actions, deps.callbacks);
        await ctx.api.editMessageText(message.chat.id, message.message_id, messages[0]!, {
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
          ...(keyboard ? { reply_markup: keyboard } : {}),
        });
        return;
      } catch (err) {
        if (isNotModified(err)) return;
        deps.logger.info({ err }, 'edit failed; answering below instead');
      }
    }
    const thread = 'is_topic_message' in message && message.is_topic_message ? message.message_thread_id : undefined;
    await deliver(deps, { chatId: message.chat.id, ...(thread !== undefined ? { threadId: thread } : {}) }, reply);
  });

  bot.on('message:migrate_to_chat_id', (ctx) => {
    deps.service.migrateChat('telegram', String(ctx.chat.id), String(ctx.message.migrate_to_chat_id));
  });

  bot.on('my_chat_member', (ctx) => {
    const status = ctx.myChatMember.new_chat_member.status;
    // 'kicked' in a private chat means the user blocked the bot.
    if (status === 'kicked' || status === 'left') {
      deps.service.deactivateChat('telegram', String(ctx.chat.id), `bot ${status}`);
    }
  });

  bot.on('message', async (ctx, next) => {
    if (ctx.chat.type === 'private' && (ctx.message.photo || ctx.message.sticker || ctx.message.voice)) {
      await deliver(
        deps,
        targetFor(ctx.message),
        noticeReply('请发送文字命令,例如 /report 资阳 2022。发送 /help 查看全部命令。', 'help'),
      );
      return;
    }
    await next();
  });
}

/**
 * In groups and channels only admins change the chat's subscriptions and /lang: the sender's getChatMember
 * status must be creator or administrator. Private chats and read-only commands need no check.
 */
async function mayChange(
  api: Api,
  chat: { id: number; type: string },
  userId: number | undefined,
  line: string,
): Promise<boolean> {
  if (chat.type === 'private' || !lineChangesChat(line)) return true;
  if (userId === undefined) return false;
  try {
    const member = await api.getChatMember(chat.id, userId);
    return member.status === 'creator' || member.status === 'administrator';
  } catch {
    return false;
  }
}
