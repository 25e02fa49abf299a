import type { ChatContext, Reply } from './reply/reply-model.js';

/** The digest service as adapters see it: a command line in, a reply model out. */
export interface DigestService {
  /** Answers one command line (`/report 资阳 2022`, `report 资阳`, `／compare 提案` …); never throws. */
  handle(line: string, chat: ChatContext): Reply;
  /** Ingests an uploaded report file or an http(s) URL and answers with its digest (admins only). */
  ingestUpload(path: string, chat: ChatContext): Promise<Reply>;
  /** Moves a chat's subscriptions and settings to a new chat id (Telegram group → supergroup). */
  migrateChat(platform: string, fromChatId: string, toChatId: string): void;
  /** Deactivates every subscription of a chat (bot blocked, channel gone). */
  deactivateChat(platform: string, chatId: string, reason: string): void;
}

/** Push port the weekly digest uses; each platform adapter implements it. */
export interface Publisher {
  /** Platform name the publisher serves (`telegram`, `slack`, `console`). */
  readonly platform: string;
  /**
   * Sends a rendered reply to a chat. Throws `PermanentDeliveryError` when the chat can never be reached
   * (blocked, gone, not in channel) and `TemporaryDeliveryError` when a retry may succeed.
   */
  publish(chatId: string, reply: Reply): Promise<void>;
}
