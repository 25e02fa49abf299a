import { and, eq, lt, sql } from 'drizzle-orm';
import type { DeliveryStatus } from '../domain/subscription.js';
import type { DigestDb } from './open.js';
import { chatDeliveries } from './schema.js';

/** Where a ledger row stands: the chat_deliveries row as the schema types it (`slot` is an ISO week, `2026-W47`). */
export type DeliveryRow = typeof chatDeliveries.$inferSelect;

/** `platform:chatId`, the key of a chat in maps. */
export const chatKey = (platform: string, chatId: string): string => `${platform}:${chatId}`;

/**
 * The chat_deliveries table: one row per (chat, slot), with per-part progress. Every write is one
 * autocommitted statement, so what the row says survives a `kill -9` the moment the call returns.
 */
export class DeliveryLedger {
  /** The per-delivery statements, prepared once: building a drizzle query per call cost 4× the SQLite work. */
  private readonly q;

  constructor(private readonly db: DigestDb) {
    const p = (name: string) => sql.placeholder(name);
    const key = and(
      eq(chatDeliveries.platform, p('platform')),
      eq(chatDeliveries.chatId, p('chatId')),
      eq(chatDeliveries.slot, p('slot')),
    );
    const sending = and(key, eq(chatDeliveries.status, 'sending'));
    const update = (set: Parameters<ReturnType<DigestDb['update']>['set']>[0]) =>
      db
        .update(chatDeliveries)
        .set({ ...set, updatedAt: p('now') } as typeof set)
        .where(sending)
        .prepare();
    this.q = {
      insert: db
        .insert(chatDeliveries)
        .values({
          platform: p('platform'),
          chatId: p('chatId'),
          slot: p('slot'),
          status: p('status'),
          reportIds: p('reportIds'),
          partsTotal: 0,
          nextPart: 0,
          inFlight: null,
          attempts: 0,
          error: p('error'),
          updatedAt: p('now'),
        })
        .onConflictDoNothing({ target: [chatDeliveries.platform, chatDeliveries.chatId, chatDeliveries.slot] })
        .prepare(),
      get: db.select().from(chatDeliveries).where(key).prepare(),
      attempt: update({ attempts: sql`${chatDeliveries.attempts} + 1`, partsTotal: p('total') }),
      sendingPart: update({ inFlight: p('part') }),
      partSent: update({ nextPart: p('next'), inFlight: null, partsTotal: p('total') }),
      partFailed: update({ inFlight: null }),
      finish: update({ status: p('status'), error: p('error') }),
    };
  }

  /**
   * Claims the chat's row right before its first part is sent; false when a row already exists (this or an
   * overlapping run got there first), in which case nothing is sent.
   */
  claim(platform: string, chatId: string, slot: string, reportIds: number[], now: Date): boolean {
    return this.insertNew({ platform, chatId, slot, status: 'sending', reportIds, error: null }, now);
  }

  /** One row, or null. */
  get(platform: string, chatId: string, slot: string): DeliveryRow | null {
    return this.q.get.get({ platform, chatId, slot }) ?? null;
  }

  /** Counts one publish attempt of `total` parts (a fresh `updated_at` tells overlapping runs the row is worked on). */
  attempt(platform: string, chatId: string, slot: string, total: number, now: Date): void {
    this.q.attempt.run({ platform, chatId, slot, total, now: now.toISOString() });
  }

  /** Part `part` is about to be sent: if the process dies now, its outcome is unknown. */
  sendingPart(platform: string, chatId: string, slot: string, part: number, now: Date): void {
    this.q.sendingPart.run({ platform, chatId, slot, part, now: now.toISOString() });
  }

  /** The platform accepted part `part` of `total`: the next attempt or run starts after it. */
  partSent(platform: string, chatId: string, slot: string, part: number, total: number, now: Date): void {
    this.q.partSent.run({ platform, chatId, slot, next: part + 1, total, now: now.toISOString() });
  }

  /** The part in flight got an answer that says it was not accepted (429, 5xx, refused connection). */
  partFailed(platform: string, chatId: string, slot: string, now: Date): void {
    this.q.partFailed.run({ platform, chatId, slot, now: now.toISOString() });
  }

  /** Closes a claimed row as sent or failed. */
  finish(platform: string, chatId: string, slot: string, status: 'sent' | 'failed', error: string | null, now: Date): void {
    this.q.finish.run({ platform, chatId, slot, status, error, now: now.toISOString() });
  }

  /** Records that a chat had nothing to send this slot (so a re-run does not reconsider it). */
  skip(platform: string, chatId: string, slot: string, reason: string, now: Date): void {
    this.insertNew({ platform, chatId, slot, status: 'skipped', reportIds: [], error: reason }, now);
  }

