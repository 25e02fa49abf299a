import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The search index's virtual tables, created by hand in migration 0002 (drizzle-kit cannot write FTS5), described
 * here for typed queries only: this file is not in drizzle.config's schema, so no migration is generated from it.
 */

/** The FTS5 gram index over `paragraphs` (rowid = paragraph id); `body` holds the gram text, queried with MATCH. */
export const paragraphGrams = sqliteTable('paragraph_grams', {
  rowid: integer('rowid').notNull(),
  body: text('body').notNull(),
});

/** fts5vocab over `paragraph_grams`: per token, the number of paragraphs (`doc`) holding it. */
export const paragraphGramsVocab = sqliteTable('paragraph_grams_vocab', {
  term: text('term').notNull(),
  doc: integer('doc').notNull(),
});
