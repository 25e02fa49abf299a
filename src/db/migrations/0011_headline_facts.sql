CREATE TABLE `headline_facts` (
	`report_id` integer NOT NULL,
	`key` text NOT NULL,
	`metric_id` integer NOT NULL,
	`value` real NOT NULL,
	`unit` text NOT NULL,
	`approx` text NOT NULL,
	`normalized` real NOT NULL,
	`period` text NOT NULL,
	`doubts` text NOT NULL,
	`derived` text,
	`other_body` integer NOT NULL,
	`tier` text NOT NULL,
	`year` integer,
	`province` text,
	`body` text,
	`region_name` text,
	`report_period` text NOT NULL,
	PRIMARY KEY(`report_id`, `key`),
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `headline_facts_key_listing` ON `headline_facts` (`key`,`province`,`region_name`,`year`,`report_id`);--> statement-breakpoint
CREATE INDEX `headline_facts_key_value` ON `headline_facts` (`key`,`normalized`);--> statement-breakpoint
-- headline_facts 0: openDb fills the read model from `metrics` (the compare period reads evidence with JS).
INSERT OR REPLACE INTO `corpus_meta` (`key`, `value`) VALUES ('headline_facts', 0);
