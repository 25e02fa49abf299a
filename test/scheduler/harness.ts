import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { SLACK_PUSH_LIMITS } from '../../adapters/slack/limits.js';
import { TELEGRAM_LIMITS } from '../../adapters/telegram/limits.js';
import { openDb, type DigestDb } from '../../src/db/open.js';
import { PermanentDeliveryError, TemporaryDeliveryError } from '../../src/errors.js';
import { ingestPaths } from '../../src/ingest/ingest-batch.js';
import type { Clock } from '../../src/scheduler/clock.js';
import { DeliveryLedger } from '../../src/db/delivery-ledger.js';
import type { SlotRunDeps } from '../../src/scheduler/run-slot.js';
import { SlotRuns } from '../../src/db/slot-runs.js';
import { createDigestReads } from '../../src/service/digest-reads.js';
import { ReportStore } from '../../src/db/report-store.js';
import { SubscriptionStore } from '../../src/db/subscription-store.js';
import { createDigestService } from '../../src/service/create-digest-service.js';
import type { Publisher } from '../../src/service/ports.js';
import type { Reply } from '../../src/service/reply/reply-model.js';
import { SEEDS_DIR, tempDb } from '../helpers/temp-db.js';

/** A silent logger for tests. */
export const silent = pino({ level: 'silent' });

let template: string | null = null;

/** A fresh temp DB holding the five seeds (ingested once per test file, then copied). */
export async function seededDb(): Promise<{ db: DigestDb; cleanup: () => void }> {
  if (!template) {
    const t = tempDb();
    await ingestPaths(t.db, [SEEDS_DIR]);
    t.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    t.db.$client.close();
    template = t.path;
  }
  const dir = mkdtempSync(join(tmpdir(), 'digest-sched-'));
  const path = join(dir, 'digest.db');
  copyFileSync(template, path);
  const db = openDb(path);
  return {
    db,
    cleanup: () => {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Sets every report's ingest time (the seeds are ingested at real time; tests need fixed times). */
export function setIngestedAt(db: DigestDb, iso: string, ids?: number[]): void {
  if (!ids) db.$client.prepare('UPDATE reports SET ingested_at = ?').run(iso);
  else for (const id of ids) db.$client.prepare('UPDATE reports SET ingested_at = ? WHERE id = ?').run(iso, id);
}

/** Report id by region name (ids depend on ingest order; tests name reports by place). */
export function reportId(db: DigestDb, regionName: string): number {
  return (db.$client.prepare('SELECT id FROM reports WHERE region_name = ?').get(regionName) as { id: number }).id;
}

/** Subscribes a chat through the real service (`/subscribe …`) at a fixed time. */
export function subscribe(db: DigestDb, platform: string, chatId: string, filter: string, at: Date): void {
  const service = createDigestService({ db, now: () => at });
  const reply = service.handle(`/subscribe ${filter}`.trim(), { platform, chatId });
  if (reply.kind === 'error') throw new Error(`subscribe failed: ${JSON.stringify(reply.sections)}`);
}

/** Inserts many subscriptions at once (one transaction). */
export function bulkSubscribe(db: DigestDb, platform: string, count: number, at: Date): void {
  const insert = db.$client.prepare(
    `INSERT INTO subscriptions(platform, chat_id, filter, filter_kind, filter_value, active, created_at, updated_at) VALUES (?, ?, '', 'all', '', 1, ?, ?)`,
  );
  db.$client.transaction(() => {
    for (let i = 0; i < count; i++) insert.run(platform, String(100_000 + i), at.toISOString(), at.toISOString());
  })();
}

/**
 * A fake clock with virtual timers: `sleep` parks until `drive` moves time to the earliest timer, and time
 * moves only when every task is parked, so concurrent sleepers see a consistent clock and tests take no
 * real time.
 */
export class FakeClock implements Clock {
  private t: number;
  private timers: { at: number; seq: number; resolve: () => void }[] = [];
  private seq = 0;

  constructor(start: Date | string) {
    this.t = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.t);
  }

  sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => this.timers.push({ at: this.t + ms, seq: this.seq++, resolve }));
  }

  /** Jumps the clock (between runs). */
  set(to: Date | string): void {
    this.t = new Date(to).getTime();
  }

  /** Awaits `work`, advancing virtual time whenever all tasks are waiting on timers. */
  async drive<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    work.then(
      () => (settled = true),
      () => (settled = true),
    );
    let idle = 0;
    while (!settled) {
      await new Promise((r) => setImmediate(r));
      if (settled) break;
      if (!this.timers.length) {
        if (++idle > 10_000) throw new Error('fake clock: work is stuck with no timers');
        continue;
      }
      idle = 0;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const timer = this.timers.shift()!;
      this.t = Math.max(this.t, timer.at);
      timer.resolve();
    }
    return work;
  }
}

