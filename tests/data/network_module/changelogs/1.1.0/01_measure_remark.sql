ALTER TABLE network_od.measure ADD COLUMN remark text;
