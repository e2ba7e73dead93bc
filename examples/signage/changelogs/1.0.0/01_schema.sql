-- signage 1.0.0: the data schema.
-- Only tables, value lists and their constraints live here; views and
-- triggers belong to signage_app and are (re)created by the application hooks.

CREATE SCHEMA signage_od;
COMMENT ON SCHEMA signage_od IS 'Road signage: original data';
