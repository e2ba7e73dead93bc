-- A table without geometry and a view: layers with a key column of their own.
CREATE TABLE pum_project.valve (
    id serial PRIMARY KEY,
    node_id integer NOT NULL REFERENCES pum_project.node (id),
    kind text NOT NULL
);
INSERT INTO pum_project.valve (node_id, kind) SELECT id, 'gate' FROM pum_project.node;

CREATE VIEW pum_project.vw_built_pipe AS
    SELECT id, name, geometry FROM pum_project.pipe WHERE status = 'built';
