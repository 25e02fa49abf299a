CREATE TABLE `corpus_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `report_originals` (
	`report_id` integer PRIMARY KEY NOT NULL,
	`original` blob NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `report_originals` (`report_id`, `original`) SELECT `id`, `original` FROM `reports`;
--> statement-breakpoint
ALTER TABLE `reports` DROP COLUMN `original`;
--> statement-breakpoint
-- gram_index 0: openDb rebuilds the new search index from `paragraphs` (tokenizing needs JS).
INSERT INTO `corpus_meta` (`key`, `value`) VALUES ('corpus_version', 0), ('keywords_dirty', 1), ('gram_index', 0);
--> statement-breakpoint
-- The search index: unigram + bigram tokens without positions (see src/db/gram-index.ts). Contentless; rows
-- go with their paragraph. It replaces the per-character positional index.
DROP TRIGGER IF EXISTS `paragraphs_fts_delete`;
--> statement-breakpoint
DROP TABLE IF EXISTS `paragraphs_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `paragraph_grams` USING fts5(body, content='', contentless_delete=1, detail=none, tokenize='ascii');
--> statement-breakpoint
CREATE VIRTUAL TABLE `paragraph_grams_vocab` USING fts5vocab(`paragraph_grams`, 'row');
--> statement-breakpoint
CREATE TRIGGER `paragraph_grams_delete` AFTER DELETE ON `paragraphs` BEGIN
  DELETE FROM `paragraph_grams` WHERE rowid = old.id;
END;