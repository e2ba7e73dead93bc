"""What real pum modules do, run from the command line and from the scripting API.

tests/data/network_module keeps state on `self` in its create hook, builds its
views with a library that commits by default, and loads demo data through
deferred foreign keys and a deferred constraint trigger before its create hook
ALTERs the same table. The expected results below are what pum leaves behind.
"""

import os
import subprocess
from pathlib import Path

import pytest

from pum import api
from pum.exceptions import PumHookError, PumSqlError

from conftest import yaml

NETWORK = Path(os.environ.get("PUM_SOURCE_DIR", Path(__file__).resolve().parents[2])) / "tests" / "data" / "network_module"


def cli(db, *args, module=NETWORK, verbose=False):
    binary = os.environ.get("PUM_CLI")
    if not binary:
        pytest.skip("PUM_CLI not set (run through ctest)")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    command = [binary, "-p", db.conninfo, "-d", str(module)] + (["-v"] if verbose else []) + list(args)
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)


def network_state(db):
    """What the tests compare: data, the application layer, the migration table."""
    return {
        "nodes": db.rows("SELECT id, name, ST_SRID(geometry), last_measure_id FROM network_od.node ORDER BY id"),
        "measures": db.rows("SELECT id, node_id, value::text FROM network_od.measure ORDER BY id"),
        "logged": db.scalar("SELECT count(*) FROM network_od.measure_log"),
        "comment": db.scalar("SELECT obj_description('network_app.vw_node'::regclass)"),
        "views": db.rows("SELECT table_name FROM information_schema.views WHERE table_schema = 'network_app' "
                         "ORDER BY 1"),
        "checks": db.rows("SELECT name, ok FROM network_app.checks ORDER BY name"),
        "value_default": db.scalar("SELECT column_default FROM information_schema.columns "
                                   "WHERE table_schema = 'network_od' AND table_name = 'measure' "
                                   "AND column_name = 'value'"),
        "versions": db.rows("SELECT version FROM public.pum_migrations ORDER BY date_installed, version"),
    }


CHECKS = [("foreign_keys_deferred_in_create_hook", True), ("views", True)]
VIEWS = [("vw_measure",), ("vw_node",)]

WITH_DEMO = {
    "nodes": [(10, "Pump station", 2056, 2), (20, "Outlet", 2056, 3)],
    "measures": [(1, 10, "4.2"), (2, 10, "5.0"), (3, 20, "1.5")],
    # The constraint trigger fired at the end of the demo data files, before
    # the create hook counted the log: as at pum's commit there.
    "logged": 3,
    "comment": "nodes in EPSG:2056 (en); 3 measures logged",
    "views": VIEWS,
    "checks": CHECKS,
    "value_default": "0",
    "versions": [("1.0.0",), ("1.1.0",)],
}

WITHOUT_DEMO = dict(WITH_DEMO, nodes=[], measures=[], logged=0, comment="nodes in EPSG:2056 (en); 0 measures logged")


@pytest.mark.needs_postgis
def test_cli_installs_the_module_with_demo_data(db):
    out = cli(db, "install", "-d", "Sample network", verbose=True)
    assert out.returncode == 0, out.stderr
    assert network_state(db) == WITH_DEMO
    # The view library committed; once per hook run it is said, at -v.
    assert "hook app/create_app.py asked to commit; the run commits once at its end" in out.stderr + out.stdout
    # A set whose file is missing only warns, once.
    assert (out.stderr + out.stdout).count("demo data 'Unfinished' cannot be loaded") == 1


@pytest.mark.needs_postgis
def test_cli_installs_the_module_without_demo_data_then_loads_it(db):
    out = cli(db, "install")
    assert out.returncode == 0, out.stderr
    assert network_state(db) == WITHOUT_DEMO
    out = cli(db, "demo-data", "Sample network")
    assert out.returncode == 0, out.stderr
    assert network_state(db) == dict(WITH_DEMO)


@pytest.mark.needs_postgis
def test_scripting_api_installs_with_demo_data_in_one_transaction(db):
    with api.connect(db.conninfo) as connection:
        summary = api.Upgrader(NETWORK, connection).install(demo_data="Sample network")
    assert summary["to_version"] == "1.1.0"
    assert network_state(db) == WITH_DEMO


@pytest.mark.needs_postgis
def test_upgrade_runs_the_hooks_again(db):
    assert cli(db, "install", "--max-version", "1.0.0", "-d", "Sample network").returncode == 0
    out = cli(db, "upgrade", "-p", "lang_code", "de")
    assert out.returncode == 0, out.stderr
    state = network_state(db)
    assert state["comment"] == "nodes in EPSG:2056 (de); 3 measures logged"
    assert state["versions"] == [("1.0.0",), ("1.1.0",)]
    assert db.scalar("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'network_od' "
                     "AND table_name = 'measure' AND column_name = 'remark'") == 1


@pytest.mark.parametrize("demo, constraint, message", [
    ("Broken network", "network_od.measure_node_fk", 'violates foreign key constraint "measure_node_fk"'),
    ("Negative measure", "network_od.measure_logged", "measure 1 has a negative value"),
])
@pytest.mark.needs_postgis
def test_a_deferred_violation_in_demo_data_fails_and_leaves_nothing(db, demo, constraint, message):
    before = db.snapshot()
    out = cli(db, "install", "-d", demo)
    assert out.returncode == 1
    assert f"deferred constraint {constraint} is violated at the end of the files of demo data '{demo}'" in out.stderr
    assert message in out.stderr
    assert db.snapshot() == before


