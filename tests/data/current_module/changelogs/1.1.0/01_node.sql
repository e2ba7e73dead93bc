CREATE TABLE pum_current_data.node (
    id serial PRIMARY KEY,
    code varchar(6) NOT NULL UNIQUE CHECK (code ~ '^[A-Z]{{2}}[0-9]{{4}}$'),
    geometry geometry(Point, {srid}) NOT NULL
);

CREATE INDEX node_geometry_idx ON pum_current_data.node USING gist (geometry);
