"""Python hooks' DDL is queued and sent in one round trip ahead of the next statement whose result is read.

Round trips are counted by bench/latency_proxy.py (no delay) between the
client and the test cluster; errors of queued statements must still name the
hook's line, the statement and its line, and roll everything back.
"""

import os
import re
import sys
import textwrap
from pathlib import Path

import pytest

from pum import api
from pum.exceptions import PumHookError

from conftest import yaml

sys.path.insert(0, str(Path(os.environ.get("PUM_SOURCE_DIR", Path(__file__).parents[2])) / "bench"))
from latency_proxy import ProxyThread  # noqa: E402


def hook(body):
    return ("from pum import HookBase\n\n\nclass Hook(HookBase):\n    def run_hook(self, connection):\n"
            + textwrap.indent(textwrap.dedent(body).strip(), "        ") + "\n")


@pytest.fixture
def proxy():
    with ProxyThread("127.0.0.1", int(os.environ["PGPORT"]), delay_ms=0) as server:
        yield server


def round_trips_of_install(module, db, proxy):
    proxy.reset()
    target = re.sub(r"host=\S+ port=\S+", f"host=127.0.0.1 port={proxy.port}", db.conninfo)
    with api.connect(target) as connection:
        api.Upgrader(module.root, connection).install()
    return proxy.stats()["round_trips"]


VIEWS = """
    for i in range({count}):
        columns = connection.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'pyt' AND table_name = %s",
            ("t",)).fetchall()
        names = ", ".join(c[0] for c in columns)
        connection.execute(f"CREATE VIEW pyt.v{{i}} AS SELECT {{names}} FROM pyt.t")
        connection.execute(f"COMMENT ON VIEW pyt.v{{i}} IS 'view {{i}}'")
        cur = connection.cursor()
        cur.execute(f'''CREATE FUNCTION pyt.f{{i}}() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN INSERT INTO pyt.t VALUES (NEW.id, NEW.label); RETURN NEW; END $$''')
        cur.execute(f"CREATE TRIGGER tr{{i}} INSTEAD OF INSERT ON pyt.v{{i}} FOR EACH ROW EXECUTE FUNCTION pyt.f{{i}}()")
        cur.execute(f"GRANT SELECT ON pyt.v{{i}} TO PUBLIC")
"""


def test_ddl_waits_for_no_round_trip_only_reads_do(module, db, proxy, tmp_path):
    module.write(".pum.yaml", yaml(post=["file: hook.py"]))
    module.write("hook.py", hook("pass"))
    baseline = round_trips_of_install(module, db, proxy)
    db.drop()
    db.__init__()

    module.write("hook.py", hook(VIEWS.format(count=20)))
    with_views = round_trips_of_install(module, db, proxy)
    # 20 catalog reads whose results the hook reads; the 100 DDL statements go along with them.
    assert with_views - baseline <= 20 + 1, (baseline, with_views)
    assert db.scalar("SELECT count(*) FROM pg_views WHERE schemaname = 'pyt'") == 20
    assert db.scalar("SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'tr%'") == 20
    assert db.scalar("SELECT obj_description('pyt.v19'::regclass)") == "view 19"
    # The triggers work: the statements ran in order, each after what it uses.
    with __import__("psycopg").connect(db.conninfo) as conn:
        conn.execute("INSERT INTO pyt.v3 VALUES (9, 'nine')")
    assert db.scalar("SELECT label FROM pyt.t WHERE id = 9") == "nine"


def test_queued_statement_error_names_hook_line_statement_and_rolls_back(module, db):
    module.write(".pum.yaml", yaml(post=["file: hook.py"]))
    module.write("hook.py", hook("""
        connection.execute("CREATE TABLE pyt.first (id int)")
        connection.execute('''CREATE VIEW pyt.bad AS
            SELECT id,
                   nope
              FROM pyt.t''')
        connection.execute("CREATE TABLE pyt.after_bad (id int)")
        n = connection.execute("SELECT count(*) FROM pyt.t").fetchone()[0]
        connection.execute("CREATE TABLE pyt.never (id int)")
    """))
    before = db.snapshot()
    with api.connect(db.conninfo) as connection:
        with pytest.raises(PumHookError) as raised:
            api.Upgrader(module.root, connection).install()
        message = str(raised.value)
        # The line of the hook that ran the statement (not the SELECT's), the statement and its own line.
        assert message.startswith("hook.py:7: UndefinedColumn"), message
        assert 'column "nope" does not exist' in message
        assert "line 3 of the SQL run at hook.py:7" in message and "CREATE VIEW pyt.bad AS" in message
        assert db.snapshot() == before
        module.write("hook.py", hook("connection.execute('CREATE TABLE pyt.fine (id int)')"))
        api.Upgrader(module.root, connection).install()
    assert db.scalar("SELECT to_regclass('pyt.fine') IS NOT NULL") is True


