CREATE SCHEMA pum_dry_run;

CREATE TABLE pum_dry_run.full_table (
    id serial PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE pum_dry_run.empty_table (
    id integer PRIMARY KEY
);
