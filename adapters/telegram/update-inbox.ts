import type { Update } from 'grammy/types';
import type { DigestDb } from '../../src/db/open.js';

/**
 * Where Telegram updates are recorded so that none is answered twice and none acknowledged is lost: webhook
 * updates are stored before the 200, and every handled update_id is remembered across restarts.
 */
export interface UpdateInbox {
  /** Stores an update durably (webhook mode, before acknowledging it); false when its update_id is known. */
  enqueue(update: Update): boolean;
  /** True when the update was handled already: its row says so, or it is at or below the last handled id. */
  isHandled(updateId: number): boolean;
  /** Records the update as handled (and forgets its stored body). */
  markHandled(updateId: number): void;
  /** Stored updates not handled yet (left by a crash, or queued behind a slow one), oldest first. */
  pending(limit?: number): Update[];
}

/** Handled rows older than this are pruned; Telegram keeps an unconfirmed update for at most 24 hours. */
const KEEP_MS = 3 * 24 * 3600 * 1000;
const PRUNE_EVERY = 200;

/** The inbox in SQLite (table `telegram_updates`), so it survives `kill -9`. */
export function createSqliteInbox(db: DigestDb, now: () => Date = () => new Date()): UpdateInbox {
  const c = db.$client;
  const insert = c.prepare(
    'INSERT INTO telegram_updates (update_id, payload, received_at) VALUES (?, ?, ?) ON CONFLICT(update_id) DO NOTHING',
  );
  const row = c.prepare('SELECT handled_at AS handledAt FROM telegram_updates WHERE update_id = ?');
  const lastHandled = c.prepare('SELECT MAX(update_id) AS id FROM telegram_updates WHERE handled_at IS NOT NULL');
  const handled = c.prepare(
    `INSERT INTO telegram_updates (update_id, payload, received_at, handled_at) VALUES (?, NULL, ?, ?)
     ON CONFLICT(update_id) DO UPDATE SET handled_at = excluded.handled_at, payload = NULL`,
  );
  const pending = c.prepare(
    'SELECT payload FROM telegram_updates WHERE handled_at IS NULL AND payload IS NOT NULL ORDER BY update_id LIMIT ?',
  );
  // The newest handled row is kept: it is the "last handled update_id" that older redeliveries are held against.
  const prune = c.prepare(
    `DELETE FROM telegram_updates WHERE handled_at IS NOT NULL AND handled_at < ?
     AND update_id < (SELECT MAX(update_id) FROM telegram_updates WHERE handled_at IS NOT NULL)`,
  );
  let sincePrune = 0;
  return {
    enqueue: (update) => insert.run(update.update_id, JSON.stringify(update), now().toISOString()).changes === 1,
    isHandled(updateId) {
      const r = row.get(updateId) as { handledAt: string | null } | undefined;
      if (r) return r.handledAt !== null;
      const last = (lastHandled.get() as { id: number | null }).id;
      return last !== null && updateId <= last;
    },
    markHandled(updateId) {
      const at = now().toISOString();
      handled.run(updateId, at, at);
      if (++sincePrune >= PRUNE_EVERY) {
        sincePrune = 0;
        prune.run(new Date(now().getTime() - KEEP_MS).toISOString());
      }
    },
    pending: (limit = 100) => (pending.all(limit) as { payload: string }[]).map((r) => JSON.parse(r.payload) as Update),
  };
}

/** The inbox in memory: de-duplicates within one process (tests, or a bot run without a database). */
export function createMemoryInbox(): UpdateInbox {
  const queued = new Map<number, Update>();
  const done = new Set<number>();
  let last: number | null = null;
  return {
    enqueue(update) {
      if (queued.has(update.update_id) || done.has(update.update_id)) return false;
      queued.set(update.update_id, update);
      return true;
    },
    isHandled: (id) => done.has(id) || (!queued.has(id) && last !== null && id <= last),
    markHandled(id) {
      queued.delete(id);
      done.add(id);
      last = last === null ? id : Math.max(last, id);
    },
    pending: (limit = 100) => [...queued.values()].sort((a, b) => a.update_id - b.update_id).slice(0, limit),
  };
}
