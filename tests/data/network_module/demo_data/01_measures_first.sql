-- Measures before the nodes they belong to, as pg_dump --data-only writes
-- tables in name order: only valid once the transaction would commit.
INSERT INTO network_od.measure (id, node_id, value) VALUES (1, 10, 4.2), (2, 10, 5.0), (3, 20, 1.5);
INSERT INTO network_od.node (id, name, geometry, last_measure_id) VALUES
    (10, 'Pump station', ST_SetSRID(ST_MakePoint(2600000, 1200000), {SRID}), 2),
    (20, 'Outlet', ST_SetSRID(ST_MakePoint(2600100, 1200050), {SRID}), 3);
