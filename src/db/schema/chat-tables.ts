/** The chat tables: settings, subscriptions, the delivery ledgers, slot runs and the update inbox. */
import type { DeliveryStatus, FilterKind, SubjectKind } from '../../domain/subscription.js';
import { integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** Per-chat settings (reply script). */
export const chatSettings = sqliteTable(
  'chat_settings',
  {
    platform: text('platform').notNull(),
    chatId: text('chat_id').notNull(),
    script: text('script'),
    /** 1 while the chat paused its weekly digest (/pause … /resume). */
    digestPaused: integer('digest_paused').notNull().default(0),
    /** ISO weekday 1–7 and hour 0–23 the chat wants its digest (null: DIGEST_CRON's). */
    digestWeekday: integer('digest_weekday'),
    digestHour: integer('digest_hour'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.chatId] })],
);

/** Weekly-digest subscriptions per chat, with an optional filter. */
export const subscriptions = sqliteTable(
  'subscriptions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    platform: text('platform').notNull(),
    chatId: text('chat_id').notNull(),
    /** '' for everything; otherwise the normalized filter text. */
    filter: text('filter').notNull(),
    filterKind: text('filter_kind').$type<FilterKind>().notNull(),
    filterValue: text('filter_value').notNull(),
    /** A metric or topic that narrows a region/province filter (`/subscribe 四川 提案`); null when none. */
    subjectKind: text('subject_kind').$type<SubjectKind>(),
    subjectValue: text('subject_value'),
    active: integer('active', { mode: 'boolean' }).notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    deactivatedReason: text('deactivated_reason'),
  },
  (t) => [uniqueIndex('subscriptions_chat_filter').on(t.platform, t.chatId, t.filter)],
);

/** Delivery ledger: one row per (subscription, slot); a slot's digest is sent at most once. */
export const deliveries = sqliteTable(
  'deliveries',
  {
    subscriptionId: integer('subscription_id')
      .notNull()
      .references(() => subscriptions.id, { onDelete: 'cascade' }),
    slot: text('slot').notNull(),
    status: text('status').notNull(),
    reportIds: text('report_ids', { mode: 'json' }).$type<number[]>().notNull(),
    attempts: integer('attempts').notNull(),
    error: text('error'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.subscriptionId, t.slot] })],
);

/**
 * Delivery ledger per (chat, slot): ONE merged digest per chat and week. `next_part` counts the parts the
 * platform accepted; `in_flight` is the part being sent (its outcome is unknown if the process dies then).
 */
export const chatDeliveries = sqliteTable(
  'chat_deliveries',
  {
    platform: text('platform').notNull(),
    chatId: text('chat_id').notNull(),
    slot: text('slot').notNull(),
    status: text('status').$type<DeliveryStatus>().notNull(),
    reportIds: text('report_ids', { mode: 'json' }).$type<number[]>().notNull(),
    partsTotal: integer('parts_total').notNull(),
    nextPart: integer('next_part').notNull(),
    inFlight: integer('in_flight'),
    attempts: integer('attempts').notNull(),
    error: text('error'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.platform, t.chatId, t.slot] })],
);

/** Scheduler runs per slot, so start-up can catch up a missed slot. */
export const slotRuns = sqliteTable('slot_runs', {
  slot: text('slot').primaryKey(),
  startedAt: text('started_at').notNull(),
  completedAt: text('completed_at'),
  summary: text('summary'),
});

/**
 * Telegram updates seen: webhook updates are stored here before they are acknowledged, and every handled
 * update_id is recorded, so a redelivery after a crash or a repeated POST is not answered twice.
 */
export const telegramUpdates = sqliteTable('telegram_updates', {
  updateId: integer('update_id').primaryKey(),
  /** The update JSON until it is handled (then null). */
  payload: text('payload'),
  receivedAt: text('received_at').notNull(),
  handledAt: text('handled_at'),
});
