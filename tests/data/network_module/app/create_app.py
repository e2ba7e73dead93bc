import psycopg

from pum import HookBase
from viewbuilder import ViewBuilder


class Hook(HookBase):
    def run_hook(self, connection, SRID: int, lang_code: str):
        # State on self, as real hooks keep it.
        self.parameters = {"SRID": SRID, "lang_code": lang_code}
        self.views = []

        # An ALTER on a table the demo data just filled: it fails with
        # "pending trigger events" unless the deferred checks have fired.
        connection.execute("ALTER TABLE network_od.measure ALTER COLUMN value SET DEFAULT 0")

        self.execute("CREATE SCHEMA network_app")
        self.execute("CREATE TABLE network_app.checks (name text PRIMARY KEY, ok boolean NOT NULL)")

        logged = connection.execute("SELECT count(*) FROM network_od.measure_log").fetchone()[0]
        comment = f"nodes in EPSG:{self.parameters['SRID']} ({self.parameters['lang_code']}); {logged} measures logged"
        ViewBuilder(connection, "network_app", "vw_node",
                    "SELECT n.id, n.name, n.geometry, m.value AS last_value FROM network_od.node n "
                    "LEFT JOIN network_od.measure m ON m.id = n.last_measure_id",
                    comment=comment).create()
        self.views.append("vw_node")

        # The foreign keys are deferred again after the seam: a measure may
        # come before its node (undone by the savepoint, it leaves no row).
        with connection.transaction():
            connection.execute("INSERT INTO network_od.measure (id, node_id, value) VALUES (-1, -1, 0)")
            raise psycopg.Rollback()
        connection.execute("INSERT INTO network_app.checks VALUES ('foreign_keys_deferred_in_create_hook', true)")

        ViewBuilder(connection, "network_app", "vw_measure",
                    "SELECT id, node_id, value FROM network_od.measure").create()
        self.views.append("vw_measure")
        connection.execute("INSERT INTO network_app.checks VALUES ('views', %s)", (self.views == ["vw_node", "vw_measure"],))
