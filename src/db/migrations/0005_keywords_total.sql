ALTER TABLE `reports` ADD `keywords_total` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `reports_keywords_total` ON `reports` (`keywords_total`);