  /**
   * Takes over the `sending` rows of `slot` not touched since `staleBefore` (their run died) so this run can
   * resume them. A part that was in flight at the crash may have arrived: it is counted as sent and skipped
   * (never twice); the parts after it are sent. Compare-and-set on `updated_at`: of two recovering runs only
   * one wins each row.
   */
  takeOverInterrupted(slot: string, staleBefore: Date, now: Date): DeliveryRow[] {
    const stale = this.db
      .select()
      .from(chatDeliveries)
      .where(
        and(
          eq(chatDeliveries.slot, slot),
          eq(chatDeliveries.status, 'sending'),
          lt(chatDeliveries.updatedAt, staleBefore.toISOString()),
        ),
      )
      .all();
    const taken: DeliveryRow[] = [];
    for (const row of stale) {
      const next = row.inFlight !== null ? Math.max(row.nextPart, row.inFlight + 1) : row.nextPart;
      const note =
        row.inFlight !== null ? `part ${row.inFlight + 1} interrupted while sending: maybe delivered, not resent` : row.error;
      const won =
        this.db
          .update(chatDeliveries)
          .set({ nextPart: next, inFlight: null, error: note, updatedAt: now.toISOString() })
          .where(
            and(
              rowOf(row.platform, row.chatId, slot),
              eq(chatDeliveries.status, 'sending'),
              eq(chatDeliveries.updatedAt, row.updatedAt),
            ),
          )
          .run().changes === 1;
      if (won) taken.push({ ...row, nextPart: next, inFlight: null, error: note, updatedAt: now.toISOString() });
    }
    return taken;
  }

  /** Status of every row of a slot, by chat key. */
  statusesForSlot(slot: string): Map<string, DeliveryStatus> {
    const rows = this.db
      .select({ platform: chatDeliveries.platform, chatId: chatDeliveries.chatId, status: chatDeliveries.status })
      .from(chatDeliveries)
      .where(eq(chatDeliveries.slot, slot))
      .all();
    return new Map(rows.map((r) => [chatKey(r.platform, r.chatId), r.status]));
  }

  /**
   * Report ids each chat has (maybe) received in any slot, so no report is offered twice: rows being sent or
   * sent, failed rows of which a part was accepted, and rows of the per-subscription ledger of before.
   */
  deliveredReportIds(): Map<string, Set<number>> {
    // A UNION over two tables: clearer as the SQL it is than as a builder chain.
    const rows = this.db.all<{ platform: string; chatId: string; ids: string }>(
      sql`SELECT platform, chat_id AS chatId, report_ids AS ids FROM chat_deliveries
         WHERE (status IN ('sending', 'sent') OR (status = 'failed' AND next_part > 0)) AND report_ids <> '[]'
         UNION ALL
         SELECT s.platform, s.chat_id, d.report_ids FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
         WHERE d.status IN ('sending', 'sent', 'unknown') AND d.report_ids <> '[]'`,
    );
    const out = new Map<string, Set<number>>();
    for (const r of rows) {
      const key = chatKey(r.platform, r.chatId);
      const set = out.get(key) ?? new Set<number>();
      for (const id of JSON.parse(r.ids) as number[]) set.add(id);
      out.set(key, set);
    }
    return out;
  }

  /** Rows of a slot per status (for summaries and tests). */
  countsForSlot(slot: string): Record<DeliveryStatus, number> {
    const counts: Record<DeliveryStatus, number> = { sending: 0, sent: 0, failed: 0, skipped: 0 };
    const rows = this.db
      .select({ status: chatDeliveries.status, n: sql<number>`count(*)` })
      .from(chatDeliveries)
      .where(eq(chatDeliveries.slot, slot))
      .groupBy(chatDeliveries.status)
      .all();
    for (const r of rows) counts[r.status] = r.n;
    return counts;
  }

  /** Every row of a slot (tests, diagnostics). */
  rowsForSlot(slot: string): DeliveryRow[] {
    return this.db
      .select()
      .from(chatDeliveries)
      .where(eq(chatDeliveries.slot, slot))
      .orderBy(chatDeliveries.platform, chatDeliveries.chatId)
      .all();
  }

  /** Inserts a fresh row unless the chat has one for the slot; true when this call inserted it. */
  private insertNew(
    row: Pick<DeliveryRow, 'platform' | 'chatId' | 'slot' | 'status' | 'reportIds' | 'error'>,
    now: Date,
  ): boolean {
    // drizzle encodes the JSON column for the placeholder too (the array is stored as `[1,2]`).
    return this.q.insert.run({ ...row, now: now.toISOString() }).changes === 1;
  }
}

const rowOf = (platform: string, chatId: string, slot: string) =>
  and(eq(chatDeliveries.platform, platform), eq(chatDeliveries.chatId, chatId), eq(chatDeliveries.slot, slot));
