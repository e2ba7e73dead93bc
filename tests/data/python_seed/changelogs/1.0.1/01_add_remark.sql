ALTER TABLE pum_pyseed_data.some_table ADD COLUMN remark text;
