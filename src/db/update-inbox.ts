import { and, asc, eq, isNotNull, isNull, lt, max, sql } from 'drizzle-orm';
import type { UpdateInbox } from '../service/ports.js';
import type { DigestDb } from './open.js';
import { telegramUpdates as updates } from './schema.js';

/** Handled rows older than this are pruned; Telegram keeps an unconfirmed update for at most 24 hours. */
const KEEP_MS = 3 * 24 * 3600 * 1000;
const PRUNE_EVERY = 200;

/** The inbox in SQLite (table `telegram_updates`), so it survives `kill -9`. */
export function createSqliteInbox<U extends { update_id: number }>(
  db: DigestDb,
  now: () => Date = () => new Date(),
): UpdateInbox<U> {
  const p = sql.placeholder;
  const insert = db
    .insert(updates)
    .values({ updateId: p('id'), payload: p('payload'), receivedAt: p('at') })
    .onConflictDoNothing({ target: updates.updateId })
    .prepare();
  const row = db
    .select({ handledAt: updates.handledAt })
    .from(updates)
    .where(eq(updates.updateId, p('id')))
    .prepare();
  const newestHandled = db
    .select({ id: max(updates.updateId) })
    .from(updates)
    .where(isNotNull(updates.handledAt));
  const lastHandled = newestHandled.prepare();
  const handled = db
    .insert(updates)
    .values({ updateId: p('id'), payload: null, receivedAt: p('at'), handledAt: p('at') })
    .onConflictDoUpdate({ target: updates.updateId, set: { handledAt: sql`excluded.handled_at`, payload: null } })
    .prepare();
  const pending = db
    .select({ payload: updates.payload })
    .from(updates)
    .where(and(isNull(updates.handledAt), isNotNull(updates.payload)))
    .orderBy(asc(updates.updateId))
    .limit(p('limit'))
    .prepare();
  // The newest handled row is kept: it is the "last handled update_id" that older redeliveries are held against.
  const prune = db
    .delete(updates)
    .where(and(isNotNull(updates.handledAt), lt(updates.handledAt, p('before')), sql`${updates.updateId} < (${newestHandled})`))
    .prepare();
  let sincePrune = 0;
  return {
    enqueue: (update) =>
      insert.run({ id: update.update_id, payload: JSON.stringify(update), at: now().toISOString() }).changes === 1,
    isHandled(updateId) {
      const r = row.get({ id: updateId });
      if (r) return r.handledAt !== null;
      const last = lastHandled.get()?.id ?? null;
      return last !== null && updateId <= last;
    },
    markHandled(updateId) {
      handled.run({ id: updateId, at: now().toISOString() });
      if (++sincePrune >= PRUNE_EVERY) {
        sincePrune = 0;
        prune.run({ before: new Date(now().getTime() - KEEP_MS).toISOString() });
      }
    },
    // The payload is the update JSON this inbox stored (enqueue): its own shape, `U`.
    pending: (limit = 100) => pending.all({ limit }).flatMap((r) => (r.payload === null ? [] : [JSON.parse(r.payload) as U])),
  };
}
