import type { FetchOptions } from '../ingest/fetch/fetch-url.js';
import type { Logger } from 'pino';
import pino from 'pino';
import type { DigestDb } from '../db/open.js';
import { reportIdForFile } from '../db/report-writer.js';
import { type IngestSummary, ingestPaths } from '../ingest/ingest-batch.js';
import type { UploadedFile } from '../domain/upload.js';
import { DigestError, IngestError } from '../errors.js';
import { keywordsDirty, scheduleKeywordRefresh } from '../ingest/refresh-keywords.js';
import { compareCommand } from './commands/compare-command.js';
import { metricsCommand, sectionsCommand, sourceCommand } from './commands/detail-commands.js';
import { helpCommand } from './commands/help-command.js';
import { listCommand } from './commands/list-command.js';
import { changesChat, parseCommand, type ParsedCommand } from './commands/parse-command.js';
import { reportCommand, reportDigest } from './commands/report-command.js';
import { chatScheduleText, scheduleCommand } from './commands/schedule-command.js';
import { searchCommand } from './commands/search-command.js';
import {
  langCommand,
  pauseCommand,
  subscribeCommand,
  subscriptionsCommand,
  unsubscribeCommand,
} from './commands/subscribe-commands.js';
import { adminOnlyReply } from './subscriptions/chat-permissions.js';
import { previewCommand } from '../scheduler/preview.js';
import { trendCommand } from './commands/trend-command.js';
import { createDigestReads } from './digest-reads.js';
import type { DigestReads, DigestService } from './ports.js';
import { ReportStore } from '../db/report-store.js';
import { isTraditional, simplifiedForm } from '../script/chinese-script.js';
import { replyToTraditional } from './reply/traditional.js';
import { errorReply } from './reply/error-reply.js';
import type { ChatContext, Reply } from './reply/reply-model.js';
import { SubscriptionStore } from '../db/subscription-store.js';

/** What the digest service needs. */
export interface DigestServiceOptions {
  db: DigestDb;
  logger?: Logger;
  /** Clock for subscription timestamps (tests pass a fake one). */
  now?: () => Date;
  /** When weekly digests go out, in words (e.g. 每周一 09:00(北京时间)). */
  scheduleText?: string;
  /** Limits and SSRF allow-list for `/ingest <url>` (admins); default: public addresses only. */
  fetch?: FetchOptions;
  /** DIGEST_TZ, for the week /preview shows and /schedule's times. Default Asia/Shanghai. */
  timezone?: string;
  /** DIGEST_CRON, the delivery time of chats without their own /schedule. Default `0 9 * * 1`. */
  cron?: string;
}

