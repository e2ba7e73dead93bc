CREATE SCHEMA pum_test_upgrade;
CREATE TABLE pum_test_upgrade.pipe (
    id serial PRIMARY KEY,
    name text NOT NULL,
    srid integer NOT NULL DEFAULT {srid}
);