/** One push a fake publisher accepted. */
export interface Push {
  chatId: string;
  reply: Reply;
  at: number;
}

/** A recording publisher; `fail(chatId)` decides a failure per call. */
export function recordingPublisher(
  platform: string,
  clock: Clock,
  fail?: (chatId: string, call: number) => Error | null,
): Publisher & { pushes: Push[]; calls: number } {
  const pub = {
    platform,
    pushes: [] as Push[],
    calls: 0,
    async publish(chatId: string, reply: Reply) {
      const error = fail?.(chatId, pub.calls++);
      if (error) throw error;
      pub.pushes.push({ chatId, reply, at: clock.now().getTime() });
    },
  };
  return pub;
}

/**
 * A fake platform that enforces 25 messages per second (sliding window on the fake clock) and one message
 * per chat per second; over the limit it answers like Telegram: 429 with retry-after.
 */
export function rateLimitedPort(
  platform: string,
  clock: Clock,
  perSecond = 25,
): Publisher & { pushes: Push[]; rejected: number } {
  const window: number[] = [];
  const lastByChat = new Map<string, number>();
  const port = {
    platform,
    pushes: [] as Push[],
    rejected: 0,
    async publish(chatId: string, reply: Reply) {
      const now = clock.now().getTime();
      while (window.length && window[0]! <= now - 1000) window.shift();
      const last = lastByChat.get(chatId);
      if (window.length >= perSecond || (last !== undefined && now - last < 1000)) {
        port.rejected++;
        const retryAfterMs = window.length >= perSecond ? window[0]! + 1000 - now : last! + 1000 - now;
        throw new TemporaryDeliveryError('429 Too Many Requests', Math.max(1, Math.ceil(retryAfterMs / 1000)) * 1000);
      }
      window.push(now);
      lastByChat.set(chatId, now);
      port.pushes.push({ chatId, reply, at: now });
    },
  };
  return port;
}

/** A permanent failure as an adapter would throw it. */
export const blocked = () => new PermanentDeliveryError('Forbidden: bot was blocked by the user');

/** Visible text of a reply (headings, paragraphs, fields, lists). */
export function replyText(reply: Reply): string {
  return reply.sections
    .flatMap((s) => s.blocks)
    .map((b) => {
      switch (b.type) {
        case 'heading':
        case 'paragraph':
        case 'quote':
          return b.text;
        case 'fields':
          return b.items.map((i) => `${i.label}: ${i.value}`).join('\n');
        case 'list':
          return b.items.map((i) => i.text).join('\n');
        default:
          return '';
      }
    })
    .join('\n');
}

/** Slot-run dependencies on a DB with the given publishers (fast backoff, silent log). */
export function slotDeps(db: DigestDb, clock: Clock, publishers: Publisher[], extra: Partial<SlotRunDeps> = {}): SlotRunDeps {
  return {
    store: createDigestReads(new ReportStore(db)),
    subscriptions: new SubscriptionStore(db),
    ledger: new DeliveryLedger(db),
    slotRuns: new SlotRuns(db),
    publishers: new Map(publishers.map((p) => [p.platform, p])),
    empty: 'skip',
    clock,
    logger: silent,
    // The fake ports stand for Telegram and Slack: paced at those adapters' limits.
    limits: { telegram: TELEGRAM_LIMITS, slack: SLACK_PUSH_LIMITS },
    ...extra,
  };
}

/** Ledger rows of a slot by chat id (one row per chat and slot). */
export function rows(
  db: DigestDb,
  slot: string,
): Map<string, { status: string; reportIds: number[]; attempts: number; error: string | null; nextPart: number }> {
  return new Map(
    new DeliveryLedger(db)
      .rowsForSlot(slot)
      .map((r) => [
        r.chatId,
        { status: r.status, reportIds: r.reportIds, attempts: r.attempts, error: r.error, nextPart: r.nextPart },
      ]),
  );
}