/** Creates the transport-free digest service: command line in, reply model out, from SQLite only. */
export function createDigestService(options: DigestServiceOptions): DigestService & {
  store: ReportStore;
  reads: DigestReads;
  subscriptions: SubscriptionStore;
  keywordsReady: Promise<void>;
} {
  const store = new ReportStore(options.db);
  const reads = createDigestReads(store);
  const subs = new SubscriptionStore(options.db);
  const log = options.logger ?? pino({ level: 'silent' });
  const now = options.now ?? (() => new Date());
  const scheduleDefaults = { cron: options.cron ?? '0 9 * * 1', timezone: options.timezone ?? 'Asia/Shanghai' };
  const whenFor = (chat: ChatContext) =>
    chatScheduleText(subs, chat.platform, chat.chatId, scheduleDefaults, options.scheduleText);
  // A previous process committed reports but stopped before re-ranking their keywords: finish that now.
  const keywordsReady = keywordsDirty(options.db)
    ? scheduleKeywordRefresh(options.db, (err) => log.error({ err }, 'keyword refresh failed'))
    : Promise.resolve();

  /** One file, URL or uploaded file ingested and answered with its digest; `pathOf` finds where it was stored. */
  const ingestOne = async (
    input: string | UploadedFile,
    name: string,
    chat: ChatContext,
    pathOf: (summary: IngestSummary) => string | undefined,
  ): Promise<Reply> => {
    // Keyword re-ranking runs after the reply, in short steps, not on this request.
    const summary = await ingestPaths(options.db, [input], undefined, { fetch: options.fetch, deferKeywords: true });
    if (summary.ingested) void scheduleKeywordRefresh(options.db, (err) => log.error({ err }, 'keyword refresh failed'));
    const skipped = summary.skipped[0];
    if (skipped) return errorReply(new IngestError(name, skipped.reason), '');
    const path = pathOf(summary);
    const id = path === undefined ? undefined : reportIdForFile(options.db, path);
    const report = id === undefined ? undefined : store.reportById(id);
    if (!report) return errorReply(new IngestError(name, '导入后未找到报告'), '');
    const digest = reportDigest(store, report, summary.ingested ? '已导入这份报告。' : '这份报告此前已导入,内容未变。');
    return inScript(digest, chat, '');
  };

  const dispatch = (cmd: ParsedCommand, chat: ChatContext): Reply => {
    const args = cmd.args.map(simplifiedForm);
    if (chat.canManage === false && changesChat(cmd)) return adminOnlyReply(cmd.name);
    switch (cmd.name) {
      case 'report':
        return reportCommand(store, args);
      case 'compare':
        return compareCommand(store, args);
      case 'trend':
        return trendCommand(store, args);
      case 'search':
        return searchCommand(store, cmd.rest);
      case 'list':
        return listCommand(store, args);
      case 'help':
      case 'start':
        return helpCommand(chat.platform);
      case 'subscribe':
        return subscribeCommand(store, subs, chat.platform, chat.chatId, cmd.rest, now(), whenFor(chat));
      case 'unsubscribe':
        return unsubscribeCommand(store, subs, chat.platform, chat.chatId, cmd.rest);
      case 'subscriptions':
        return subscriptionsCommand(subs, chat.platform, chat.chatId, whenFor(chat));
      case 'pause':
      case 'resume':
        return pauseCommand(subs, chat.platform, chat.chatId, cmd.name === 'pause', now());
      case 'preview':
        return previewCommand(
          { db: options.db, store: reads, subscriptions: subs, empty: 'skip' },
          chat.platform,
          chat.chatId,
          now(),
          options.timezone,
        );
      case 'schedule':
        return scheduleCommand(subs, chat.platform, chat.chatId, cmd.rest, scheduleDefaults, now());
      case 'lang':
        return langCommand(subs, chat.platform, chat.chatId, cmd.rest);
      case 'sections':
        return sectionsCommand(store, args);
      case 'metrics':
        return metricsCommand(store, args);
      case 'source':
        return sourceCommand(store, args);
    }
  };

  const inScript = (reply: Reply, chat: ChatContext, line: string): Reply => {
    const chosen = safe(() => subs.chatScript(chat.platform, chat.chatId), null);
    const script = chosen ?? (isTraditional(line) ? 'traditional' : 'simplified');
    return script === 'traditional' ? replyToTraditional(reply) : reply;
  };

  return {
    store,
    reads,
    subscriptions: subs,
    keywordsReady,
    handle(line, chat) {
      let reply: Reply;
      try {
        reply = dispatch(parseCommand(String(line ?? ''), { plainIsReport: chat.direct === true }), chat);
      } catch (error) {
        // Not a DigestError means a bug or a failing database: log it with its stack (pino's err serializer);
        // the user gets the INTERNAL answer.
        if (!(error instanceof DigestError)) log.error({ err: error, line: String(line).slice(0, 200) }, 'command failed');
        reply = errorReply(error, String(line ?? ''));
      }
      return safe(() => inScript(reply, chat, String(line ?? '').slice(0, 500)), reply);
    },
    ingestUpload: (path, chat) => ingestOne(path, path.split('/').pop() ?? path, chat, () => path),
    ingestFile: (file, chat) => ingestOne(file, file.name, chat, (s) => s.uploads[0]?.path),
    migrateChat(platform, from, to) {
      subs.migrateChat(platform, from, to);
    },
    deactivateChat(platform, chatId, reason) {
      subs.deactivateChat(platform, chatId, reason);
    },
  };
}

function safe<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch {
    return fallback;
  }
}
