-- A column the application view does not use: the create hooks work at every version.
ALTER TABLE pum_test_data.some_table ADD COLUMN remark text;
