CREATE OR REPLACE VIEW pum_test_app.some_view AS
    SELECT id, name, geometry
    FROM pum_test_data.some_table
    WHERE is_active = TRUE;
