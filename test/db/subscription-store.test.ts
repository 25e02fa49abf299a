import { afterEach, describe, expect, it } from 'vitest';
import { SubscriptionStore } from '../../src/db/subscription-store.js';
import { tempDb } from '../helpers/temp-db.js';

const T0 = new Date('2026-11-01T00:00:00Z');
const T1 = new Date('2026-11-08T00:00:00Z');
const all = { filter: '', kind: 'all' as const, value: '', subject: null };
const sichuan = { filter: '四川省', kind: 'province' as const, value: '四川省', subject: null };

let cleanup: () => void = () => undefined;
afterEach(() => cleanup());

function store(): SubscriptionStore {
  const t = tempDb();
  cleanup = t.cleanup;
  return new SubscriptionStore(t.db);
}

describe('SubscriptionStore', () => {
  it('re-subscribing an active filter keeps its start; re-activating a stopped one restarts it from now', () => {
    const s = store();
    const first = s.subscribe('telegram', '1', sichuan, T0);
    expect(first.existed).toBe(false);
    expect(first.sub).toMatchObject({ filterKind: 'province', filterValue: '四川省', active: true, createdAt: T0.toISOString() });
    const again = s.subscribe('telegram', '1', sichuan, T1);
    expect(again.existed).toBe(true);
    expect(again.sub.createdAt).toBe(T0.toISOString());
    expect(again.sub.updatedAt).toBe(T1.toISOString());

    expect(s.deactivateChat('telegram', '1', 'blocked', T1)).toBe(1);
    expect(s.active()).toEqual([]);
    const back = s.subscribe('telegram', '1', sichuan, T1);
    expect(back.existed).toBe(false);
    expect(back.sub).toMatchObject({ active: true, createdAt: T1.toISOString() });
  });

  it('migrating a chat keeps the filters the new chat already has, moves the rest and its settings', () => {
    const s = store();
    const kept = s.subscribe('telegram', '-100600', all, T0).sub;
    s.subscribe('telegram', '-600', all, T1);
    s.subscribe('telegram', '-600', sichuan, T1);
    s.setChatScript('telegram', '-600', 'traditional', T1);
    s.setPaused('telegram', '-600', true, T1);

    s.migrateChat('telegram', '-600', '-100600');

    expect(s.forChat('telegram', '-600')).toEqual([]);
    const moved = s.forChat('telegram', '-100600');
    expect(moved.map((x) => x.filter)).toEqual(['', '四川省']);
    expect(moved[0]).toEqual(kept);
    expect(s.chatScript('telegram', '-100600')).toBe('traditional');
    expect(s.chatDelivery('telegram', '-100600')).toEqual({ paused: true, weekday: null, hour: null });
    expect(s.chatScript('telegram', '-600')).toBeNull();
  });

  it('settings writes touch only their own columns', () => {
    const s = store();
    s.setSchedule('slack', 'C1', 3, 8, T0);
    s.setChatScript('slack', 'C1', 'simplified', T0);
    s.setPaused('slack', 'C1', true, T1);
    expect(s.chatDelivery('slack', 'C1')).toEqual({ paused: true, weekday: 3, hour: 8 });
    expect(s.chatScript('slack', 'C1')).toBe('simplified');
    s.setSchedule('slack', 'C1', null, null, T1);
    expect(s.chatDelivery('slack', 'C1')).toEqual({ paused: true, weekday: null, hour: null });
  });
});
