import type { DigestDb } from '../db/open.js';
import type { Slot } from './slot.js';

/**
 * Status of one (chat, slot) row — one merged digest per chat and week:
 * - `sending`: claimed at the moment of its first send; parts before `next_part` were accepted;
 * - `sent`: every part accepted;
 * - `failed`: a permanent failure, a temporary one that outlived its retries, or an unexpected error;
 * - `skipped`: nothing to send this slot (no new reports and DIGEST_EMPTY=skip).
 */
export type DeliveryStatus = 'sending' | 'sent' | 'failed' | 'skipped';

/** Where a ledger row stands. */
export interface DeliveryRow {
  platform: string;
  chatId: string;
  slot: Slot;
  status: DeliveryStatus;
  reportIds: number[];
  partsTotal: number;
  nextPart: number;
  inFlight: number | null;
  attempts: number;
  error: string | null;
  updatedAt: string;
}

const COLUMNS = `platform, chat_id AS chatId, slot, status, report_ids AS reportIds, parts_total AS partsTotal,
  next_part AS nextPart, in_flight AS inFlight, attempts, error, updated_at AS updatedAt`;

type Raw = Omit<DeliveryRow, 'reportIds'> & { reportIds: string };
const toRow = (r: Raw): DeliveryRow => ({ ...r, reportIds: JSON.parse(r.reportIds) as number[] });

/** `platform:chatId`, the key of a chat in maps. */
export const chatKey = (platform: string, chatId: string): string => `${platform}:${chatId}`;

/**
 * The chat_deliveries table: one row per (chat, slot), with per-part progress. Every write is one
 * autocommitted statement, so what the row says survives a `kill -9` the moment the call returns.
 */
export class DeliveryLedger {
  constructor(private readonly db: DigestDb) {}

  /**
   * Claims the chat's row right before its first part is sent; false when a row already exists (this or an
   * overlapping run got there first), in which case nothing is sent.
   */
  claim(platform: string, chatId: string, slot: Slot, reportIds: number[], now: Date): boolean {
    return (
      this.db.$client
        .prepare(
          `INSERT INTO chat_deliveries(platform, chat_id, slot, status, report_ids, parts_total, next_part, in_flight, attempts, error, updated_at)
           VALUES (?, ?, ?, 'sending', ?, 0, 0, NULL, 0, NULL, ?) ON CONFLICT(platform, chat_id, slot) DO NOTHING`,
        )
        .run(platform, chatId, slot, JSON.stringify(reportIds), now.toISOString()).changes === 1
    );
  }

  /** One row, or null. */
  get(platform: string, chatId: string, slot: Slot): DeliveryRow | null {
    const r = this.db.$client
      .prepare(`SELECT ${COLUMNS} FROM chat_deliveries WHERE platform = ? AND chat_id = ? AND slot = ?`)
      .get(platform, chatId, slot) as Raw | undefined;
    return r ? toRow(r) : null;
  }

  /** Counts one publish attempt of `total` parts (a fresh `updated_at` tells overlapping runs the row is worked on). */
  attempt(platform: string, chatId: string, slot: Slot, total: number, now: Date): void {
    this.update('attempts = attempts + 1, parts_total = ?', [total], platform, chatId, slot, now);
  }

  /** Part `part` is about to be sent: if the process dies now, its outcome is unknown. */
  sendingPart(platform: string, chatId: string, slot: Slot, part: number, now: Date): void {
    this.update('in_flight = ?', [part], platform, chatId, slot, now);
  }

  /** The platform accepted part `part` of `total`: the next attempt or run starts after it. */
  partSent(platform: string, chatId: string, slot: Slot, part: number, total: number, now: Date): void {
    this.update('next_part = ?, in_flight = NULL, parts_total = ?', [part + 1, total], platform, chatId, slot, now);
  }

  /** The part in flight got an answer that says it was not accepted (429, 5xx, refused connection). */
  partFailed(platform: string, chatId: string, slot: Slot, now: Date): void {
    this.update('in_flight = NULL', [], platform, chatId, slot, now);
  }

  /** Closes a claimed row as sent or failed. */
  finish(platform: string, chatId: string, slot: Slot, status: 'sent' | 'failed', error: string | null, now: Date): void {
    this.update('status = ?, error = ?', [status, error], platform, chatId, slot, now);
  }

