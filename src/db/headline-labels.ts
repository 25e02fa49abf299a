import type Database from 'better-sqlite3';

/** A stored headline fact's row id and words, as `headline_labels` counts them. */
export interface LabelledFact {
  id: number;
  key: string;
  label: string;
}

// Prepared once per connection: every stored report upserts a dozen labels.
const upserts = new WeakMap<Database.Database, Database.Statement>();

/**
 * Counts one newly stored report's headline facts in `headline_labels` (call in the transaction that stored
 * them, facts in id order): each distinct (key, label) adds one report, and a new pair starts at its first fact.
 * The writer does this instead of an insert trigger: the trigger's per-fact look-up of the report's other
 * facts (NOT EXISTS over its figures) was ~10 % of storing a report. Deletes still go through the trigger.
 */
export function addHeadlineLabels(client: Database.Database, facts: readonly LabelledFact[]): void {
  let upsert = upserts.get(client);
  if (!upsert) {
    upsert = client.prepare(
      `INSERT INTO headline_labels (key, label, reports, first_id) VALUES (?, ?, 1, ?)
       ON CONFLICT (key, label) DO UPDATE SET reports = reports + 1`,
    );
    upserts.set(client, upsert);
  }
  const seen = new Map<string, Set<string>>();
  for (const f of facts) {
    let labels = seen.get(f.key);
    if (!labels) seen.set(f.key, (labels = new Set()));
    if (labels.has(f.label)) continue;
    labels.add(f.label);
    upsert.run(f.key, f.label, f.id);
  }
}
