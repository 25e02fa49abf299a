ALTER TABLE `headline_facts` ADD `checks` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `headline_facts_key_rank` ON `headline_facts` (`key`,`tier`,`period`,`normalized`,`other_body`,`body`,`unit`,`checks`,`year`,`province`,`region_name`,`report_id`);--> statement-breakpoint
-- headline_facts 0: openDb refills the read model, so every row gets its checks (computed in JS at ingest).
INSERT OR REPLACE INTO `corpus_meta` (`key`, `value`) VALUES ('headline_facts', 0);