  /** Records that a chat had nothing to send this slot (so a re-run does not reconsider it). */
  skip(platform: string, chatId: string, slot: Slot, reason: string, now: Date): void {
    this.db.$client
      .prepare(
        `INSERT INTO chat_deliveries(platform, chat_id, slot, status, report_ids, parts_total, next_part, in_flight, attempts, error, updated_at)
         VALUES (?, ?, ?, 'skipped', '[]', 0, 0, NULL, 0, ?, ?) ON CONFLICT(platform, chat_id, slot) DO NOTHING`,
      )
      .run(platform, chatId, slot, reason, now.toISOString());
  }

  /**
   * Takes over the `sending` rows of `slot` not touched since `staleBefore` (their run died) so this run can
   * resume them. A part that was in flight at the crash may have arrived: it is counted as sent and skipped
   * (never twice); the parts after it are sent. Compare-and-set on `updated_at`: of two recovering runs only
   * one wins each row.
   */
  takeOverInterrupted(slot: Slot, staleBefore: Date, now: Date): DeliveryRow[] {
    const stale = (
      this.db.$client
        .prepare(`SELECT ${COLUMNS} FROM chat_deliveries WHERE slot = ? AND status = 'sending' AND updated_at < ?`)
        .all(slot, staleBefore.toISOString()) as Raw[]
    ).map(toRow);
    const taken: DeliveryRow[] = [];
    for (const row of stale) {
      const next = row.inFlight !== null ? Math.max(row.nextPart, row.inFlight + 1) : row.nextPart;
      const note =
        row.inFlight !== null ? `part ${row.inFlight + 1} interrupted while sending: maybe delivered, not resent` : row.error;
      const won =
        this.db.$client
          .prepare(
            `UPDATE chat_deliveries SET next_part = ?, in_flight = NULL, error = ?, updated_at = ?
             WHERE platform = ? AND chat_id = ? AND slot = ? AND status = 'sending' AND updated_at = ?`,
          )
          .run(next, note, now.toISOString(), row.platform, row.chatId, slot, row.updatedAt).changes === 1;
      if (won) taken.push({ ...row, nextPart: next, inFlight: null, error: note, updatedAt: now.toISOString() });
    }
    return taken;
  }

  /** Status of every row of a slot, by chat key. */
  statusesForSlot(slot: Slot): Map<string, DeliveryStatus> {
    const rows = this.db.$client
      .prepare('SELECT platform, chat_id AS chatId, status FROM chat_deliveries WHERE slot = ?')
      .all(slot) as { platform: string; chatId: string; status: DeliveryStatus }[];
    return new Map(rows.map((r) => [chatKey(r.platform, r.chatId), r.status]));
  }

  /**
   * Report ids each chat has (maybe) received in any slot, so no report is offered twice: rows being sent or
   * sent, failed rows of which a part was accepted, and rows of the per-subscription ledger of before.
   */
  deliveredReportIds(): Map<string, Set<number>> {
    const rows = this.db.$client
      .prepare(
        `SELECT platform, chat_id AS chatId, report_ids AS ids FROM chat_deliveries
         WHERE (status IN ('sending', 'sent') OR (status = 'failed' AND next_part > 0)) AND report_ids <> '[]'
         UNION ALL
         SELECT s.platform, s.chat_id, d.report_ids FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
         WHERE d.status IN ('sending', 'sent', 'unknown') AND d.report_ids <> '[]'`,
      )
      .all() as { platform: string; chatId: string; ids: string }[];
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
  countsForSlot(slot: Slot): Record<DeliveryStatus, number> {
    const counts: Record<DeliveryStatus, number> = { sending: 0, sent: 0, failed: 0, skipped: 0 };
    const rows = this.db.$client
      .prepare('SELECT status, count(*) AS n FROM chat_deliveries WHERE slot = ? GROUP BY status')
      .all(slot) as { status: DeliveryStatus; n: number }[];
    for (const r of rows) counts[r.status] = r.n;
    return counts;
  }

  /** Every row of a slot (tests, diagnostics). */
  rowsForSlot(slot: Slot): DeliveryRow[] {
    return (
      this.db.$client
        .prepare(`SELECT ${COLUMNS} FROM chat_deliveries WHERE slot = ? ORDER BY platform, chat_id`)
        .all(slot) as Raw[]
    ).map(toRow);
  }

  private update(set: string, values: unknown[], platform: string, chatId: string, slot: Slot, now: Date): void {
    this.db.$client
      .prepare(
        `UPDATE chat_deliveries SET ${set}, updated_at = ? WHERE platform = ? AND chat_id = ? AND slot = ? AND status = 'sending'`,
      )
      .run(...values, now.toISOString(), platform, chatId, slot);
  }
}
