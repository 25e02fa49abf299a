import type { MetricRow, ReportRef, ReportRow } from '../db/report-store.js';
import type { DigestFilter } from '../domain/subscription.js';
import type { UploadedFile } from '../domain/upload.js';
import type { ChatContext, Reply } from './reply/reply-model.js';

export type { MetricRow, ReportRef, ReportRow };

/** The digest service as adapters see it: a command line in, a reply model out. */
export interface DigestService {
  /** Answers one command line (`/report 资阳 2022`, `report 资阳`, `／compare 提案` …); never throws. */
  handle(line: string, chat: ChatContext): Reply;
  /** Ingests a report file on disk or an http(s) URL and answers with its digest (admins only). */
  ingestUpload(path: string, chat: ChatContext): Promise<Reply>;
  /** Ingests a file sent in the chat from its bytes (no temp file) and answers with its digest (admins only). */
  ingestFile(file: UploadedFile, chat: ChatContext): Promise<Reply>;
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
  publish(chatId: string, reply: Reply, progress?: PublishProgress): Promise<void>;
  /**
   * How many parts (messages, files) `publish` sends for this reply. A publisher with this method reports
   * each part through `progress` and starts at `progress.fromPart`; one without it is one part.
   */
  countParts?(reply: Reply): number;
}

/**
 * Per-part progress of a push (a long digest is several messages): the publisher starts at `fromPart` and
 * reports each part before and after the platform accepts it, so a retry or a restart resumes at the failed
 * part instead of sending the earlier ones again. Parts must be rendered deterministically from the reply.
 */
export interface PublishProgress {
  /** Index of the first part to send; parts before it were accepted earlier. */
  fromPart: number;
  /** Called right before part `part` is sent. */
  sending(part: number): void;
  /** Called once the platform accepted part `part` of `total`. */
  sent(part: number, total: number): void;
}

/**
 * A durable inbox of platform updates (Telegram's `update_id`s), so that none is answered twice and none
 * acknowledged is lost: webhook updates are stored before the 200, and every handled id is remembered across
 * restarts. The core keeps it in SQLite; an adapter may use an in-memory one.
 */
export interface UpdateInbox<U extends { update_id: number }> {
  /** Stores an update durably (webhook mode, before acknowledging it); false when its update_id is known. */
  enqueue(update: U): boolean;
  /** True when the update was handled already: its row says so, or it is at or below the last handled id. */
  isHandled(updateId: number): boolean;
  /** Records the update as handled (and forgets its stored body). */
  markHandled(updateId: number): void;
  /** Stored updates not handled yet (left by a crash, or queued behind a slow one), oldest first. */
  pending(limit?: number): U[];
}

/**
 * The service's read API for the weekly scheduler: stored reports and figures, and the service's own reading
 * of metric words and topics, so that a digest selects and shows reports exactly as the commands do.
 */
export interface DigestReads {
  reportById(id: number): ReportRow | undefined;
  /** Reports with `fromIso < ingested_at <= toIso`, oldest first. */
  reportsIngestedBetween(fromIso: string, toIso: string): ReportRow[];
  /** How many reports match any of `filters` (every report when null), counted in SQL as `selectReports` selects. */
  countMatching(filters: readonly DigestFilter[] | null): number;
  /** The report at `offset` among those, in listing order (province, region, year, id); one indexed row read. */
  matchingAt(filters: readonly DigestFilter[] | null, offset: number): ReportRow | undefined;
  /** Ids among `reportIds` (every report when null) with a headline figure of one of `keys` (an indexed read). */
  reportsWithMetric(keys: readonly string[], reportIds: readonly number[] | null): Set<number>;
  /** A report's headline figure of the first of `keys` it has one for, or null. */
  metricFact(reportId: number, keys: readonly string[]): MetricRow | null;
  /** Reports with a headline figure of `key`, and how many of them are larger than `normalized`. */
  metricRank(key: string, normalized: number): { total: number; above: number };
  /** Median normalized figure of `key` over the reports not in `except`, with their count; null when none. */
  metricMedian(key: string, except: readonly number[]): { median: number; count: number } | null;
  /** A report's headline figures in display order, as `/report` shows them (`display`: 36次(届内累计), 64条(存疑:…)). */
  headlineFigures(reportId: number): (MetricRow & { display: string })[];
  /** The metric keys a word names (its metric group's columns, by importance); null when it is a topic. */
  metricKeys(word: string): string[] | null;
  /** Ids among `reportIds` with a paragraph containing every word of `topic`, as `/search` finds them. */
  reportsWithTopic(topic: string, reportIds: readonly number[]): Set<number>;
}

/** Send limits of one platform, which the dispatcher's pacer keeps to. */
export interface PaceLimits {
  /** Messages per second over all chats (null: no overall limit). */
  perSecond: number | null;
  /** Minimum gap between two messages to the same chat, in ms. */
  perChatGapMs: number;
}

/**
 * What every platform adapter (adapters/<name>/create-<name>-adapter.ts) gives the composition root: a
 * lifecycle, the push port, and the platform's published send limits for the scheduler's pacer.
 */
export interface PlatformAdapter {
  /** Starts receiving; resolves once the adapter serves. */
  start(): Promise<void>;
  /** Stops receiving and waits for in-flight work. */
  stop(): Promise<void>;
  readonly publisher: Publisher;
  readonly limits: PaceLimits;
}
