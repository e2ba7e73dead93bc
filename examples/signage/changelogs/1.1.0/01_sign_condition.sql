-- signage 1.1.0: inspections record the condition of each sign.

CREATE TABLE signage_od.vl_condition (
    id integer PRIMARY KEY,
    value_de text NOT NULL,
    value_fr text NOT NULL,
    value_it text NOT NULL,
    active boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE signage_od.vl_condition IS 'Value list: condition of a sign at its last inspection';

INSERT INTO signage_od.vl_condition (id, value_de, value_fr, value_it) VALUES
    (1, 'gut', 'bon', 'buono'),
    (2, 'beschädigt', 'endommagé', 'danneggiato'),
    (3, 'verblasst', 'décoloré', 'sbiadito'),
    (4, 'fehlt', 'manquant', 'mancante');

ALTER TABLE signage_od.sign
    ADD COLUMN fk_condition integer REFERENCES signage_od.vl_condition (id);
COMMENT ON COLUMN signage_od.sign.fk_condition IS 'Condition at the last inspection (since 1.1.0)';
