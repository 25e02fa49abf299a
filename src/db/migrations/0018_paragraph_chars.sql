-- A paragraph's length in characters, stored with its text: /search ranks its 500 candidates by length, and
-- length() over each text was ~0.2 ms of a search. Old rows are filled here (an upgraded file grows by the
-- pages this splits, ~0.8–1 KB a report at 30,000–100,000 reports, until a VACUUM; new rows cost ~0.1 KB a report).
ALTER TABLE `paragraphs` ADD `chars` integer;--> statement-breakpoint
UPDATE `paragraphs` SET `chars` = length(`text`);
