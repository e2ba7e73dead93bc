DROP VIEW IF EXISTS pum_dry_run.vw_full;
