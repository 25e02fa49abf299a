import type Database from 'better-sqlite3';
import { readMeta, writeMeta } from './corpus-meta.js';
import { toGramText } from './gram-index.js';

/**
 * Builds the search index from `paragraphs` when a migration left it unbuilt (gram_index = 0): the
 * tokenizing is JS, so SQL alone cannot fill it. One transaction, so a crash leaves it unbuilt, not partial.
 */
export function rebuildGramsIfNeeded(client: Database.Database): number {
  if (readMeta(client, 'gram_index') === 1) return 0;
  let n = 0;
  client.transaction(() => {
    client.prepare("INSERT INTO paragraph_grams(paragraph_grams) VALUES ('delete-all')").run();
    const insert = client.prepare('INSERT INTO paragraph_grams(rowid, body) VALUES (?, ?)');
    // In pages: better-sqlite3 cannot write while a read on the same connection is still iterating.
    const page = client.prepare('SELECT id, text FROM paragraphs WHERE id > ? ORDER BY id LIMIT 2000');
    for (let after = 0; ; ) {
      const rows = page.all(after) as { id: number; text: string }[];
      if (!rows.length) break;
      for (const p of rows) insert.run(p.id, toGramText(p.text));
      n += rows.length;
      after = rows[rows.length - 1]!.id;
    }
    writeMeta(client, 'gram_index', 1);
  })();
  return n;
}
