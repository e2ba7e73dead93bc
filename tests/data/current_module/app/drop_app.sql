-- The application schema holds only what app/create_app.sql creates.
DROP SCHEMA IF EXISTS pum_current_app CASCADE;
