CREATE SCHEMA pum_test_data;