@pytest.mark.needs_postgis
def test_a_deferred_violation_when_loading_demo_data_later_keeps_the_install(db):
    assert cli(db, "install").returncode == 0
    before = network_state(db)
    out = cli(db, "demo-data", "Broken network")
    assert out.returncode == 1
    assert "deferred constraint network_od.measure_node_fk is violated" in out.stderr
    assert network_state(db) == before


@pytest.mark.needs_postgis
def test_demo_data_honours_skip_drop_and_skip_create_app(db):
    assert cli(db, "install").returncode == 0
    # Without the drop hook the create hook finds its schema: it fails, rolled back.
    out = cli(db, "demo-data", "Sample network", "--skip-drop-app")
    assert out.returncode == 1
    assert 'schema "network_app" already exists' in out.stderr
    assert network_state(db) == WITHOUT_DEMO
    # The drop hook runs, the create hook does not: data in, no application.
    out = cli(db, "demo-data", "Sample network", "--skip-create-app")
    assert out.returncode == 0, out.stderr
    assert db.scalar("SELECT to_regnamespace('network_app') IS NULL") is True
    assert db.scalar("SELECT count(*) FROM network_od.measure_log") == 3


@pytest.mark.needs_postgis
def test_install_with_demo_data_honours_skip_create_app(db):
    out = cli(db, "install", "-d", "Sample network", "--skip-create-app")
    assert out.returncode == 0, out.stderr
    assert db.scalar("SELECT to_regnamespace('network_app') IS NULL") is True
    assert db.scalar("SELECT count(*) FROM network_od.measure_log") == 3


@pytest.mark.needs_postgis
def test_a_demo_set_with_a_missing_file_fails_naming_the_file(db):
    before = db.snapshot()
    out = cli(db, "install", "-d", "Unfinished")
    assert out.returncode == 1
    assert "demo data 'Unfinished' cannot be loaded" in out.stderr
    assert "demo_data/not_written_yet.sql" in out.stderr
    assert ".pum.yaml:" in out.stderr  # the line of the entry
    assert db.snapshot() == before
    assert cli(db, "install").returncode == 0
    out = cli(db, "demo-data", "Unfinished")
    assert out.returncode == 1
    assert "not_written_yet.sql" in out.stderr


# --- hooks written for the single behaviours -------------------------------------

def hook(body, imports=""):
    import textwrap
    return (textwrap.dedent(imports) + "\nfrom pum import HookBase\n\n\nclass Hook(HookBase):\n"
            "    def run_hook(self, connection):\n" + textwrap.indent(textwrap.dedent(body).strip(), "        ") + "\n")


def install(module, db):
    with api.connect(db.conninfo) as connection:
        return api.Upgrader(module.root, connection).install()


def test_a_hook_may_set_any_attribute_on_self(module, db):
    module.write(".pum.yaml", yaml(post=["file: hook.py"]))
    module.write("hook.py", hook("""
        self.parameters = {"n": 1}
        self.connection = connection
        self._state = "mine"
        self.run_sql = None
        connection.execute("CREATE TABLE pyt.attrs AS SELECT %s::int AS n, %s::text AS s",
                           (self.parameters["n"], self._state))
        self.execute("INSERT INTO pyt.attrs VALUES (2, 'execute still works')")
    """))
    install(module, db)
    assert db.rows("SELECT n, s FROM pyt.attrs ORDER BY n") == [(1, "mine"), (2, "execute still works")]


def test_commit_in_a_hook_is_a_checkpoint_not_a_commit(module, db):
    # The hook commits; a later statement of the same run fails: the hook's
    # work is gone with everything else.
    module.write(".pum.yaml", yaml(post=["file: hook.py", "code: SELECT no_such_column FROM pyt.t;"]))
    module.write("hook.py", hook("""
        connection.execute("CREATE TABLE pyt.committed_by_hook (id int)")
        connection.commit()
        connection.commit()
    """))
    before = db.snapshot()
    with pytest.raises(PumSqlError, match="no_such_column"):
        install(module, db)
    assert db.snapshot() == before


def test_a_library_that_commits_keeps_the_one_transaction(module, db):
    module.write(".pum.yaml", yaml(post=["file: app/hook.py"]))
    module.write("app/builder.py", """
        def build(connection, name, commit=True):
            connection.execute(f"CREATE VIEW pyt.{name} AS SELECT * FROM pyt.t")
            if commit:
                connection.commit()
    """)
    module.write("app/hook.py", hook("""
        build(connection, "v1")
        build(connection, "v2")
        # Still the run's transaction: the changelog's uncommitted table is here.
        assert connection.info.transaction_status.name == "INTRANS"
    """, imports="from builder import build"))
    install(module, db)
    assert db.rows("SELECT table_name FROM information_schema.views WHERE table_schema = 'pyt' ORDER BY 1") == \
        [("v1",), ("v2",)]


def test_commit_after_a_caught_sql_error_is_refused(module, db):
    module.write(".pum.yaml", yaml(post=["file: hook.py"]))
    module.write("hook.py", hook("""
        try:
            connection.execute("SELECT nope")
        except Exception:
            pass
        connection.commit()
    """))
    before = db.snapshot()
    with pytest.raises(PumHookError, match=r"called connection.commit\(\) after an SQL error it caught"):
        install(module, db)
    assert db.snapshot() == before


def test_statements_after_a_caught_rollback_are_refused(module, db):
    module.write(".pum.yaml", yaml(post=["file: hook.py"]))
    module.write("hook.py", hook("""
        try:
            connection.rollback()
        except Exception:
            pass
        connection.execute("CREATE TABLE pyt.after_rollback (id int)")
    """))
    before = db.snapshot()
    with pytest.raises(PumHookError, match="no further statement runs"):
        install(module, db)
    assert db.snapshot() == before
