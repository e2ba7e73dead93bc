-- One change of every kind: column, constraint, index, function, trigger,
-- table; the application's view follows the new column.
ALTER TABLE pum_dry_run.full_table ADD COLUMN kind text;
UPDATE pum_dry_run.full_table SET kind = {default_kind};
ALTER TABLE pum_dry_run.full_table ADD CONSTRAINT full_table_name_not_empty CHECK (name <> '');
CREATE INDEX full_table_name_idx ON pum_dry_run.full_table (name);

ALTER TABLE pum_dry_run.empty_table ADD COLUMN note text;

CREATE FUNCTION pum_dry_run.touch() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    NEW.name := trim(NEW.name);
    RETURN NEW;
END;
$$;

CREATE TRIGGER full_table_touch BEFORE UPDATE ON pum_dry_run.full_table
    FOR EACH ROW EXECUTE FUNCTION pum_dry_run.touch();
