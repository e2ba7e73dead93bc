-- Supports get the date of their last inspection.

ALTER TABLE signage_od.support ADD COLUMN date_last_inspection date;
COMMENT ON COLUMN signage_od.support.date_last_inspection IS 'Date of the last inspection (since 1.1.0)';

-- Signs already recorded were in good condition when they were captured.
UPDATE signage_od.sign SET fk_condition = 1 WHERE fk_condition IS NULL;
