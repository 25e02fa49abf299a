import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runPush } from '../../src/cli/push-command.js';
import { loadConfig } from '../../src/config.js';
import { rows, seededDb, setIngestedAt, silent, subscribe } from './harness.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function sink() {
  let text = '';
  const out = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { out, text: () => text };
}

async function setup() {
  const { db, cleanup } = await seededDb();
  cleanups.push(cleanup);
  setIngestedAt(db, '2026-11-20T00:00:00.000Z');
  const created = new Date('2026-11-01T00:00:00Z');
  subscribe(db, 'console', 'alice', '四川', created);
  subscribe(db, 'console', 'bob', '', created);
  subscribe(db, 'telegram', '777', '', created);
  return db;
}

const config = loadConfig({ DIGEST_TZ: 'Asia/Shanghai', DIGEST_EMPTY: 'skip' });

describe('digest push', () => {
  it('--dry-run prints who would get what and writes nothing', async () => {
    const db = await setup();
    const { out, text } = sink();
    expect(await runPush(config, { db, logger: silent, now: new Date('2026-11-23T01:00:00Z'), dryRun: true, out })).toBe(0);
    expect(text()).toContain('2026-W48');
    expect(text()).toContain('→ console:alice [四川省的报告] 1 份: 资阳市 2022');
    expect(text()).toMatch(/→ console:bob \[全部新报告\] 5 份/);
    expect(text()).toContain('telegram:777');
    expect(text().trim().split('\n').pop()).toBe('would send 2, skipped 1, failed 0');
    expect(db.$client.prepare('SELECT count(*) AS n FROM deliveries').get()).toEqual({ n: 0 });
    expect(db.$client.prepare('SELECT count(*) AS n FROM slot_runs').get()).toEqual({ n: 0 });
  });

  it('sends console digests through the console port and ends with the summary line', async () => {
    const db = await setup();
    const { out, text } = sink();
    expect(await runPush(config, { db, logger: silent, now: new Date('2026-11-23T01:00:00Z'), dryRun: false, out })).toBe(0);
    expect(text()).toContain('[推送 → console:alice]');
    expect(text()).toContain('[推送 → console:bob]');
    expect(text()).not.toContain('777');
    expect(text().trim().split('\n').pop()).toBe('digest push 2026-W48: sent 2, skipped 1, failed 0');
    expect([...rows(db, '2026-W48').values()].map((r) => r.reportIds.length).sort()).toEqual([1, 5]);
    expect(rows(db, '2026-W48').size).toBe(2); // no row for the telegram chat: the server will send it

    const second = sink();
    await runPush(config, { db, logger: silent, now: new Date('2026-11-23T02:00:00Z'), dryRun: false, out: second.out });
    expect(second.text()).not.toContain('[推送');
    expect(second.text().trim().split('\n').pop()).toBe('digest push 2026-W48: sent 0, skipped 3, failed 0');
  });
});
