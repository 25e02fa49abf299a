import type { DigestDb } from '../db/open.js';
import type { Slot } from './slot.js';

/** The slot_runs table: when a slot's run started and whether it completed (for start-up catch-up). */
export class SlotRuns {
  constructor(private readonly db: DigestDb) {}

  /** Records the start of a run; a re-run keeps the first start time. */
  begin(slot: Slot, now: Date): void {
    this.db.$client
      .prepare('INSERT INTO slot_runs(slot, started_at) VALUES (?, ?) ON CONFLICT(slot) DO NOTHING')
      .run(slot, now.toISOString());
  }

  /** Marks the slot done with a JSON summary of the run. */
  complete(slot: Slot, summary: unknown, now: Date): void {
    this.db.$client
      .prepare('UPDATE slot_runs SET completed_at = ?, summary = ? WHERE slot = ?')
      .run(now.toISOString(), JSON.stringify(summary), slot);
  }

  /** True when a run of the slot completed. */
  isComplete(slot: Slot): boolean {
    const row = this.db.$client.prepare('SELECT completed_at AS done FROM slot_runs WHERE slot = ?').get(slot) as
      | { done: string | null }
      | undefined;
    return Boolean(row?.done);
  }

  /** True when a run of the slot started (completed or not). */
  began(slot: Slot): boolean {
    return this.db.$client.prepare('SELECT 1 FROM slot_runs WHERE slot = ?').get(slot) !== undefined;
  }

  /** All runs, newest first (for tests and diagnostics). */
  list(): { slot: Slot; startedAt: string; completedAt: string | null; summary: string | null }[] {
    return this.db.$client
      .prepare('SELECT slot, started_at AS startedAt, completed_at AS completedAt, summary FROM slot_runs ORDER BY slot DESC')
      .all() as {
      slot: Slot;
      startedAt: string;
      completedAt: string | null;
      summary: string | null;
    }[];
  }
}
