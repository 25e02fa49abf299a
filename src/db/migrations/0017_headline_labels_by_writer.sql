-- headline_labels is counted by the report writer (src/db/headline-labels.ts) when it stores a report's facts,
-- not by this per-fact trigger: its look-up of the report's other facts was ~10 % of storing a report. The
-- delete trigger stays (a report's facts cascade away in SQL).
DROP TRIGGER IF EXISTS `headline_labels_insert`;
