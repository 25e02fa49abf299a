import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteInbox } from '../../src/db/update-inbox.js';
import { tempDb } from '../helpers/temp-db.js';

const dbs: ReturnType<typeof tempDb>[] = [];
afterEach(() => {
  for (const d of dbs.splice(0)) d.cleanup();
});

describe('the SQLite update inbox', () => {
  it('stores an update once, hands back the unhandled ones in order, and remembers handled ids', () => {
    const t = tempDb();
    dbs.push(t);
    const inbox = createSqliteInbox<{ update_id: number; text: string }>(t.db);
    expect(inbox.enqueue({ update_id: 12, text: 'b' })).toBe(true);
    expect(inbox.enqueue({ update_id: 11, text: 'a' })).toBe(true);
    expect(inbox.enqueue({ update_id: 12, text: 'again' })).toBe(false);
    expect(inbox.pending()).toEqual([
      { update_id: 11, text: 'a' },
      { update_id: 12, text: 'b' },
    ]);
    expect(inbox.isHandled(11)).toBe(false);
    inbox.markHandled(11);
    expect(inbox.isHandled(11)).toBe(true);
    expect(inbox.pending(1)).toEqual([{ update_id: 12, text: 'b' }]);
    // Never seen, but at or below the last handled id: a redelivery of something handled and pruned.
    expect(inbox.isHandled(5)).toBe(true);
    expect(inbox.isHandled(13)).toBe(false);
    // Handling an update that was never stored (polling) records it too.
    inbox.markHandled(40);
    expect(inbox.isHandled(40)).toBe(true);
    expect(inbox.enqueue({ update_id: 40, text: 'late' })).toBe(false);
  });

  it('prunes old handled rows but keeps the newest, so older ids still count as handled', () => {
    const t = tempDb();
    dbs.push(t);
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const inbox = createSqliteInbox<{ update_id: number }>(t.db, () => new Date(clock));
    for (let id = 1; id <= 199; id++) inbox.markHandled(id);
    clock += 4 * 24 * 3600 * 1000;
    inbox.markHandled(200);
    const left = t.db.$client.prepare('SELECT update_id FROM telegram_updates ORDER BY update_id').pluck().all();
    expect(left).toEqual([200]);
    expect(inbox.isHandled(3)).toBe(true);
  });
});
