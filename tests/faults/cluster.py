"""The fault suite's throwaway PostgreSQL cluster and what it asks of it."""
import os
import subprocess
import time

import psycopg


def _as_postgres(cmd):
    # PostgreSQL refuses to run as root: pg_ctl runs as the cluster's owner.
    return (["runuser", "-u", "postgres", "--"] + cmd) if os.getuid() == 0 else cmd


class Cluster:
    def __init__(self, script, envfile):
        self.script = script
        self.envfile = envfile
        self.env = {}
        self._monitor = None

    def start(self):
        subprocess.run([self.script, "start", self.envfile], check=True, stdout=subprocess.DEVNULL)
        with open(self.envfile, encoding="utf-8") as f:
            for line in f:
                key, _, value = line.strip().partition("=")
                if key:
                    self.env[key] = value
        self.host, self.port = self.env["PGHOST"], int(self.env["PGPORT"])
        self.dir = self.env["PUM_TEST_CLUSTER_DIR"]
        self.bin = self.env["PUM_PGBIN"]

    def stop(self):
        subprocess.run([self.script, "stop", self.envfile], check=False, stdout=subprocess.DEVNULL)

    def conninfo(self, db, host=None, port=None):
        return f"host={host or self.host} port={port or self.port} user=postgres dbname={db}"

    def connect(self, db="postgres"):
        return psycopg.connect(self.conninfo(db), autocommit=True)

    def sql(self, statement, params=(), db="postgres"):
        if db != "postgres":
            with self.connect(db) as conn:
                return self._run(conn, statement, params)
        # One lasting session for the monitoring queries, polled every few ms;
        # opened again after a restart or a terminated backend.
        if self._monitor is None or self._monitor.closed or self._monitor.broken:
            self._monitor = self.connect()
        try:
            return self._run(self._monitor, statement, params)
        except psycopg.OperationalError:
            self._monitor = None
            raise

    @staticmethod
    def _run(conn, statement, params):
        cur = conn.execute(statement, params)
        return cur.fetchall() if cur.description else None

    def recreate(self, db, template="template0"):
        # template0 by default, not the PostGIS template: the module needs no
        # extension, and the many trials each dump the schema twice.
        self.wait_no_clients(db)
        self.sql(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
        self.sql(f'CREATE DATABASE "{db}" TEMPLATE "{template}"')

    def wait_no_clients(self, db, timeout=20.0):
        """Waits until no session but ours uses db: a killed client's backend
        rolls back only once it notices that the client is gone."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                n = self.sql("SELECT count(*) FROM pg_stat_activity WHERE datname = %s "
                             "AND pid <> pg_backend_pid()", (db,))[0][0]
                if n == 0:
                    return True
            except psycopg.OperationalError:
                pass  # the server is restarting
            time.sleep(0.02)
        return False

    def restart(self):
        subprocess.run(_as_postgres([os.path.join(self.bin, "pg_ctl"), "-D", os.path.join(self.dir, "data"),
                                     "-m", "fast", "-w", "-t", "60", "restart"]),
                       check=True, stdout=subprocess.DEVNULL)

    def snapshot(self, db):
        """What a fault must not change: the schema and the migration table."""
        dump = subprocess.run([os.path.join(self.bin, "pg_dump"), "--schema-only", "--no-comments",
                               "-d", self.conninfo(db)],
                              check=True, capture_output=True, text=True).stdout
        # pg_dump's \restrict keys are random on every run (they guard psql against the dump).
        dump = "\n".join(l for l in dump.splitlines() if not l.startswith(("\\restrict", "\\unrestrict")))
        rows = None
        if self.sql("SELECT to_regclass('public.pum_migrations') IS NOT NULL", db=db)[0][0]:
            rows = self.sql("SELECT coalesce(json_agg(row_to_json(m) ORDER BY m.id), '[]'::json) "
                            "FROM public.pum_migrations m", db=db)[0][0]
        return dump, rows

    def versions(self, db):
        """(version, count) for every version in the migration table."""
        return self.sql("SELECT version, count(*) FROM public.pum_migrations GROUP BY version "
                        "ORDER BY version", db=db)

    def running_point(self, db):
        """The label of the fault-point statement pum runs now, or None."""
        rows = self.sql("SELECT substring(query from 'fault-point ([A-Za-z0-9.-]+)') FROM pg_stat_activity "
                        "WHERE datname = %s AND pid <> pg_backend_pid() AND state = 'active' "
                        "AND query LIKE '%%fault-point%%'", (db,))
        return rows[0][0] if rows else None

    def backend_pids(self, db):
        return [r[0] for r in self.sql("SELECT pid FROM pg_stat_activity WHERE datname = %s "
                                       "AND pid <> pg_backend_pid() AND backend_type = 'client backend'",
                                       (db,))]

    def waiting_on_advisory_lock(self, db):
        return self.sql("SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid() "
                        "AND wait_event_type = 'Lock' AND wait_event = 'advisory'", (db,))[0][0] > 0
