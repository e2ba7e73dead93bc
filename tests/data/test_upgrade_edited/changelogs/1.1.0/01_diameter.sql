ALTER TABLE pum_test_upgrade.pipe ADD COLUMN diameter integer CHECK (diameter > 0);
