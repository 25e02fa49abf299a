import pino, { type Logger } from 'pino';
import { createApp } from '../app/create-app.js';
import type { Config } from '../config.js';
import { DeliveryLedger } from '../db/delivery-ledger.js';
import type { DigestDb } from '../db/open.js';
import type { Clock } from '../scheduler/clock.js';
import { planSlot } from '../scheduler/plan.js';
import { summaryLine } from '../scheduler/run-slot.js';
import { slotOf } from '../scheduler/slot.js';
import { describeFilter } from '../service/subscriptions/describe-filter.js';

/** Options of `digest push`. */
export interface PushOptions {
  /** The time the run happens at: picks the slot (its ISO week) and the newest ingest time included. */
  now: Date;
  dryRun: boolean;
  out?: NodeJS.WritableStream;
  logger?: Logger;
  /** SQLite file instead of `config.dbPath` (`--db`). */
  dbPath?: string;
  /** An open database (tests); left open. */
  db?: DigestDb;
}

/**
 * `digest push [--now ISO] [--dry-run]`: runs the slot `now` falls in, through the app `createApp` wires with
 * only the console chat: console chats get their digest on stdout through the console publisher; other
 * platforms are left to the server (no ledger row). `--dry-run` prints who would get what and writes
 * nothing. Ends with `sent N, skipped M, failed K`.
 */
export async function runPush(config: Config, options: PushOptions): Promise<number> {
  const out = options.out ?? process.stdout;
  const logger = options.logger ?? pino({ level: 'info', base: undefined }, pino.destination(2));
  // `--now` is when this run starts; time then runs on (pacing waits are real).
  const startedAt = Date.now();
  const clock: Clock = {
    now: () => new Date(options.now.getTime() + Date.now() - startedAt),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  };
  const app = createApp(config, {
    consoleOnly: true,
    output: out,
    logger,
    clock,
    ...(options.db ? { db: options.db } : {}),
    ...(options.dbPath ? { dbPath: options.dbPath } : {}),
  });
  try {
    const slot = slotOf(options.now, config.timezone);
    if (options.dryRun) return dryRun(app, config, slot, options.now, out);
    const summary = await app.scheduler.runSlot(options.now);
    out.write(`digest push ${slot}: ${summaryLine(summary)}\n`);
    return summary.failed > 0 ? 1 : 0;
  } finally {
    await app.stop();
  }
}

/** Who would get what in `slot`: the plan the run would carry out, printed; nothing sent, nothing written. */
function dryRun(app: ReturnType<typeof createApp>, config: Config, slot: string, now: Date, out: NodeJS.WritableStream): number {
  const { reads, subscriptions } = app.service;
  const plan = planSlot(
    {
      store: reads,
      subscriptions,
      ledger: new DeliveryLedger(app.db),
      platforms: new Set(['console']),
      empty: config.emptyDigest,
    },
    slot,
    now,
  );
  out.write(`digest push ${slot} (dry run: nothing sent, nothing written)\n`);
  const byChat = new Map<string, string>();
  for (const s of subscriptions.active()) {
    const key = `${s.platform}:${s.chatId}`;
    byChat.set(key, [byChat.get(key), describeFilter(s)].filter(Boolean).join('、'));
  }
  for (const job of plan.jobs) {
    const what = byChat.get(`${job.platform}:${job.chatId}`) ?? '';
    const titles = job.reportIds.map((id) => reads.reportById(id)).map((r) => `${r?.regionName ?? '?'} ${r?.year ?? ''}`.trim());
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
