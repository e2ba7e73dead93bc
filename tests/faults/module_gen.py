"""Generates the fault suite's module: long enough to be interrupted anywhere.

Every changelog file and hook runs a marked slow statement,
`SELECT pg_sleep(0.05), 'fault-point <label>'`, so the driver can see it in
pg_stat_activity and strike while exactly that statement runs.
"""
import os

MODULE = "faults"
SLOW = "SELECT pg_sleep(0.05), 'fault-point {label}';\n"
FILES_PER_VERSION = 8
VERSIONS = ("1.0.0", "1.1.0")

# Sleeps 20 s where the database asks for it (Ctrl-C during a long statement),
# fills a tiny tablespace (disk-full trial) and raises where the database asks
# for it (its fallback when no small filesystem can be mounted).
BULK = """\
SELECT pg_sleep(CASE WHEN current_setting('faults.long', true) = 'on' THEN 20 ELSE 0 END), 'fault-point long';
CREATE TABLE faults_data.bulk AS SELECT g AS id, repeat('x', 200) AS pad FROM generate_series(1, 40000) g;
DO $$ BEGIN
  IF current_setting('faults.fail', true) = 'on' THEN
    RAISE EXCEPTION 'faults: simulated failure in the middle of a file';
  END IF;
END $$;
"""

PY_HOOK = '''\
from pum import HookBase


class Hook(HookBase):
    def run_hook(self, connection):
        self.execute("SELECT pg_sleep(0.05), 'fault-point py-hook'")
        self.execute("CREATE VIEW faults_app.py_view AS SELECT count(*) AS n FROM faults_data.t_1_0_0_1")
'''


def _write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def _changelog(version, k):
    tag = version.replace(".", "_")
    label = f"{version}-{k:02d}"
    table = f"faults_data.t_{tag}_{k}"
    sql = ""
    if version == VERSIONS[0] and k == 1:
        sql += "CREATE SCHEMA faults_data;\n"
    sql += f"CREATE TABLE {table} (id integer PRIMARY KEY, label text);\n"
    sql += f"INSERT INTO {table} SELECT g, 'row ' || g FROM generate_series(1, 200) g;\n"
    sql += SLOW.format(label=label)
    if version != VERSIONS[0]:
        sql += f"ALTER TABLE faults_data.t_1_0_0_{k} ADD COLUMN note_{tag} text;\n"
    sql += f"COMMENT ON TABLE {table} IS 'step {label}';\n"
    return sql


def generate(root):
    """Writes the module into root; returns the fault points of an install and an upgrade."""
    _write(os.path.join(root, ".pum.yaml"), f"""\
pum:
  module: {MODULE}
application:
  drop:
    - file: app/drop_app.sql
  create:
    - file: app/create_app.sql
    - file: app/create_view.py
""")
    _write(os.path.join(root, "app/drop_app.sql"),
           "DROP SCHEMA IF EXISTS faults_app CASCADE;\n" + SLOW.format(label="drop-app"))
    _write(os.path.join(root, "app/create_app.sql"),
           "CREATE SCHEMA faults_app;\n" + SLOW.format(label="create-app")
           + "CREATE VIEW faults_app.first_view AS SELECT id FROM faults_data.t_1_0_0_1;\n")
    _write(os.path.join(root, "app/create_view.py"), PY_HOOK)
    points = {}
    for version in VERSIONS:
        base = os.path.join(root, "changelogs", version)
        for k in range(1, FILES_PER_VERSION + 1):
            _write(os.path.join(base, f"{k:02d}_step.sql"), _changelog(version, k))
        points[version] = [f"{version}-{k:02d}" for k in range(1, FILES_PER_VERSION + 1)]
    _write(os.path.join(root, "changelogs", VERSIONS[1], "99_bulk.sql"), BULK)
    hooks_after = ["create-app", "py-hook"]
    install = ["drop-app"] + points[VERSIONS[0]] + points[VERSIONS[1]] + hooks_after
    upgrade = ["drop-app"] + points[VERSIONS[1]] + hooks_after
    return install, upgrade


def spread(points, n):
    """n points spread evenly over the list (all of them when n >= its length)."""
    if n >= len(points):
        return list(points)
    step = (len(points) - 1) / (n - 1) if n > 1 else 0
    return [points[round(i * step)] for i in range(n)]
