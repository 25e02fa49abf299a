import type { DigestDb } from '../../db/open.js';

/** What a subscription's filter selects. */
export type FilterKind = 'all' | 'region' | 'province' | 'metric' | 'topic';

/** A metric or topic narrowing a place filter. */
export type SubjectKind = 'metric' | 'topic';

/** A parsed filter: a place (or everything, or a lone metric/topic) and an optional narrowing subject. */
export interface FilterSpec {
  /** Normalized text, unique per chat (`四川省 提案`). */
  filter: string;
  kind: FilterKind;
  value: string;
  subject: { kind: SubjectKind; value: string } | null;
}

/** A stored subscription. */
export interface Subscription {
  id: number;
  platform: string;
  chatId: string;
  filter: string;
  filterKind: FilterKind;
  filterValue: string;
  /** Set when a region/province filter is narrowed by a metric or topic. */
  subjectKind: SubjectKind | null;
  subjectValue: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

const COLUMNS = `id, platform, chat_id AS chatId, filter, filter_kind AS filterKind, filter_value AS filterValue,
  subject_kind AS subjectKind, subject_value AS subjectValue, active, created_at AS createdAt, updated_at AS updatedAt`;

type Raw = Omit<Subscription, 'active'> & { active: number };
const toSub = (r: Raw): Subscription => ({ ...r, active: r.active === 1 });

/** A chat's weekly-digest delivery settings. */
export interface ChatDelivery {
  paused: boolean;
  weekday: number | null;
  hour: number | null;
}

/** Subscriptions and per-chat settings in SQLite. */
export class SubscriptionStore {
  constructor(private readonly db: DigestDb) {}

  /**
   * Creates or re-activates a subscription; returns it and whether it already existed and was active.
   * Re-activation restarts it from now, so a returning chat gets no backlog.
   */
  subscribe(platform: string, chatId: string, spec: FilterSpec, now = new Date()): { sub: Subscription; existed: boolean } {
    const { filter, kind, value } = spec;
    const c = this.db.$client;
    const iso = now.toISOString();
    const before = c
      .prepare(`SELECT ${COLUMNS} FROM subscriptions WHERE platform = ? AND chat_id = ? AND filter = ?`)
      .get(platform, chatId, filter) as Raw | undefined;
    c.prepare(
      `INSERT INTO subscriptions(platform, chat_id, filter, filter_kind, filter_value, subject_kind, subject_value, active,
         created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
       ON CONFLICT(platform, chat_id, filter) DO UPDATE SET active = 1,
         created_at = CASE WHEN active = 0 THEN excluded.created_at ELSE created_at END,
         filter_kind = excluded.filter_kind, filter_value = excluded.filter_value,
         subject_kind = excluded.subject_kind, subject_value = excluded.subject_value,
         updated_at = excluded.updated_at, deactivated_reason = NULL`,
    ).run(platform, chatId, filter, kind, value, spec.subject?.kind ?? null, spec.subject?.value ?? null, iso, iso);
    const sub = c
      .prepare(`SELECT ${COLUMNS} FROM subscriptions WHERE platform = ? AND chat_id = ? AND filter = ?`)
      .get(platform, chatId, filter) as Raw;
    return { sub: toSub(sub), existed: before?.active === 1 };
  }

  /** Removes one filter's subscription, or all of a chat's when `filter` is null; returns how many. */
  unsubscribe(platform: string, chatId: string, filter: string | null): number {
    const c = this.db.$client;
    if (filter === null)
      return c.prepare('DELETE FROM subscriptions WHERE platform = ? AND chat_id = ?').run(platform, chatId).changes;
    return c.prepare('DELETE FROM subscriptions WHERE platform = ? AND chat_id = ? AND filter = ?').run(platform, chatId, filter)
      .changes;
  }

  /** Removes one subscription of a chat by id; returns how many (0 or 1). */
  unsubscribeId(platform: string, chatId: string, id: number): number {
    return this.db.$client
      .prepare('DELETE FROM subscriptions WHERE platform = ? AND chat_id = ? AND id = ?')
      .run(platform, chatId, id).changes;
  }

  /** A chat's subscriptions, active and inactive. */
  forChat(platform: string, chatId: string): Subscription[] {
    return (
      this.db.$client
        .prepare(`SELECT ${COLUMNS} FROM subscriptions WHERE platform = ? AND chat_id = ? ORDER BY id`)
        .all(platform, chatId) as Raw[]
    ).map(toSub);
  }

