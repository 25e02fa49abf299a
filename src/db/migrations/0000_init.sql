CREATE TABLE `chat_settings` (
	`platform` text NOT NULL,
	`chat_id` text NOT NULL,
	`script` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`platform`, `chat_id`)
);
--> statement-breakpoint
CREATE TABLE `deliveries` (
	`subscription_id` integer NOT NULL,
	`slot` text NOT NULL,
	`status` text NOT NULL,
	`report_ids` text NOT NULL,
	`attempts` integer NOT NULL,
	`error` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`subscription_id`, `slot`),
	FOREIGN KEY (`subscription_id`) REFERENCES `subscriptions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `metrics` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`key` text NOT NULL,
	`label` text NOT NULL,
	`value` real NOT NULL,
	`unit` text NOT NULL,
	`approx` text NOT NULL,
	`lower` real,
	`upper` real,
	`normalized` real NOT NULL,
	`scope` text,
	`period` text NOT NULL,
	`evidence` text NOT NULL,
	`section_path` text,
	`offset` integer NOT NULL,
	`headline` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `metrics_report` ON `metrics` (`report_id`);--> statement-breakpoint
CREATE INDEX `metrics_key_headline` ON `metrics` (`key`,`headline`);--> statement-breakpoint
CREATE TABLE `paragraphs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`ord` integer NOT NULL,
	`section_path` text,
	`text` text NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `paragraphs_report` ON `paragraphs` (`report_id`);--> statement-breakpoint
CREATE TABLE `parts` (
	`report_id` integer NOT NULL,
	`ord` integer NOT NULL,
	`title` text NOT NULL,
	`scope` text NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	PRIMARY KEY(`report_id`, `ord`),
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `report_files` (
	`path` text PRIMARY KEY NOT NULL,
	`report_id` integer NOT NULL,
	`hash` text NOT NULL,
	`size` integer NOT NULL,
	`mtime_ms` real NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`hash` text NOT NULL,
	`source_file` text NOT NULL,
	`title` text,
	`body` text,
	`kind` text,
	`region_code` text,
	`region_name` text,
	`region_short` text,
	`region_level` text,
	`region_tier` text,
	`province` text,
	`parent` text,
	`year` integer,
	`delivered_on` text,
	`speaker` text,
	`session` text,
	`source_url` text,
	`script` text NOT NULL,
	`encoding` text NOT NULL,
	`text_length` integer NOT NULL,
	`original` blob NOT NULL,
	`summary` text NOT NULL,
	`plan_summary` text NOT NULL,
	`keywords` text NOT NULL,
	`terms` text NOT NULL,
	`ingested_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_hash` ON `reports` (`hash`);--> statement-breakpoint
CREATE INDEX `reports_region_year` ON `reports` (`region_code`,`year`);--> statement-breakpoint
CREATE INDEX `reports_year` ON `reports` (`year`);--> statement-breakpoint
CREATE INDEX `reports_ingested_at` ON `reports` (`ingested_at`);--> statement-breakpoint
CREATE TABLE `sections` (
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
);
--> statement-breakpoint
CREATE TABLE `slot_runs` (
	`slot` text PRIMARY KEY NOT NULL,
	`started_at` text NOT NULL,
	`completed_at` text,
	`summary` text
);
--> statement-breakpoint
CREATE TABLE `subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`platform` text NOT NULL,
	`chat_id` text NOT NULL,
	`filter` text NOT NULL,
	`filter_kind` text NOT NULL,
	`filter_value` text NOT NULL,
	`active` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`deactivated_reason` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscriptions_chat_filter` ON `subscriptions` (`platform`,`chat_id`,`filter`);--> statement-breakpoint
CREATE TABLE `term_df` (
	`term` text PRIMARY KEY NOT NULL,
	`df` integer NOT NULL
);
