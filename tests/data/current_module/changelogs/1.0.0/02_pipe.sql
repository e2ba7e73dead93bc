CREATE TABLE pum_current_data.pipe (
    id serial PRIMARY KEY,
    name text NOT NULL,
    status text NOT NULL DEFAULT {default_status}
        CHECK (status IN ('planned', 'built', 'abandoned')),
    diameter_mm integer CHECK (diameter_mm > 0),
    tags text[] NOT NULL DEFAULT '{{}}',
    geometry geometry(LineString, {srid}) NOT NULL
);

CREATE INDEX pipe_geometry_idx ON pum_current_data.pipe USING gist (geometry);
