CREATE TABLE `headline_labels` (
	`key` text NOT NULL,
	`label` text NOT NULL,
	`reports` integer NOT NULL,
	`first_id` integer NOT NULL,
	PRIMARY KEY(`key`, `label`)
);
--> statement-breakpoint
DROP INDEX `reports_region_year`;
--> statement-breakpoint
CREATE INDEX `reports_listing` ON `reports` (`province`,`region_name`,`year`,`id`,`region_code`,`region_short`,`region_level`,`body`,`kind`,`parent`,`period`);
--> statement-breakpoint
CREATE INDEX `reports_region_year` ON `reports` (`region_code`,`year`,`region_name`,`region_short`,`province`);
--> statement-breakpoint
-- The labels of the facts already stored; the triggers below keep them with every insert and delete of a
-- headline fact (a report's rows cascade), in the writer's transaction.
INSERT INTO `headline_labels` (`key`, `label`, `reports`, `first_id`)
SELECT `key`, `label`, count(DISTINCT `report_id`), min(`id`) FROM `metrics` WHERE `headline` = 1 GROUP BY `key`, `label`;
--> statement-breakpoint
-- `+key`/`+headline` keep the look-ups on the report's few facts (metrics_report): without statistics the
-- planner would take metrics_key_headline and scan every fact of the key, once per inserted fact.
CREATE TRIGGER `headline_labels_insert` AFTER INSERT ON `metrics` WHEN new.`headline` = 1 BEGIN
  INSERT INTO `headline_labels` (`key`, `label`, `reports`, `first_id`) VALUES (new.`key`, new.`label`, 1, new.`id`)
  ON CONFLICT (`key`, `label`) DO UPDATE SET `reports` = `reports` + 1
  WHERE NOT EXISTS (SELECT 1 FROM `metrics` m WHERE m.`report_id` = new.`report_id` AND +m.`key` = new.`key`
    AND m.`label` = new.`label` AND +m.`headline` = 1 AND m.`id` <> new.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `headline_labels_delete` AFTER DELETE ON `metrics` WHEN old.`headline` = 1 BEGIN
  UPDATE `headline_labels` SET `reports` = `reports` - 1 WHERE `key` = old.`key` AND `label` = old.`label`
    AND NOT EXISTS (SELECT 1 FROM `metrics` m WHERE m.`report_id` = old.`report_id` AND +m.`key` = old.`key`
      AND m.`label` = old.`label` AND +m.`headline` = 1);
  DELETE FROM `headline_labels` WHERE `key` = old.`key` AND `label` = old.`label` AND `reports` <= 0;
  -- The first fact of a label gone: the next one stored (an indexed range of the key's facts).
  UPDATE `headline_labels` SET `first_id` = (SELECT min(m.`id`) FROM `metrics` m WHERE m.`key` = old.`key`
      AND m.`headline` = 1 AND m.`label` = old.`label`)
    WHERE `key` = old.`key` AND `label` = old.`label` AND `first_id` = old.`id`;
END;
