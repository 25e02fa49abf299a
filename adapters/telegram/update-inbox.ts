import type { Update } from 'grammy/types';
import type { UpdateInbox as Inbox } from '../../src/service/ports.js';

/**
 * Where Telegram updates are recorded so that none is answered twice and none acknowledged is lost: webhook
 * updates are stored before the 200, and every handled update_id is remembered across restarts. The durable
 * one is the core's SQLite inbox (`src/db/update-inbox.ts`), passed in by the composition root.
 */
export type UpdateInbox = Inbox<Update>;

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
