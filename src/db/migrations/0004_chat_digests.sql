CREATE TABLE `chat_deliveries` (
	`platform` text NOT NULL,
	`chat_id` text NOT NULL,
	`slot` text NOT NULL,
	`status` text NOT NULL,
	`report_ids` text NOT NULL,
	`parts_total` integer NOT NULL,
	`next_part` integer NOT NULL,
	`in_flight` integer,
	`attempts` integer NOT NULL,
	`error` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`platform`, `chat_id`, `slot`)
);
--> statement-breakpoint
ALTER TABLE `chat_settings` ADD `digest_paused` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `chat_settings` ADD `digest_weekday` integer;--> statement-breakpoint
ALTER TABLE `chat_settings` ADD `digest_hour` integer;--> statement-breakpoint
ALTER TABLE `subscriptions` ADD `subject_kind` text;--> statement-breakpoint
ALTER TABLE `subscriptions` ADD `subject_value` text;