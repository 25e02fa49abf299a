DROP INDEX `metrics_key_headline`;--> statement-breakpoint
ALTER TABLE `metrics` ADD `evidence_ord` integer;--> statement-breakpoint
ALTER TABLE `metrics` ADD `evidence_at` integer;--> statement-breakpoint
ALTER TABLE `metrics` ADD `evidence_len` integer;--> statement-breakpoint
CREATE INDEX `metrics_headline_key` ON `metrics` (`key`) WHERE headline = 1;--> statement-breakpoint
DROP INDEX `paragraphs_report`;--> statement-breakpoint
CREATE UNIQUE INDEX `paragraphs_report_ord` ON `paragraphs` (`report_id`,`ord`);--> statement-breakpoint
-- Stored evidence becomes a reference into the report's paragraphs (ord, start, length in characters, as
-- instr/substr count them) wherever it is one paragraph's substring; merged facts (one sentence per line) and
-- anything else keep the text. Readers resolve it with substr, so they still get the same string.
UPDATE `metrics` SET `evidence_ord` = (
  SELECT p.`ord` FROM `paragraphs` p
  WHERE p.`report_id` = `metrics`.`report_id` AND instr(p.`text`, `metrics`.`evidence`) > 0 ORDER BY p.`ord` LIMIT 1
) WHERE `evidence` <> '' AND instr(`evidence`, char(10)) = 0;
--> statement-breakpoint
UPDATE `metrics` SET
  `evidence_at` = (
    SELECT instr(p.`text`, `metrics`.`evidence`) - 1 FROM `paragraphs` p
    WHERE p.`report_id` = `metrics`.`report_id` AND p.`ord` = `metrics`.`evidence_ord`
  ),
  `evidence_len` = length(`evidence`),
  `evidence` = ''
WHERE `evidence_ord` IS NOT NULL;
