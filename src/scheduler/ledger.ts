import type { DigestDb } from '../db/open.js';
import type { Slot } from './slot.js';

/**
 * Status of one (subscription, slot) row:
 * - `sending`: claimed, the send is in flight (or the process died during it);
 * - `sent`: the platform accepted the digest;
 * - `failed`: a permanent failure, a temporary one that outlived its retries, or an unexpected error;
 * - `unknown`: a `sending` row left behind by a crashed run — maybe sent, never resent;
 * - `skipped`: nothing to send this slot (no new reports and DIGEST_EMPTY=skip).
 */
export type DeliveryStatus = 'sending' | 'sent' | 'failed' | 'unknown' | 'skipped';

/** Statuses whose report ids count as delivered (`unknown` = maybe delivered: not offered again). */
const DELIVERED: DeliveryStatus[] = ['sending', 'sent', 'unknown'];

/** The deliveries table: one row per (subscription, slot); a row, once there, is never sent again. */
export class DeliveryLedger {
  constructor(private readonly db: DigestDb) {}

  /**
   * Claims the row before sending, in its own transaction (a single autocommitted INSERT): returns false
   * when a row already exists (this or an overlapping run got there first), in which case nothing is sent.
   */
  claim(subscriptionId: number, slot: Slot, reportIds: number[], now: Date): boolean {
    return (
      this.db.$client
        .prepare(
          `INSERT INTO deliveries(subscription_id, slot, status, report_ids, attempts, error, updated_at)
           VALUES (?, ?, 'sending', ?, 0, NULL, ?) ON CONFLICT(subscription_id, slot) DO NOTHING`,
        )
        .run(subscriptionId, slot, JSON.stringify(reportIds), now.toISOString()).changes === 1
    );
  }

  /** Counts one send attempt; the fresh `updated_at` tells overlapping runs the row is still being worked on. */
  attempt(subscriptionId: number, slot: Slot, now: Date): void {
    this.db.$client
      .prepare(
        `UPDATE deliveries SET attempts = attempts + 1, updated_at = ? WHERE subscription_id = ? AND slot = ? AND status = 'sending'`,
      )
      .run(now.toISOString(), subscriptionId, slot);
  }

  /** Closes a claimed row as sent or failed. */
  finish(subscriptionId: number, slot: Slot, status: 'sent' | 'failed', error: string | null, now: Date): void {
    this.db.$client
      .prepare(
        `UPDATE deliveries SET status = ?, error = ?, updated_at = ? WHERE subscription_id = ? AND slot = ? AND status = 'sending'`,
      )
      .run(status, error, now.toISOString(), subscriptionId, slot);
  }

  /** Records that a subscription had nothing to send this slot (so a re-run does not reconsider it). */
  skip(subscriptionId: number, slot: Slot, reason: string, now: Date): void {
    this.db.$client
      .prepare(
        `INSERT INTO deliveries(subscription_id, slot, status, report_ids, attempts, error, updated_at)
         VALUES (?, ?, 'skipped', '[]', 0, ?, ?) ON CONFLICT(subscription_id, slot) DO NOTHING`,
      )
      .run(subscriptionId, slot, reason, now.toISOString());
  }

  /**
   * Turns `sending` rows not touched since `staleBefore` into `unknown`: their run died between claim and
   * mark. Platforms have no idempotency key, so such a digest may have arrived; it is not sent again.
   */
  markInterrupted(staleBefore: Date, now: Date): number {
    return this.db.$client
      .prepare(
        `UPDATE deliveries SET status = 'unknown', error = 'interrupted while sending: maybe delivered, not resent', updated_at = ? WHERE status = 'sending' AND updated_at < ?`,
      )
      .run(now.toISOString(), staleBefore.toISOString()).changes;
  }

  /** Status of every row of a slot, by subscription id. */
  statusesForSlot(slot: Slot): Map<number, DeliveryStatus> {
    const rows = this.db.$client.prepare('SELECT subscription_id AS id, status FROM deliveries WHERE slot = ?').all(slot) as {
      id: number;
      status: DeliveryStatus;
    }[];
    return new Map(rows.map((r) => [r.id, r.status]));
  }

  /** Report ids each subscription has (maybe) received in any slot, so no report is offered twice. */
  deliveredReportIds(): Map<number, Set<number>> {
    const marks = DELIVERED.map(() => '?').join(',');
    const rows = this.db.$client
      .prepare(
        `SELECT subscription_id AS id, report_ids AS ids FROM deliveries WHERE status IN (${marks}) AND report_ids <> '[]'`,
      )
      .all(...DELIVERED) as { id: number; ids: string }[];
    const out = new Map<number, Set<number>>();
    for (const r of rows) {
      const set = out.get(r.id) ?? new Set<number>();
      for (const id of JSON.parse(r.ids) as number[]) set.add(id);
      out.set(r.id, set);
    }
    return out;
  }

  /** Rows of a slot per status (for summaries and tests). */
  countsForSlot(slot: Slot): Record<DeliveryStatus, number> {
    const counts: Record<DeliveryStatus, number> = { sending: 0, sent: 0, failed: 0, unknown: 0, skipped: 0 };
    const rows = this.db.$client
      .prepare('SELECT status, count(*) AS n FROM deliveries WHERE slot = ? GROUP BY status')
      .all(slot) as { status: DeliveryStatus; n: number }[];
    for (const r of rows) counts[r.status] = r.n;
    return counts;
  }
}
