CREATE VIEW pum_dry_run.vw_full AS SELECT * FROM pum_dry_run.full_table;