def test_queued_error_at_the_hooks_end_and_through_a_helper_library(module, db):
    module.write(".pum.yaml", yaml(post=["file: hook.py"]))
    module.write("helpers.py", """
        def make(connection, name):
            connection.execute(f"CREATE TABLE {name} (id int)")
    """)
    module.write("hook.py", "import helpers\n" + hook("""
        helpers.make(connection, "pyt.one")
        helpers.make(connection, "pyt.one")
    """))
    before = db.snapshot()
    with pytest.raises(PumHookError) as raised:
        with api.connect(db.conninfo) as connection:
            api.Upgrader(module.root, connection).install()
    message = str(raised.value)
    assert message.startswith("hook.py:8: DuplicateTable"), message
    assert "CREATE TABLE pyt.one (id int)" in message
    assert db.snapshot() == before


def test_statements_run_in_order_with_self_execute_raw_libpq_and_commit(module, db):
    module.write(".pum.yaml", yaml(post=["file: hook.py"]))
    module.write("hook.py", hook("""
        connection.execute("CREATE TABLE pyt.a (id int)")
        self.execute("INSERT INTO pyt.a VALUES (1)")
        connection.execute("CREATE TABLE pyt.b AS SELECT id + 1 AS id FROM pyt.a")
        connection.pgconn.exec_(b"INSERT INTO pyt.b VALUES (10)")
        connection.execute("CREATE TABLE pyt.c AS SELECT sum(id) AS s FROM pyt.b")
        connection.commit()
        connection.execute("ALTER TABLE pyt.c ADD COLUMN k int")
        cur = connection.cursor()
        cur.execute("SELECT s FROM pyt.c")
        assert cur.fetchone()[0] == 12
        connection.execute("DROP TABLE pyt.a")
    """))
    with api.connect(db.conninfo) as connection:
        api.Upgrader(module.root, connection).install()
    assert db.scalar("SELECT s FROM pyt.c") == 12
    assert db.scalar("SELECT to_regclass('pyt.a') IS NULL") is True
    assert db.scalar("SELECT count(*) FROM information_schema.columns WHERE table_name = 'c'") == 2


def test_an_error_caught_inside_a_savepoint_is_still_caught_where_it_happens(module, db):
    module.write(".pum.yaml", yaml(post=["file: hook.py"]))
    module.write("hook.py", hook("""
        import psycopg
        connection.execute("CREATE TABLE pyt.kept (id int)")
        try:
            with connection.transaction():
                connection.execute("CREATE TABLE pyt.kept (id int)")
        except psycopg.errors.DuplicateTable:
            connection.execute("CREATE TABLE pyt.handled (id int)")
    """))
    with api.connect(db.conninfo) as connection:
        api.Upgrader(module.root, connection).install()
    assert db.scalar("SELECT to_regclass('pyt.handled') IS NOT NULL") is True


def test_transaction_control_is_refused_at_the_line_that_queues_it(module, db):
    module.write(".pum.yaml", yaml(post=["file: hook.py"]))
    module.write("hook.py", hook("""
        connection.execute("CREATE TABLE pyt.x (id int)")
        connection.execute("CREATE TABLE pyt.y (id int); COMMIT")
    """))
    before = db.snapshot()
    with pytest.raises(PumHookError, match=r"hook.py:7: .*transaction control \(COMMIT\)"):
        with api.connect(db.conninfo) as connection:
            api.Upgrader(module.root, connection).install()
    assert db.snapshot() == before
