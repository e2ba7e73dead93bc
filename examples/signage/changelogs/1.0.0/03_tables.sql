-- Supports (poles, walls...) and the signs mounted on them.

CREATE TABLE signage_od.support (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    fk_support_type integer NOT NULL REFERENCES signage_od.vl_support_type (id),
    geometry geometry(Point, {srid}) NOT NULL,
    height numeric(4, 2),
    date_installed date,
    remarks text,
    last_modified timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE signage_od.support IS 'A support carrying one or more signs';
COMMENT ON COLUMN signage_od.support.height IS 'Height above ground in metres';

CREATE TABLE signage_od.sign (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    fk_support uuid NOT NULL REFERENCES signage_od.support (id) ON DELETE CASCADE,
    fk_category integer NOT NULL REFERENCES signage_od.vl_sign_category (id),
    official_code text,
    -- Azimuth the sign faces, in degrees from north, clockwise.
    azimuth smallint,
    -- Position on the support, 1 = top.
    ordering smallint NOT NULL DEFAULT 1,
    inscription text,
    last_modified timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE signage_od.sign IS 'A road sign mounted on a support';
COMMENT ON COLUMN signage_od.sign.official_code IS 'Number in the road signs ordinance, e.g. 2.30 for a speed limit';

CREATE INDEX sign_fk_support_idx ON signage_od.sign (fk_support);
