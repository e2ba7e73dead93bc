ALTER TABLE pum_test_upgrade.no_such_table ADD COLUMN diameter integer;
