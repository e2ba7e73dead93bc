-- signage 1.2.0: tighter data rules.

-- An ordinance number is a chapter digit, a dot and two digits (e.g. 2.30),
-- optionally followed by a letter variant (4.08a). The regex quantifier's
-- braces are doubled, as every literal brace in a pum changelog.
UPDATE signage_od.sign SET official_code = NULL WHERE official_code !~ '^[1-5]\.[0-9]{{2}}[a-z]?$';
ALTER TABLE signage_od.sign
    ADD CONSTRAINT sign_official_code_format CHECK (official_code ~ '^[1-5]\.[0-9]{{2}}[a-z]?$');

ALTER TABLE signage_od.sign
    ADD CONSTRAINT sign_azimuth_range CHECK (azimuth BETWEEN 0 AND 359);

-- Two signs cannot share a position on one support.
ALTER TABLE signage_od.sign
    ADD CONSTRAINT sign_support_ordering_key UNIQUE (fk_support, ordering);
