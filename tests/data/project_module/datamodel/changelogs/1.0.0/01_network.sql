CREATE SCHEMA pum_project;

CREATE TABLE pum_project.node (
    id serial PRIMARY KEY,
    code text NOT NULL UNIQUE,
    geometry geometry(Point, 2056) NOT NULL
);

CREATE TABLE pum_project.pipe (
    id serial PRIMARY KEY,
    name text NOT NULL,
    status text NOT NULL DEFAULT 'built',
    geometry geometry(LineString, 2056) NOT NULL
);

-- Reference data shipped with the module: the project's layers show them.
INSERT INTO pum_project.node (code, geometry) VALUES
    ('N1', ST_SetSRID(ST_MakePoint(2600000, 1200000), 2056)),
    ('N2', ST_SetSRID(ST_MakePoint(2600100, 1200050), 2056));
INSERT INTO pum_project.pipe (name, status, geometry) VALUES
    ('P1', 'built', ST_SetSRID(ST_MakeLine(ST_MakePoint(2600000, 1200000), ST_MakePoint(2600100, 1200050)), 2056)),
    ('P2', 'abandoned', ST_SetSRID(ST_MakeLine(ST_MakePoint(2600100, 1200050), ST_MakePoint(2600150, 1200200)), 2056));
