-- Alters the table of 1.9.0: versions must run in numeric order, not text order.
ALTER TABLE pum_current_data.maintenance ALTER COLUMN kind TYPE varchar(50);

ALTER TABLE pum_current_data.maintenance
    ADD COLUMN check_after_years integer[] NOT NULL DEFAULT '{{1,5}}';
