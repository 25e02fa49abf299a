-- Tables keyed by (report, something) stored in their key's b-tree (WITHOUT ROWID): no rowid and no second
-- b-tree for the key (sqlite_autoindex_*), ~0.85 KB a report at 10,000 reports. drizzle-kit cannot declare WITHOUT
-- ROWID: a migration it generates that recreates one of these tables must add it again (test/db/upgrade.test.ts
-- checks the four tables).
CREATE TABLE `__new_headline_facts` (
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
	`checks` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`report_id`, `key`),
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_headline_facts` (`report_id`, `key`, `metric_id`, `value`, `unit`, `approx`, `normalized`, `period`, `doubts`, `derived`, `other_body`, `tier`, `year`, `province`, `body`, `region_name`, `report_period`, `checks`) SELECT `report_id`, `key`, `metric_id`, `value`, `unit`, `approx`, `normalized`, `period`, `doubts`, `derived`, `other_body`, `tier`, `year`, `province`, `body`, `region_name`, `report_period`, `checks` FROM `headline_facts`;
--> statement-breakpoint
DROP TABLE `headline_facts`;
--> statement-breakpoint
ALTER TABLE `__new_headline_facts` RENAME TO `headline_facts`;
--> statement-breakpoint
CREATE INDEX `headline_facts_key_listing` ON `headline_facts` (`key`,`province`,`region_name`,`year`,`report_id`);
--> statement-breakpoint
CREATE INDEX `headline_facts_key_value` ON `headline_facts` (`key`,`normalized`);
--> statement-breakpoint
CREATE INDEX `headline_facts_key_rank` ON `headline_facts` (`key`,`tier`,`period`,`normalized`,`other_body`,`body`,`unit`,`checks`,`year`,`province`,`region_name`,`report_id`);
--> statement-breakpoint
-- headline_rows: per report and metric family.
CREATE TABLE `__new_headline_rows` (
	`report_id` integer NOT NULL,
	`family` text NOT NULL,
	`own` integer NOT NULL,
	`any` integer NOT NULL,
	`annual` integer NOT NULL,
	`periods` text NOT NULL,
	`tier` text NOT NULL,
	`year` integer,
	`province` text,
	`body` text,
	PRIMARY KEY(`report_id`, `family`),
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_headline_rows` (`report_id`, `family`, `own`, `any`, `annual`, `periods`, `tier`, `year`, `province`, `body`) SELECT `report_id`, `family`, `own`, `any`, `annual`, `periods`, `tier`, `year`, `province`, `body` FROM `headline_rows`;
--> statement-breakpoint
DROP TABLE `headline_rows`;
--> statement-breakpoint
ALTER TABLE `__new_headline_rows` RENAME TO `headline_rows`;
--> statement-breakpoint
CREATE INDEX `headline_rows_shape` ON `headline_rows` (`family`,`body`,`tier`,`own`,`annual`,`periods`,`any`,`year`,`province`);
--> statement-breakpoint
-- sections: per report and ord.
CREATE TABLE `__new_sections` (
	`report_id` integer NOT NULL,
	`ord` integer NOT NULL,
	`path` text NOT NULL,
	`title` text NOT NULL,
	`level` integer NOT NULL,
	`scope` text,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`summary` text NOT NULL,
	PRIMARY KEY(`report_id`, `ord`),
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_sections` (`report_id`, `ord`, `path`, `title`, `level`, `scope`, `start`, `end`, `summary`) SELECT `report_id`, `ord`, `path`, `title`, `level`, `scope`, `start`, `end`, `summary` FROM `sections`;
--> statement-breakpoint
DROP TABLE `sections`;
--> statement-breakpoint
ALTER TABLE `__new_sections` RENAME TO `sections`;
--> statement-breakpoint
-- parts: per report and ord.
CREATE TABLE `__new_parts` (
	`report_id` integer NOT NULL,
	`ord` integer NOT NULL,
	`title` text NOT NULL,
	`scope` text NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	PRIMARY KEY(`report_id`, `ord`),
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_parts` (`report_id`, `ord`, `title`, `scope`, `start`, `end`) SELECT `report_id`, `ord`, `title`, `scope`, `start`, `end` FROM `parts`;
--> statement-breakpoint
DROP TABLE `parts`;
--> statement-breakpoint
ALTER TABLE `__new_parts` RENAME TO `parts`;
