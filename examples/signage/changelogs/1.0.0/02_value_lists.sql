-- Value lists, labelled in the three national languages.

CREATE TABLE signage_od.vl_sign_category (
    id integer PRIMARY KEY,
    value_de text NOT NULL,
    value_fr text NOT NULL,
    value_it text NOT NULL,
    -- Chapters of the Swiss road signs ordinance (SSV/OSR) this category covers.
    -- An array literal: in a pum changelog its braces are doubled.
    ssv_chapters text[] NOT NULL DEFAULT '{{}}',
    active boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE signage_od.vl_sign_category IS 'Value list: category of a sign';

INSERT INTO signage_od.vl_sign_category (id, value_de, value_fr, value_it, ssv_chapters) VALUES
    (1, 'Gefahrensignal', 'Signal de danger', 'Segnale di pericolo', '{{1}}'),
    (2, 'Vorschriftsignal', 'Signal de prescription', 'Segnale di prescrizione', '{{2}}'),
    (3, 'Vortrittssignal', 'Signal de priorité', 'Segnale di precedenza', '{{3}}'),
    (4, 'Hinweissignal', 'Signal d''indication', 'Segnale d''indicazione', '{{4}}'),
    (5, 'Wegweiser', 'Indicateur de direction', 'Indicatore di direzione', '{{4,5}}'),
    (9, 'Andere', 'Autre', 'Altro', '{{}}');

CREATE TABLE signage_od.vl_support_type (
    id integer PRIMARY KEY,
    value_de text NOT NULL,
    value_fr text NOT NULL,
    value_it text NOT NULL,
    active boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE signage_od.vl_support_type IS 'Value list: what a sign is mounted on';

INSERT INTO signage_od.vl_support_type (id, value_de, value_fr, value_it) VALUES
    (1, 'Mast', 'Mât', 'Palo'),
    (2, 'Wand', 'Façade', 'Facciata'),
    (3, 'Portal', 'Portique', 'Portale'),
    (4, 'Kandelaber', 'Candélabre', 'Candelabro'),
    (9, 'Andere', 'Autre', 'Altro');
