CREATE TABLE `headline_rows` (
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
);
--> statement-breakpoint
CREATE INDEX `headline_rows_shape` ON `headline_rows` (`family`,`body`,`tier`,`own`,`annual`,`periods`,`any`,`year`,`province`);--> statement-breakpoint
-- headline_facts 0: openDb refills the read model, headline_rows included (its key bits are computed in JS).
INSERT OR REPLACE INTO `corpus_meta` (`key`, `value`) VALUES ('headline_facts', 0);
