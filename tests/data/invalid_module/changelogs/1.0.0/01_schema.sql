-- The schema, with a trailing comma PostgreSQL refuses.
CREATE SCHEMA invalid;

CREATE TABLE invalid.point (
    id serial PRIMARY KEY,
    geom geometry(Point, {srid}),
);

BEGIN;
INSERT INTO invalid.point (geom) VALUES (ST_SetSRID(ST_MakePoint(0, 0), {sird}));
-- {never_used} in a comment is not a use
