import { and, eq, type Placeholder, sql } from 'drizzle-orm';
import type { FilterKind, SubjectKind } from '../domain/subscription.js';
import type { DigestDb } from './open.js';
import { once } from './prepared-lists.js';
import { chatSettings, subscriptions } from './schema.js';

/** A parsed filter: a place (or everything, or a lone metric/topic) and an optional narrowing subject. */
export interface FilterSpec {
  /** Normalized text, unique per chat (`四川省 提案`). */
  filter: string;
  kind: FilterKind;
  value: string;
  subject: { kind: SubjectKind; value: string } | null;
}

/** A stored subscription: its row as the schema types it, without the deactivation reason. */
export type Subscription = Omit<typeof subscriptions.$inferSelect, 'deactivatedReason'>;

const COLUMNS = {
  id: subscriptions.id,
  platform: subscriptions.platform,
  chatId: subscriptions.chatId,
  filter: subscriptions.filter,
  filterKind: subscriptions.filterKind,
  filterValue: subscriptions.filterValue,
  subjectKind: subscriptions.subjectKind,
  subjectValue: subscriptions.subjectValue,
  active: subscriptions.active,
  createdAt: subscriptions.createdAt,
  updatedAt: subscriptions.updatedAt,
};

/** A chat's weekly-digest delivery settings. */
export interface ChatDelivery {
  paused: boolean;
  weekday: number | null;
  hour: number | null;
}

const ofChat = (platform: string, chatId: string) => and(eq(subscriptions.platform, platform), eq(subscriptions.chatId, chatId));
const settingsOf = (platform: string | Placeholder, chatId: string | Placeholder) =>
  and(eq(chatSettings.platform, platform), eq(chatSettings.chatId, chatId));

/** Subscriptions and per-chat settings in SQLite. */
export class SubscriptionStore {
  constructor(private readonly db: DigestDb) {}

  /** Every reply reads it (the reply's script), so it is prepared once: building it per call cost ~26 KB of garbage. */
  private readonly scriptOf = once(() =>
    this.db
      .select({ script: chatSettings.script })
      .from(chatSettings)
      .where(settingsOf(sql.placeholder('platform'), sql.placeholder('chatId')))
      .prepare(),
  );

  /**
   * Creates or re-activates a subscription; returns it and whether it already existed and was active.
   * Re-activation restarts it from now, so a returning chat gets no backlog.
   */
  subscribe(platform: string, chatId: string, spec: FilterSpec, now = new Date()): { sub: Subscription; existed: boolean } {
    const { filter, kind, value } = spec;
    const iso = now.toISOString();
    const one = () =>
      this.db
        .select(COLUMNS)
        .from(subscriptions)
        .where(and(ofChat(platform, chatId), eq(subscriptions.filter, filter)))
        .get();
    const before = one();
    this.db
      .insert(subscriptions)
      .values({
        platform,
        chatId,
        filter,
        filterKind: kind,
        filterValue: value,
        subjectKind: spec.subject?.kind ?? null,
        subjectValue: spec.subject?.value ?? null,
        active: true,
        createdAt: iso,
        updatedAt: iso,
      })
      .onConflictDoUpdate({
        target: [subscriptions.platform, subscriptions.chatId, subscriptions.filter],
        set: {
          active: true,
          // Every right-hand side reads the row before the update: a re-activated subscription restarts now.
          createdAt: sql`CASE WHEN active = 0 THEN excluded.created_at ELSE created_at END`,
          filterKind: sql`excluded.filter_kind`,
          filterValue: sql`excluded.filter_value`,
          subjectKind: sql`excluded.subject_kind`,
          subjectValue: sql`excluded.subject_value`,
          updatedAt: sql`excluded.updated_at`,
          deactivatedReason: null,
        },
      })
      .run();
    return { sub: one()!, existed: before?.active === true };
  }

  /** Removes one filter's subscription, or all of a chat's when `filter` is null; returns how many. */
  unsubscribe(platform: string, chatId: string, filter: string | null): number {
    const where = filter === null ? ofChat(platform, chatId) : and(ofChat(platform, chatId), eq(subscriptions.filter, filter));
    return this.db.delete(subscriptions).where(where).run().changes;
  }

