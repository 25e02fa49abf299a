-- reports.terms in the compact form of src/db/term-counts.ts (`count<TAB>term<TAB>…` lines) instead of JSON:
-- ~250 bytes a report. Only records the compact form writes exactly and in the same order (counts positive
-- integers, no tab or newline in a term, counts never rising along the record — as extraction sorts them);
-- any other row stays JSON, which readers still read.
UPDATE `reports` SET `terms` = coalesce((
    SELECT group_concat(g.line, char(10) ORDER BY g.n DESC)
    FROM (SELECT j.value AS n, j.value || char(9) || group_concat(j.key, char(9) ORDER BY j.id) AS line
      FROM json_each(`reports`.`terms`) j GROUP BY j.value) g
  ), '')
  WHERE `terms` LIKE '{%' AND json_valid(`terms`)
    AND NOT EXISTS (SELECT 1 FROM json_each(`reports`.`terms`) j
      WHERE j.type <> 'integer' OR j.value <= 0 OR instr(j.key, char(9)) OR instr(j.key, char(10)))
    AND NOT EXISTS (SELECT 1 FROM (SELECT j.value AS n, lag(j.value) OVER (ORDER BY j.id) AS before
      FROM json_each(`reports`.`terms`) j) WHERE n > before);
