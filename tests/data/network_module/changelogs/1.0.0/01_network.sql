CREATE SCHEMA network_od;

-- Nodes and measures point at each other: rows can only go in one at a time
-- with the foreign keys deferred to the end of the transaction.
CREATE TABLE network_od.node (
    id integer PRIMARY KEY,
    name text NOT NULL,
    geometry geometry(Point, {SRID}),
    last_measure_id integer
);

CREATE TABLE network_od.measure (
    id integer PRIMARY KEY,
    node_id integer NOT NULL
        CONSTRAINT measure_node_fk REFERENCES network_od.node (id) DEFERRABLE INITIALLY DEFERRED,
    value numeric NOT NULL
);

ALTER TABLE network_od.node
    ADD CONSTRAINT node_last_measure_fk FOREIGN KEY (last_measure_id)
    REFERENCES network_od.measure (id) DEFERRABLE INITIALLY DEFERRED;

-- Every measure is logged, and checked, when the transaction would commit.
CREATE TABLE network_od.measure_log (
    measure_id integer NOT NULL
);

CREATE FUNCTION network_od.log_measure() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.value < 0 THEN
        RAISE EXCEPTION 'measure % has a negative value (%)', NEW.id, NEW.value;
    END IF;
    INSERT INTO network_od.measure_log (measure_id) VALUES (NEW.id);
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER measure_logged
    AFTER INSERT ON network_od.measure
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION network_od.log_measure();
