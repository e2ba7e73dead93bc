INSERT INTO pum_current_data.node (code, geometry) VALUES
    ('AB0001', ST_SetSRID(ST_MakePoint(2600000, 1200000), {srid})),
    ('AB0002', ST_SetSRID(ST_MakePoint(2600120, 1200050), {srid})),
    ('AB0003', ST_SetSRID(ST_MakePoint(2600200, 1200180), {srid}));
