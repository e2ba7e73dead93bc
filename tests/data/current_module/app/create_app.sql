-- Uses only columns of 1.0.0, so that the application can be created at every version.
CREATE SCHEMA pum_current_app;

CREATE VIEW pum_current_app.vw_pipe AS
    SELECT p.id, p.name, p.status, p.diameter_mm, p.tags,
           ST_Length(p.geometry) AS length_m,
           p.geometry
    FROM pum_current_data.pipe p
    WHERE p.status <> 'abandoned';

CREATE FUNCTION pum_current_app.ft_vw_pipe_insert() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO pum_current_data.pipe (name, status, diameter_mm, tags, geometry)
    VALUES (NEW.name, COALESCE(NEW.status, {default_status}), NEW.diameter_mm,
            COALESCE(NEW.tags, '{{}}'), ST_SetSRID(NEW.geometry, {srid}))
    RETURNING id INTO NEW.id;
    RETURN NEW;
END;
$$;

CREATE TRIGGER tr_vw_pipe_insert
    INSTEAD OF INSERT ON pum_current_app.vw_pipe
    FOR EACH ROW EXECUTE FUNCTION pum_current_app.ft_vw_pipe_insert();
