CREATE SCHEMA pum_current_data;

COMMENT ON SCHEMA pum_current_data IS 'Data of the pum_current module';
