import pino, { type Logger } from 'pino';
import { CONSOLE_LIMITS, createConsolePublisher } from '../service/console-publisher.js';
import type { DigestDb } from '../db/open.js';
import { createDigestReads } from '../service/digest-reads.js';
import { ReportStore } from '../db/report-store.js';
import type { Publisher } from '../service/ports.js';
import { SubscriptionStore } from '../db/subscription-store.js';
import type { Clock } from '../scheduler/clock.js';
import { describeFilter } from '../service/subscriptions/describe-filter.js';
import { DeliveryLedger } from '../db/delivery-ledger.js';
import { planSlot } from '../scheduler/plan.js';
import { runSlot, summaryLine } from '../scheduler/run-slot.js';
import { slotOf } from '../scheduler/slot.js';
import { SlotRuns } from '../db/slot-runs.js';
import type { EmptyDigest } from '../scheduler/weekly-digest.js';

/** Options of `digest push`. */
export interface PushOptions {
  /** The time the run happens at: picks the slot (its ISO week) and the newest ingest time included. */
  now: Date;
  dryRun: boolean;
  timezone: string;
  emptyDigest: EmptyDigest;
  out?: NodeJS.WritableStream;
  logger?: Logger;
  /** Extra publishers (tests); the console publisher is always there. */
  publishers?: Publisher[];
}

/**
 * `digest push [--now ISO] [--dry-run]`: runs the slot `now` falls in. Console chats get their digest on
 * stdout through the console publisher; other platforms are left to the server (no ledger row).
 * `--dry-run` prints who would get what and writes nothing. Ends with `sent N, skipped M, failed K`.
 */
export async function runPush(db: DigestDb, options: PushOptions): Promise<number> {
  const out = options.out ?? process.stdout;
  const logger = options.logger ?? pino({ level: 'info', base: undefined }, pino.destination(2));
  const consolePublisher = createConsolePublisher(out);
  const publishers = new Map<string, Publisher>([
    [consolePublisher.platform, consolePublisher],
    ...(options.publishers ?? []).map((p) => [p.platform, p] as const),
  ]);
  const slot = slotOf(options.now, options.timezone);
  // `--now` is when this run starts; time then runs on (pacing waits are real).
  const startedAt = Date.now();
  const clock: Clock = {
    now: () => new Date(options.now.getTime() + Date.now() - startedAt),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  };
  const store = createDigestReads(new ReportStore(db));
  const subscriptions = new SubscriptionStore(db);
  const ledger = new DeliveryLedger(db);

  if (options.dryRun) {
    const plan = planSlot(
      { store, subscriptions, ledger, platforms: new Set(publishers.keys()), empty: options.emptyDigest },
      slot,
      options.now,
    );
    out.write(`digest push ${slot} (dry run: nothing sent, nothing written)\n`);
    const byChat = new Map<string, string>();
    for (const s of subscriptions.active()) {
      const key = `${s.platform}:${s.chatId}`;
      byChat.set(key, [byChat.get(key), describeFilter(s)].filter(Boolean).join('、'));
    }
    for (const job of plan.jobs) {
      const what = byChat.get(`${job.platform}:${job.chatId}`) ?? '';
      const titles = job.reportIds
        .map((id) => store.reportById(id))
        .map((r) => `${r?.regionName ?? '?'} ${r?.year ?? ''}`.trim());
      out.write(
        `→ ${job.platform}:${job.chatId} [${what}] ${titles.length ? `${titles.length} 份: ${titles.join('、')}` : '本周无新报告(往期回顾)'}\n`,
      );
    }
    for (const sub of plan.noPublisher)
      out.write(`· ${sub.platform}:${sub.chatId} [${describeFilter(sub)}] 跳过: 本进程没有 ${sub.platform} 推送通道\n`);
    const skipped = plan.empty.length + plan.noPublisher.length + plan.alreadyDone + plan.paused;
    out.write(`would send ${plan.jobs.length}, skipped ${skipped}, failed 0\n`);
    return 0;
  }

  const summary = await runSlot(
    {
      store,
      subscriptions,
      ledger,
      slotRuns: new SlotRuns(db),
      publishers,
      limits: { console: CONSOLE_LIMITS },
      empty: options.emptyDigest,
      clock,
      logger,
    },
    slot,
    options.now,
  );
  out.write(`digest push ${slot}: ${summaryLine(summary)}\n`);
  return summary.failed > 0 ? 1 : 0;
}
