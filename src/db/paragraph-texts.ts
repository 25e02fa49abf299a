import { inArray } from 'drizzle-orm';
import type { DigestDb } from './open.js';
import { paragraphs } from './schema.js';

/** The text of the given paragraphs by id (point reads of the primary key, chunked below SQLite's variable limit). */
export function paragraphTextsById(db: DigestDb, ids: readonly number[]): Map<number, string> {
  const out = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 500)
    for (const p of db
      .select({ id: paragraphs.id, text: paragraphs.text })
      .from(paragraphs)
      .where(inArray(paragraphs.id, ids.slice(i, i + 500)))
      .all())
      out.set(p.id, p.text);
  return out;
}
