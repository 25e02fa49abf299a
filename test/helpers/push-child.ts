// A weekly-digest run in a child process, for kill -9 tests: `node --import tsx push-child.ts <db> <apiRoot> <token> <nowIso>`.
// Real scheduler slot run, real ledger on the given SQLite file, real grammY publisher against the stand-in.
import pino from 'pino';
import { createTelegramAdapter } from '../../adapters/telegram/create-telegram-adapter.js';
import { openDb } from '../../src/db/open.js';
import { DeliveryLedger } from '../../src/db/delivery-ledger.js';
import { runSlot } from '../../src/scheduler/run-slot.js';
import { slotOf } from '../../src/scheduler/slot.js';
import { SlotRuns } from '../../src/db/slot-runs.js';
import { createDigestService } from '../../src/service/create-digest-service.js';

const [dbPath, apiRoot, token, nowIso] = process.argv.slice(2) as [string, string, string, string];
const db = openDb(dbPath);
const service = createDigestService({ db });
const adapter = createTelegramAdapter({ token, apiRoot, service, retry: { maxRetryAttempts: 0 } });
const started = Date.now();
const clock = {
  now: () => new Date(new Date(nowIso).getTime() + Date.now() - started),
  sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
};
const summary = await runSlot(
  {
    store: service.reads,
    subscriptions: service.subscriptions,
    ledger: new DeliveryLedger(db),
    slotRuns: new SlotRuns(db),
    publishers: new Map([['telegram', adapter.publisher]]),
    empty: 'skip',
    clock,
    logger: pino({ level: 'silent' }),
    // Slow pacing so that a kill finds chats waiting for their turn; a restart takes over rows at once.
    limits: { telegram: { perSecond: 4, perChatGapMs: 1000 } },
    concurrency: 4,
    staleAfterMs: 0,
  },
  slotOf(clock.now(), 'Asia/Shanghai'),
  clock.now(),
);
process.stdout.write(`${JSON.stringify(summary)}\n`);
db.$client.close();
