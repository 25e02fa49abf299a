-- Full-text index of paragraphs. Each CJK character is indexed as its own token (the indexer writes the
-- text with spaces between CJK characters), so a phrase query matches substrings of any length, including
-- the 1–2 character terms (提案, 协商) that a trigram tokenizer cannot match. Contentless: the text itself
-- lives in `paragraphs`; rows are removed with the paragraph (contentless_delete).
CREATE VIRTUAL TABLE `paragraphs_fts` USING fts5(body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
--> statement-breakpoint
CREATE TRIGGER `paragraphs_fts_delete` AFTER DELETE ON `paragraphs` BEGIN
  DELETE FROM `paragraphs_fts` WHERE rowid = old.id;
END;
