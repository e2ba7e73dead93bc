CREATE FUNCTION invalid_app.touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.changed := now();
    RETRUN NEW;
END;
$$;

CREATE VIEW invalid_app.v AS
    SELECT id, {lang} AS lang
    FROM invalid.point
    WHERE id > 0 ORDER;
