-- Drops the whole application schema. CASCADE also removes the triggers that
-- the application put on signage_od tables (they depend on its functions),
-- so the changelogs always run against bare tables.
DROP SCHEMA IF EXISTS signage_app CASCADE;
