import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ingest/ingest-batch.js';
import { DeliveryLedger } from '../../src/db/delivery-ledger.js';
import { slotOf } from '../../src/scheduler/slot.js';
import { createDigestService } from '../../src/service/create-digest-service.js';
import { SEEDS_DIR, tempDb } from '../helpers/temp-db.js';
import { TelegramStandIn } from '../helpers/telegram-stand-in.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const CHILD = join(ROOT, 'test/helpers/push-child.ts');
const NOW = '2026-11-23T01:00:00Z'; // Monday 09:00 Asia/Shanghai, week 2026-W48
const RESTART = '2026-11-23T01:20:00Z'; // the same week, 20 minutes later
const CHATS = ['9001', '9002', '9003', '9004', '9005', '9006'];

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function runChild(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => out };
}

describe('kill -9 during a multi-part push (issue 14 #1, #3)', () => {
  it('after a restart every part of every chat’s digest is delivered exactly once', async () => {
    const t = tempDb();
    cleanups.push(t.cleanup);
    await ingestPaths(t.db, [SEEDS_DIR]);
    // Copies of the seeds (distinct titles, with their paragraphs) make each digest long enough to need several messages.
    const columns = (t.db.$client.prepare('PRAGMA table_info(reports)').all() as { name: string }[])
      .map((c) => c.name)
      .filter((c) => c !== 'id');
    for (let i = 1; i <= 8; i++) {
      const select = columns.map((c) => (c === 'hash' ? `hash || '-copy${i}'` : c === 'title' ? `title || '(副本${i})'` : c));
      t.db.$client
        .prepare(
          `INSERT INTO reports(${columns.join(', ')}) SELECT ${select.join(', ')} FROM reports WHERE hash NOT LIKE '%-copy%'`,
        )
        .run();
      // Summaries are stored as references into the report's paragraphs: the copy needs its own.
      t.db.$client
        .prepare(
          `INSERT INTO paragraphs(report_id, ord, section_path, text)
           SELECT c.id, p.ord, p.section_path, p.text FROM paragraphs p
           JOIN reports s ON s.id = p.report_id JOIN reports c ON c.hash = s.hash || '-copy${i}'
           WHERE s.hash NOT LIKE '%-copy%'`,
        )
        .run();
    }
    t.db.$client.prepare("UPDATE reports SET ingested_at = '2026-11-20T00:00:00.000Z'").run();
    const service = createDigestService({ db: t.db, now: () => new Date('2026-11-01T00:00:00Z') });
    for (const chat of CHATS) service.handle('/subscribe', { platform: 'telegram', chatId: chat });

    const standIn = await TelegramStandIn.start();
    cleanups.push(() => standIn.close());
    // Hold the 4th message: the second chat's second part is on the wire when the process dies.
    const release = standIn.hold('sendMessage', 3);
    const first = runChild([t.path, standIn.apiRoot, standIn.token, NOW]);
    await expect.poll(() => standIn.callsOf('sendMessage').length, { timeout: 20_000, interval: 20 }).toBeGreaterThanOrEqual(4);
    first.child.kill('SIGKILL');
    await first.exited;
    release();

    const ledger = new DeliveryLedger(t.db);
    const slot = slotOf(new Date(NOW), 'Asia/Shanghai');
    const atKill = ledger.rowsForSlot(slot);
    // Chats still waiting for their pacing turn were not claimed: no row to lose.
    expect(atKill.length).toBeLessThan(CHATS.length);
    expect(atKill.some((r) => r.status === 'sending' && r.inFlight !== null)).toBe(true);

    const second = runChild([t.path, standIn.apiRoot, standIn.token, RESTART]);
    expect(await second.exited, second.output()).toBe(0);

    const rows = ledger.rowsForSlot(slot);
    expect(rows.map((r) => r.chatId).sort()).toEqual(CHATS);
    for (const row of rows) {
      expect(row).toMatchObject({ status: 'sent' });
      expect(row.partsTotal).toBeGreaterThanOrEqual(2);
      expect(row.nextPart).toBe(row.partsTotal);
      const texts = standIn
        .callsOf('sendMessage')
        .filter((c) => String(c.payload.chat_id) === row.chatId)
        .map((c) => String(c.payload.text));
      expect(texts, `chat ${row.chatId}`).toHaveLength(row.partsTotal);
      expect(new Set(texts).size).toBe(row.partsTotal);
    }
  }, 60_000);
});
