-- A few supports and signs around Bern's old town (coordinates in LV95,
-- stored in the module's {srid}). Written for the latest version (1.2.0).

INSERT INTO signage_od.support (id, fk_support_type, geometry, height, date_installed, date_last_inspection) VALUES
    ('6f1c2a52-7d3e-4b8a-9a51-0c4f6f3b1a01', 1, ST_Transform(ST_SetSRID(ST_MakePoint(2600670, 1199650), 2056), {srid}), 2.40, '2019-05-14', '2025-03-02'),
    ('6f1c2a52-7d3e-4b8a-9a51-0c4f6f3b1a02', 1, ST_Transform(ST_SetSRID(ST_MakePoint(2600815, 1199702), 2056), {srid}), 2.20, '2021-09-01', '2025-03-02'),
    ('6f1c2a52-7d3e-4b8a-9a51-0c4f6f3b1a03', 2, ST_Transform(ST_SetSRID(ST_MakePoint(2601020, 1199610), 2056), {srid}), 3.10, '2015-06-20', NULL),
    ('6f1c2a52-7d3e-4b8a-9a51-0c4f6f3b1a04', 3, ST_Transform(ST_SetSRID(ST_MakePoint(2599870, 1199930), 2056), {srid}), 5.50, '2018-11-11', '2024-10-15');

INSERT INTO signage_od.sign (fk_support, fk_category, official_code, azimuth, ordering, inscription, fk_condition) VALUES
    ('6f1c2a52-7d3e-4b8a-9a51-0c4f6f3b1a01', 2, '2.30', 90, 1, '30', 1),
    ('6f1c2a52-7d3e-4b8a-9a51-0c4f6f3b1a01', 1, '1.22', 90, 2, NULL, 3),
    ('6f1c2a52-7d3e-4b8a-9a51-0c4f6f3b1a02', 3, '3.02', 270, 1, NULL, 1),
    ('6f1c2a52-7d3e-4b8a-9a51-0c4f6f3b1a03', 4, '4.17', 180, 1, 'Bern', 2),
    ('6f1c2a52-7d3e-4b8a-9a51-0c4f6f3b1a04', 5, '4.31', 0, 1, 'Zürich / Basel', 1),
    ('6f1c2a52-7d3e-4b8a-9a51-0c4f6f3b1a04', 5, '4.32', 0, 2, 'Thun / Interlaken', 1);
