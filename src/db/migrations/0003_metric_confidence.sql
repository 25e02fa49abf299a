ALTER TABLE `metrics` ADD `body_scope` text DEFAULT 'own' NOT NULL;--> statement-breakpoint
ALTER TABLE `metrics` ADD `confidence` text DEFAULT 'high' NOT NULL;--> statement-breakpoint
ALTER TABLE `metrics` ADD `rule` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `metrics` ADD `flags` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `metrics` ADD `derived` text;