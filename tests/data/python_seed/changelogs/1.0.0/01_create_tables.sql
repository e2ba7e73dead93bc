CREATE SCHEMA pum_pyseed_data;
CREATE TABLE pum_pyseed_data.some_table (
    id serial PRIMARY KEY,
    name text NOT NULL,
    geometry geometry(Point, 4326)
);
INSERT INTO pum_pyseed_data.some_table (name, geometry) VALUES ('a', ST_SetSRID(ST_MakePoint(7.4, 46.9), 4326));
