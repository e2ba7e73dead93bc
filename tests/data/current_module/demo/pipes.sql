-- Runs after nodes.sql: pipes reference their end nodes by code.
INSERT INTO pum_current_data.pipe (name, status, diameter_mm, tags, geometry, from_node, to_node)
SELECT v.name, v.status, v.diameter_mm, v.tags::text[], ST_MakeLine(a.geometry, b.geometry), a.id, b.id
FROM (VALUES
    ('P1', 'built', 200, '{{main}}', 'AB0001', 'AB0002'),
    ('P2', 'planned', 150, '{{}}', 'AB0002', 'AB0003')
) AS v (name, status, diameter_mm, tags, from_code, to_code)
JOIN pum_current_data.node a ON a.code = v.from_code
JOIN pum_current_data.node b ON b.code = v.to_code;
