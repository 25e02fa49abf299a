import { desc, eq } from 'drizzle-orm';
import type { DigestDb } from './open.js';
import { slotRuns } from './schema.js';

/** The slot_runs table: when a slot's run started and whether it completed (for start-up catch-up). */
export class SlotRuns {
  constructor(private readonly db: DigestDb) {}

  /** Records the start of a run; a re-run keeps the first start time. */
  begin(slot: string, now: Date): void {
    this.db.insert(slotRuns).values({ slot, startedAt: now.toISOString() }).onConflictDoNothing({ target: slotRuns.slot }).run();
  }

  /** Marks the slot done with a JSON summary of the run. */
  complete(slot: string, summary: unknown, now: Date): void {
    this.db
      .update(slotRuns)
      .set({ completedAt: now.toISOString(), summary: JSON.stringify(summary) })
      .where(eq(slotRuns.slot, slot))
      .run();
  }

  /** True when a run of the slot completed. */
  isComplete(slot: string): boolean {
    const row = this.db.select({ done: slotRuns.completedAt }).from(slotRuns).where(eq(slotRuns.slot, slot)).get();
    return Boolean(row?.done);
  }

  /** True when a run of the slot started (completed or not). */
  began(slot: string): boolean {
    return this.db.select({ slot: slotRuns.slot }).from(slotRuns).where(eq(slotRuns.slot, slot)).get() !== undefined;
  }

  /** All runs, newest first (for tests and diagnostics). */
  list(): (typeof slotRuns.$inferSelect)[] {
    return this.db.select().from(slotRuns).orderBy(desc(slotRuns.slot)).all();
  }
}
