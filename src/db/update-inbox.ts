import type { UpdateInbox } from '../service/ports.js';
import type { DigestDb } from './open.js';

/** Handled rows older than this are pruned; Telegram keeps an unconfirmed update for at most 24 hours. */
const KEEP_MS = 3 * 24 * 3600 * 1000;
const PRUNE_EVERY = 200;

/** The inbox in SQLite (table `telegram_updates`), so it survives `kill -9`. */
export function createSqliteInbox<U extends { update_id: number }>(
  db: DigestDb,
  now: () => Date = () => new Date(),
): UpdateInbox<U> {
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
    pending: (limit = 100) => (pending.all(limit) as { payload: string }[]).map((r) => JSON.parse(r.payload) as U),
  };
}
