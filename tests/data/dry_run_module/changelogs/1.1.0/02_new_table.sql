CREATE TABLE pum_dry_run.added_table (
    id integer PRIMARY KEY
);
INSERT INTO pum_dry_run.added_table VALUES (1), (2);
