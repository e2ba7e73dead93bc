-- The application schema holds nothing but what the post hooks create.
DROP SCHEMA IF EXISTS pum_test_app CASCADE;
