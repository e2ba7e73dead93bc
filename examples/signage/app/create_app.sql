-- The application: labels, views and triggers over signage_od.
--
-- This hook runs after the changelogs of whatever version is being installed
-- (`pum install --max-version 1.0.0` too), so it names only columns that
-- exist since 1.0.0 and picks up later ones through `s.*`.

CREATE SCHEMA signage_app;
COMMENT ON SCHEMA signage_app IS 'Road signage application: views and triggers, recreated by every install and upgrade';

-- The label of a value list entry in the language chosen at install
-- ({lang_code} is app-only: an upgrade may switch it).
CREATE FUNCTION signage_app.label(value_de text, value_fr text, value_it text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE {lang_code} WHEN 'fr' THEN value_fr WHEN 'it' THEN value_it ELSE value_de END
$$;

-- Supports within a radius (metres) of a GPS position (WGS 84), for field
-- work: the position is reprojected into the module's reference system.
CREATE FUNCTION signage_app.supports_near(lon double precision, lat double precision, radius double precision)
RETURNS SETOF signage_od.support
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$
    SELECT sp.*
    FROM signage_od.support sp
    WHERE ST_DWithin(sp.geometry, ST_Transform(ST_SetSRID(ST_MakePoint(lon, lat), 4326), {srid}), radius)
    ORDER BY sp.geometry <-> ST_Transform(ST_SetSRID(ST_MakePoint(lon, lat), 4326), {srid})
$$;

-- Keeps last_modified current on every edit.
CREATE FUNCTION signage_app.ft_last_modified()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    NEW.last_modified := now();
    RETURN NEW;
END;
$$;

CREATE TRIGGER tr_support_last_modified BEFORE UPDATE ON signage_od.support
    FOR EACH ROW EXECUTE FUNCTION signage_app.ft_last_modified();
CREATE TRIGGER tr_sign_last_modified BEFORE UPDATE ON signage_od.sign
    FOR EACH ROW EXECUTE FUNCTION signage_app.ft_last_modified();

-- Supports with their type label and sign count; editable (see the trigger
-- below). PostGIS takes a geometry without SRID as being in the module's SRID.
CREATE VIEW signage_app.vw_support AS
SELECT
    sp.id,
    sp.fk_support_type,
    signage_app.label(st.value_de, st.value_fr, st.value_it) AS support_type,
    sp.height,
    sp.date_installed,
    sp.remarks,
    (SELECT count(*) FROM signage_od.sign s WHERE s.fk_support = sp.id) AS sign_count,
    sp.geometry
FROM signage_od.support sp
JOIN signage_od.vl_support_type st ON st.id = sp.fk_support_type;

CREATE FUNCTION signage_app.ft_vw_support_edit()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO signage_od.support (id, fk_support_type, geometry, height, date_installed, remarks)
        VALUES (COALESCE(NEW.id, gen_random_uuid()), NEW.fk_support_type,
                NEW.geometry, NEW.height, NEW.date_installed, NEW.remarks)
        RETURNING id INTO NEW.id;
        RETURN NEW;
    ELSIF TG_OP = 'UPDATE' THEN
        UPDATE signage_od.support SET
            fk_support_type = NEW.fk_support_type,
            geometry = NEW.geometry,
            height = NEW.height,
            date_installed = NEW.date_installed,
            remarks = NEW.remarks
        WHERE id = OLD.id;
        RETURN NEW;
    ELSE
        DELETE FROM signage_od.support WHERE id = OLD.id;
        RETURN OLD;
    END IF;
END;
$$;

CREATE TRIGGER tr_vw_support_edit INSTEAD OF INSERT OR UPDATE OR DELETE ON signage_app.vw_support
    FOR EACH ROW EXECUTE FUNCTION signage_app.ft_vw_support_edit();

-- Signs with their category label and position, also in WGS 84 for web maps.
CREATE VIEW signage_app.vw_sign AS
SELECT
    s.*,
    signage_app.label(c.value_de, c.value_fr, c.value_it) AS category,
    sp.geometry,
    ST_Transform(sp.geometry, 4326)::geometry(Point, 4326) AS geometry_wgs84
FROM signage_od.sign s
JOIN signage_od.support sp ON sp.id = s.fk_support
JOIN signage_od.vl_sign_category c ON c.id = s.fk_category;