  /** Every active subscription. */
  active(): Subscription[] {
    return (this.db.$client.prepare(`SELECT ${COLUMNS} FROM subscriptions WHERE active = 1 ORDER BY id`).all() as Raw[]).map(
      toSub,
    );
  }

  /** Deactivates one subscription with a reason (permanent delivery failure). */
  deactivate(id: number, reason: string, now = new Date()): void {
    this.db.$client
      .prepare('UPDATE subscriptions SET active = 0, deactivated_reason = ?, updated_at = ? WHERE id = ?')
      .run(reason, now.toISOString(), id);
  }

  /** Deactivates every subscription of a chat. */
  deactivateChat(platform: string, chatId: string, reason: string, now = new Date()): number {
    return this.db.$client
      .prepare(
        'UPDATE subscriptions SET active = 0, deactivated_reason = ?, updated_at = ? WHERE platform = ? AND chat_id = ? AND active = 1',
      )
      .run(reason, now.toISOString(), platform, chatId).changes;
  }

  /** Moves subscriptions and settings to a new chat id (a group upgraded to a supergroup). */
  migrateChat(platform: string, from: string, to: string): void {
    const c = this.db.$client;
    this.db.transaction(() => {
      c.prepare('UPDATE OR IGNORE subscriptions SET chat_id = ? WHERE platform = ? AND chat_id = ?').run(to, platform, from);
      c.prepare('DELETE FROM subscriptions WHERE platform = ? AND chat_id = ?').run(platform, from);
      c.prepare('UPDATE OR IGNORE chat_settings SET chat_id = ? WHERE platform = ? AND chat_id = ?').run(to, platform, from);
      c.prepare('DELETE FROM chat_settings WHERE platform = ? AND chat_id = ?').run(platform, from);
    });
  }

  /** The reply script a chat chose with /lang, or null. */
  chatScript(platform: string, chatId: string): 'simplified' | 'traditional' | null {
    const row = this.db.$client
      .prepare('SELECT script FROM chat_settings WHERE platform = ? AND chat_id = ?')
      .get(platform, chatId) as { script: string | null } | undefined;
    return row?.script === 'traditional' || row?.script === 'simplified' ? row.script : null;
  }

  /** A chat's delivery settings: paused, and its own weekday (1–7, Monday 1) and hour (null: the default). */
  chatDelivery(platform: string, chatId: string): ChatDelivery {
    const row = this.db.$client
      .prepare(
        'SELECT digest_paused AS paused, digest_weekday AS weekday, digest_hour AS hour FROM chat_settings WHERE platform = ? AND chat_id = ?',
      )
      .get(platform, chatId) as { paused: number; weekday: number | null; hour: number | null } | undefined;
    return { paused: row?.paused === 1, weekday: row?.weekday ?? null, hour: row?.hour ?? null };
  }

  /** Pauses or resumes a chat's weekly digest. */
  setPaused(platform: string, chatId: string, paused: boolean, now = new Date()): void {
    this.db.$client
      .prepare(
        `INSERT INTO chat_settings(platform, chat_id, digest_paused, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(platform, chat_id) DO UPDATE SET digest_paused = excluded.digest_paused, updated_at = excluded.updated_at`,
      )
      .run(platform, chatId, paused ? 1 : 0, now.toISOString());
  }

  /** Sets (or, with nulls, clears) a chat's own digest weekday and hour. */
  setSchedule(platform: string, chatId: string, weekday: number | null, hour: number | null, now = new Date()): void {
    this.db.$client
      .prepare(
        `INSERT INTO chat_settings(platform, chat_id, digest_weekday, digest_hour, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(platform, chat_id) DO UPDATE SET digest_weekday = excluded.digest_weekday,
           digest_hour = excluded.digest_hour, updated_at = excluded.updated_at`,
      )
      .run(platform, chatId, weekday, hour, now.toISOString());
  }

  /** Stores a chat's reply script. */
  setChatScript(platform: string, chatId: string, script: 'simplified' | 'traditional', now = new Date()): void {
    this.db.$client
      .prepare(
        `INSERT INTO chat_settings(platform, chat_id, script, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(platform, chat_id) DO UPDATE SET script = excluded.script, updated_at = excluded.updated_at`,
      )
      .run(platform, chatId, script, now.toISOString());
  }
}