  /** Removes one subscription of a chat by id; returns how many (0 or 1). */
  unsubscribeId(platform: string, chatId: string, id: number): number {
    return this.db
      .delete(subscriptions)
      .where(and(ofChat(platform, chatId), eq(subscriptions.id, id)))
      .run().changes;
  }

  /** A chat's subscriptions, active and inactive. */
  forChat(platform: string, chatId: string): Subscription[] {
    return this.db.select(COLUMNS).from(subscriptions).where(ofChat(platform, chatId)).orderBy(subscriptions.id).all();
  }

  /** Every active subscription. */
  active(): Subscription[] {
    return this.db.select(COLUMNS).from(subscriptions).where(eq(subscriptions.active, true)).orderBy(subscriptions.id).all();
  }

  /** Deactivates one subscription with a reason (permanent delivery failure). */
  deactivate(id: number, reason: string, now = new Date()): void {
    this.db
      .update(subscriptions)
      .set({ active: false, deactivatedReason: reason, updatedAt: now.toISOString() })
      .where(eq(subscriptions.id, id))
      .run();
  }

  /** Deactivates every subscription of a chat. */
  deactivateChat(platform: string, chatId: string, reason: string, now = new Date()): number {
    return this.db
      .update(subscriptions)
      .set({ active: false, deactivatedReason: reason, updatedAt: now.toISOString() })
      .where(and(ofChat(platform, chatId), eq(subscriptions.active, true)))
      .run().changes;
  }

  /** Moves subscriptions and settings to a new chat id (a group upgraded to a supergroup). */
  migrateChat(platform: string, from: string, to: string): void {
    // OR IGNORE (no builder form): a filter or setting the new chat already has stays; the old copy goes.
    this.db.transaction((tx) => {
      tx.run(sql`UPDATE OR IGNORE subscriptions SET chat_id = ${to} WHERE platform = ${platform} AND chat_id = ${from}`);
      tx.delete(subscriptions).where(ofChat(platform, from)).run();
      tx.run(sql`UPDATE OR IGNORE chat_settings SET chat_id = ${to} WHERE platform = ${platform} AND chat_id = ${from}`);
      tx.delete(chatSettings).where(settingsOf(platform, from)).run();
    });
  }

  /** The reply script a chat chose with /lang, or null. */
  chatScript(platform: string, chatId: string): 'simplified' | 'traditional' | null {
    const row = this.scriptOf().get({ platform, chatId });
    return row?.script === 'traditional' || row?.script === 'simplified' ? row.script : null;
  }

  /** A chat's delivery settings: paused, and its own weekday (1–7, Monday 1) and hour (null: the default). */
  chatDelivery(platform: string, chatId: string): ChatDelivery {
    const row = this.db
      .select({ paused: chatSettings.digestPaused, weekday: chatSettings.digestWeekday, hour: chatSettings.digestHour })
      .from(chatSettings)
      .where(settingsOf(platform, chatId))
      .get();
    return { paused: row?.paused === 1, weekday: row?.weekday ?? null, hour: row?.hour ?? null };
  }

  /** Pauses or resumes a chat's weekly digest. */
  setPaused(platform: string, chatId: string, paused: boolean, now = new Date()): void {
    this.upsertSettings(platform, chatId, { digestPaused: paused ? 1 : 0 }, now);
  }

  /** Sets (or, with nulls, clears) a chat's own digest weekday and hour. */
  setSchedule(platform: string, chatId: string, weekday: number | null, hour: number | null, now = new Date()): void {
    this.upsertSettings(platform, chatId, { digestWeekday: weekday, digestHour: hour }, now);
  }

  /** Stores a chat's reply script. */
  setChatScript(platform: string, chatId: string, script: 'simplified' | 'traditional', now = new Date()): void {
    this.upsertSettings(platform, chatId, { script }, now);
  }

  /** Inserts a chat's settings row or updates just `values` (and the time) in it. */
  private upsertSettings(
    platform: string,
    chatId: string,
    values: Partial<Pick<typeof chatSettings.$inferInsert, 'script' | 'digestPaused' | 'digestWeekday' | 'digestHour'>>,
    now: Date,
  ): void {
    const updatedAt = now.toISOString();
    this.db
      .insert(chatSettings)
      .values({ platform, chatId, ...values, updatedAt })
      .onConflictDoUpdate({ target: [chatSettings.platform, chatSettings.chatId], set: { ...values, updatedAt } })
      .run();
  }
}
