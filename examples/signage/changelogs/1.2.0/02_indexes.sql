-- Spatial index for map display, and indexes for the value list lookups.

CREATE INDEX support_geometry_idx ON signage_od.support USING gist (geometry);
CREATE INDEX sign_fk_category_idx ON signage_od.sign (fk_category);
CREATE INDEX sign_fk_condition_idx ON signage_od.sign (fk_condition);
