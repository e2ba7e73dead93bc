INSERT INTO network_od.node (id, name) VALUES (10, 'Pump station');
INSERT INTO network_od.measure (id, node_id, value) VALUES (1, 10, -3);
