ALTER TABLE `report_originals` ADD `page` text;--> statement-breakpoint
ALTER TABLE `reports` ADD `extractor_version` integer DEFAULT 0 NOT NULL;