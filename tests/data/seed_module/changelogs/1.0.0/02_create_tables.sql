CREATE TABLE pum_test_data.some_table (
    id serial PRIMARY KEY,
    name text NOT NULL,
    is_active boolean NOT NULL DEFAULT true,
    geometry geometry(Point, 2056)
);

CREATE INDEX some_table_geometry_idx ON pum_test_data.some_table USING gist (geometry);

COMMENT ON TABLE pum_test_data.some_table IS 'Points of the pum_test module';
