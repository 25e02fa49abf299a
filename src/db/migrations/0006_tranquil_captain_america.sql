CREATE TABLE `telegram_updates` (
	`update_id` integer PRIMARY KEY NOT NULL,
	`payload` text,
	`received_at` text NOT NULL,
	`handled_at` text
);
