"""Python hooks run by the core (in this interpreter, through the scripting API)."""

import re
import sys
import textwrap
from pathlib import Path

import pytest

import pum
from pum import api
from pum.exceptions import PumDependencyError, PumHookError, PumSqlError

from conftest import yaml


def install(module, db, **kwargs):
    with api.connect(db.conninfo) as connection:
        return api.Upgrader(module.root, connection).install(**kwargs)


def hook(body, signature="self, connection", imports=""):
    return (textwrap.dedent(imports) + "\nfrom pum import HookBase\n\n\nclass Hook(HookBase):\n"
            f"    def run_hook({signature}):\n" + textwrap.indent(textwrap.dedent(body).strip(), "        ") + "\n")


def test_hook_sees_uncommitted_tables_and_its_work_is_committed(module, db):
    module.write(".pum.yaml", yaml(post=["file: hook.py"]))
    module.write("hook.py", hook("""
        count = connection.execute("SELECT count(*) FROM pyt.t").fetchone()[0]
        connection.execute("CREATE TABLE pyt.seen AS SELECT %s::int AS n", (count,))
    """))
    install(module, db)
    assert db.scalar("SELECT n FROM pyt.seen") == 2


def test_later_failure_rolls_back_the_hooks_work(module, db):
    module.write(".pum.yaml", yaml(post=["file: hook.py", "code: SELECT 1/0;"]))
    module.write("hook.py", hook("""
        connection.execute("CREATE TABLE pyt.hook_made (id int)")
        self.execute("INSERT INTO pyt.t VALUES (3, 'three')")
    """))
    before = db.snapshot()
    with pytest.raises(PumSqlError, match="division by zero"):
        install(module, db)
    assert db.snapshot() == before


REFUSED = {
    "rollback": ("connection.rollback()", re.escape("hook hook.py called connection.rollback(): the whole run is rolled back")),
    "rollback_caught": ("try:\n    connection.rollback()\nexcept Exception:\n    pass",
                        re.escape("hook.py: the hook called connection.rollback(): the whole run is rolled back")),
    "close": ("connection.close()", re.escape("connection.close() is not allowed in a hook")),
    "with": ("with connection:\n    pass", "`with connection:` would commit and close"),
    "autocommit": ("connection.autocommit = True", "autocommit cannot be changed"),
    "sql_commit": ("connection.execute('COMMIT')", r"transaction control \(COMMIT\)"),
    "cursor_begin": ("connection.cursor().execute('END; BEGIN')", r"transaction control \(END\)"),
    "raw_pgconn": ("connection.pgconn.exec_(b'COMMIT')", r"transaction control \(COMMIT\)"),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_calls_roll_everything_back(module, db, name):
    code, message = REFUSED[name]
    module.write(".pum.yaml", yaml(post=["file: hook.py"]))
    module.write("hook.py", hook(f"""
        connection.execute("CREATE TABLE pyt.before_refusal (id int)")
        {textwrap.indent(code, "        ").strip()}
    """))
    before = db.snapshot()
    with api.connect(db.conninfo) as connection:
        with pytest.raises(PumHookError, match=message) as raised:
            api.Upgrader(module.root, connection).install()
        assert "hook.py:" in str(raised.value)
        assert db.snapshot() == before
        # The connection was neither closed nor freed: the same one installs fine.
        module.write("hook.py", hook("connection.execute('CREATE TABLE pyt.after (id int)')"))
        api.Upgrader(module.root, connection).install()
    assert db.scalar("SELECT count(*) FROM pyt.after") == 0


RUDE = {
    "sys_exit": ("import sys\nsys.exit(3)", re.escape("the hook called sys.exit(3)")),
    "base_exception": ("raise BaseException('rude')", "BaseException: rude"),
    "keyboard_interrupt": ("raise KeyboardInterrupt", "interrupted"),
    "closed_cursor": ("cur = connection.cursor()\ncur.close()\ncur.execute('SELECT 1')", "the cursor is closed"),
    "recursion": ("def f(n):\n    return f(n + 1)\nf(0)", "RecursionError"),
    "swallowed_sql_error": ("try:\n    connection.execute('SELECT nope')\nexcept Exception:\n    pass",
                            "transaction is aborted"),
    "pipeline_left_open": ("connection.pgconn.enter_pipeline_mode()", "pipeline mode"),
    "query_left_running": ("connection.pgconn.send_query(b'SELECT pg_sleep(0.01)')", "left"),
    "copy_out_left_open": ("connection.pgconn.send_query(b'COPY pyt.t TO STDOUT')", "left"),
    "copy_in_left_open": ("connection.pgconn.send_query(b'COPY pyt.t FROM STDIN')", "left"),
}


@pytest.mark.parametrize("name", sorted(RUDE))
def test_rude_hooks_leave_nothing_and_do_not_crash(module, db, name):
    code, message = RUDE[name]
    module.write(".pum.yaml", yaml(post=["file: hook.py"]))
    module.write("hook.py", hook("connection.execute('CREATE TABLE pyt.rude (id int)')\n" + code))
    before = db.snapshot()
    with api.connect(db.conninfo) as connection:
        with pytest.raises(pum.PumException, match=message):
            api.Upgrader(module.root, connection).install()
        assert db.snapshot() == before
        module.write("hook.py", hook("connection.execute('CREATE TABLE pyt.after (id int)')"))
        api.Upgrader(module.root, connection).install()
    assert db.scalar("SELECT to_regclass('pyt.after') IS NOT NULL") is True


def test_a_connection_kept_by_a_hook_is_dead_afterwards(module, db):
    module.write(".pum.yaml", yaml(post=["file: keep.py", "file: use.py"]))
    module.write("keep.py", hook("import builtins\nbuiltins._pum_kept = connection"))
    module.write("use.py", hook("import builtins\nbuiltins._pum_kept.execute('CREATE TABLE pyt.x (id int)')"))
    before = db.snapshot()
    with pytest.raises(PumHookError, match="closed"):
        install(module, db)
    assert db.snapshot() == before
    import builtins
    with pytest.raises(Exception):
        builtins._pum_kept.execute("SELECT 1")
    del builtins._pum_kept


def test_traceback_names_the_hook_file_and_line(module, db):
    module.write(".pum.yaml", yaml(post=["file: app/hook.py"]))
    module.write("app/helper.py", "def explode():\n    raise ValueError('boom from helper')\n")
    module.write("app/hook.py", hook("from helper import explode\nexplode()"))
    with pytest.raises(PumHookError) as raised:
        install(module, db)
    message = str(raised.value)
    assert message.startswith("app/hook.py:7: ValueError: boom from helper")
    assert "Traceback (most recent call last)" in message
    assert "helper.py\", line 2, in explode" in message
    assert "_runner.py" not in message


def test_syntax_error_in_hook_is_reported_before_anything_runs(module, db):
    module.write(".pum.yaml", yaml(post=["file: hook.py"]))
    module.write("hook.py", "from pum import HookBase\nclass Hook(HookBase)\n    pass\n")
    with pytest.raises(PumHookError, match=r"hook.py:2: SyntaxError"):
        install(module, db)
    assert db.scalar("SELECT to_regclass('public.pum_migrations')") is None


def test_local_imports_with_the_same_name_and_clean_sys_path(module, db):
    module.write(".pum.yaml", yaml(post=["file: a/hook.py", "file: b/hook.py"]))
    for folder in ("a", "b"):
        module.write(f"{folder}/helpers.py", f"WHO = '{folder}'\n")
        module.write(f"{folder}/hook.py", hook(
            "connection.execute('CREATE TABLE IF NOT EXISTS pyt.who (w text)')\n"
            "connection.execute('INSERT INTO pyt.who VALUES (%s)', (helpers.WHO,))", imports="import helpers"))
    path_before = list(sys.path)
    install(module, db)
    assert db.rows("SELECT w FROM pyt.who ORDER BY w") == [("a",), ("b",)]
    assert sys.path == path_before
    assert "helpers" not in sys.modules
    assert not any(name.startswith("_pum_hook_") for name in sys.modules)
    assert not (module.root / "a" / "__pycache__").exists()


def test_upgrade_after_install_in_one_process_runs_fresh_hook_code(module, db):
    module.write(".pum.yaml", yaml(post=["file: hook.py"]))
    module.write("version.py", "VALUE = 'first'\n")
    body = ("connection.execute('CREATE TABLE IF NOT EXISTS pyt.runs (v text)')\n"
            "connection.execute('INSERT INTO pyt.runs VALUES (%s)', (version.VALUE + MARK,))")
    module.write("hook.py", "MARK = '-a'\n" + hook(body, imports="import version"))
    with api.connect(db.conninfo) as connection:
        api.Upgrader(module.root, connection).install()
        # Rewritten within the same second: no stale bytecode, no cached module.
        module.write("version.py", "VALUE = 'second'\n")
        module.write("hook.py", "MARK = '-b'\n" + hook(body, imports="import version"))
        module.write("changelogs/1.0.1/01.sql", "SELECT 1;")
        api.Upgrader(module.root, connection).upgrade()
    assert db.rows("SELECT v FROM pyt.runs ORDER BY v") == [("first-a",), ("second-b",)]


PARAMETERS = """
    - name: n
      type: integer
      default: 2056
    - name: flag
      type: boolean
      default: true
    - name: ratio
      type: decimal
      default: 1.50
    - name: label
      type: text
      default: it's
    - name: folder
      type: path
      default: /tmp/x
    - name: unset
      type: text
    - name: defaulted
      type: text
"""


def test_parameters_of_each_type(module, db):
    module.write(".pum.yaml", yaml(post=["file: hook.py"], parameters=PARAMETERS))
    module.write("hook.py", hook("""
        values = dict(n=n, flag=flag, ratio=ratio, label=label, folder=folder, unset=unset, defaulted=defaulted)
        connection.execute("CREATE TABLE pyt.p (name text, type text, value text)")
        for name, value in values.items():
            connection.execute("INSERT INTO pyt.p VALUES (%s, %s, %s)", (name, type(value).__name__, str(value)))
        self.execute("CREATE TABLE pyt.lit AS SELECT {n} AS n, {flag} AS flag, {ratio} AS ratio, {label} AS label")
    """, signature="self, connection, n: int, flag: bool, ratio, label, folder, unset, defaulted='from signature'"))
    install(module, db, parameters={"n": 4326, "flag": False})
    got = {name: (type_, value) for name, type_, value in db.rows("SELECT * FROM pyt.p")}
    assert got == {
        "n": ("int", "4326"), "flag": ("bool", "False"), "ratio": ("Decimal", "1.50"),
        "label": ("str", "it's"), "folder": ("PosixPath", "/tmp/x"), "unset": ("NoneType", "None"),
        "defaulted": ("str", "from signature"),
    }
    assert db.rows("SELECT n, flag, ratio::text, label FROM pyt.lit") == [(4326, False, "1.50", "it's")]


def test_undeclared_parameter_is_refused_before_anything_runs(module, db):
    module.write(".pum.yaml", yaml(post=["file: hook.py"], parameters="- name: srid\n  type: integer"))
    module.write("hook.py", hook("pass", signature="self, connection, srid, sird"))
    logged = []
    with api.connect(db.conninfo) as connection:
        upgrader = api.Upgrader(module.root, connection, log=lambda level, message: logged.append(message))
        with pytest.raises(PumHookError, match="run_hook takes 'sird', which is not a parameter declared"):
            upgrader.install()
    assert not any("01_tables.sql" in message for message in logged)
    assert db.scalar("SELECT to_regclass('pyt.t')") is None


def test_pum_1x_hook_with_psycopg_sql_sqlcontent_and_local_import_runs_unchanged(module, db):
    module.write(".pum.yaml", yaml(post=["file: app/create_app.py"], parameters="- name: SRID\n  type: integer\n  default: 2056"))
    module.write("app/naming.py", "def view_name(table):\n    return f'vw_{table}'\n")
    module.write("app/create_app.py", '''
        import psycopg
        from psycopg import sql

        from pum import HookBase, SqlContent
        from pum.utils.execute_sql import execute_sql
        from naming import view_name


        class Hook(HookBase):
            def run_hook(self, connection: psycopg.Connection, SRID: int):
                SqlContent("CREATE SCHEMA pyt_app").execute(connection, parameters=None, commit=False)
                query = sql.SQL("CREATE VIEW {view} AS SELECT id, label, {srid}::int AS srid FROM {table}").format(
                    view=sql.Identifier("pyt_app", view_name("t")),
                    srid=sql.Literal(SRID),
                    table=sql.Identifier("pyt", "t"))
                with connection.cursor() as cursor:
                    cursor.execute(query)
                result = SqlContent("SELECT count(*), min(srid) FROM pyt_app.vw_t WHERE id > {min_id}").execute(
                    connection, parameters={"min_id": sql.Literal(0)})
                count, srid = result.fetchone()
                execute_sql(connection, "CREATE TABLE pyt_app.checked AS SELECT %d AS n, %d AS srid" % (count, srid))
                self.execute(sql.SQL("COMMENT ON VIEW pyt_app.vw_t IS {note}").format(note=sql.Literal("srid {x}")))
    ''')
    install(module, db, parameters={"SRID": 21781})
    assert db.rows("SELECT n, srid FROM pyt_app.checked") == [(2, 21781)]
    assert db.scalar("SELECT obj_description('pyt_app.vw_t'::regclass)") == "srid {x}"


def test_self_execute_text_and_files_with_parameters_and_located_errors(module, db):
    module.write(".pum.yaml", yaml(post=["file: app/hook.py"], parameters="- name: srid\n  type: integer\n  default: 2056"))
    module.write("app/sql/one.sql", "CREATE TABLE pyt.one AS SELECT {srid} AS srid, '{{1,2}}'::int[] AS arr;\n")
    module.write("sql/two.sql", "CREATE TABLE pyt.two (id int);\n")
    module.write("app/hook.py", hook("""
        from pathlib import Path
        self.execute(Path("sql/one.sql"))   # from the hook's folder
        self.execute("sql/two.sql")          # from the module root
        self.execute("INSERT INTO pyt.two VALUES ({srid})")
    """))
    install(module, db)
    assert db.rows("SELECT srid, arr FROM pyt.one") == [(2056, [1, 2])]
    assert db.scalar("SELECT id FROM pyt.two") == 2056

    module.write("sql/bad.sql", "SELECT 1;\n\nSELECT nope\n  FROM pyt.t;\n")
    module.write("app/hook.py", hook("self.execute('sql/bad.sql')"))
    with api.connect(db.conninfo) as connection:
        with pytest.raises(PumHookError) as raised:
            api.Upgrader(module.root, connection).recreate_app()
    message = str(raised.value)
    assert "bad.sql:3" in message and "PumSqlError" in message and "nope" in message


def test_hook_catches_pum_sql_error_with_its_location(module, db):
    module.write(".pum.yaml", yaml(post=["file: hook.py"]))
    module.write("hook.py", hook("""
        from pum.exceptions import PumSqlError
        try:
            self.execute("SELECT 1;\\nSELECT {nope}")
        except PumSqlError as error:
            assert error.line == 2 and error.sqlstate is None, (error.line, error.sqlstate)
            connection.execute("CREATE TABLE pyt.caught AS SELECT %s::text AS m", (str(error),))
        connection.execute("SAVEPOINT before_bad")
        try:
            self.execute("SELECT 1;\\nSELECT no_column FROM pyt.t")
        except PumSqlError as error:
            assert error.sqlstate == "42703" and error.line == 2, (error.sqlstate, error.line)
            connection.execute("ROLLBACK TO SAVEPOINT before_bad")
        connection.execute("INSERT INTO pyt.caught VALUES ('went on')")
    """))
    install(module, db)
    messages = [m for (m,) in db.rows("SELECT m FROM pyt.caught")]
    assert len(messages) == 2 and "nope" in messages[0] and messages[1] == "went on"


DEPENDENCIES = {
    "satisfied": ("- name: psycopg\n  minimum_version: 3.0.0\n- name: PyYAML\n  maximum_version: 99.0", None),
    "missing": ("- name: pum_no_such_package_xyz", "'pum_no_such_package_xyz' is required by the module's hooks "
                "but is not installed; install it with `apt install python3-pum-no-such-package-xyz`"),
    "too_old": ("- name: psycopg\n  minimum_version: 99.0", "'psycopg' 3.* is older than the minimum 99.0"),
    "too_new": ("- name: psycopg\n  maximum_version: 2.9", "'psycopg' 3.* is newer than the maximum 2.9"),
}


@pytest.mark.parametrize("case", sorted(DEPENDENCIES))
def test_dependencies(module, db, case, monkeypatch):
    # pip may run (and fail): without an index it fails at once, network or not.
    monkeypatch.setenv("PIP_NO_INDEX", "1")
    deps, message = DEPENDENCIES[case]
    module.write(".pum.yaml", yaml(post=["file: hook.py"], extra="dependencies:\n" + textwrap.indent(deps, "  ")))
    module.write("hook.py", hook("connection.execute('CREATE TABLE pyt.ran (id int)')"))
    if message is None:
        install(module, db)
        assert db.scalar("SELECT to_regclass('pyt.ran') IS NOT NULL") is True
    else:
        with pytest.raises(PumHookError, match=message.replace("(", r"\(").replace(")", r"\)")):
            install(module, db)
        assert db.scalar("SELECT to_regclass('pyt.t')") is None


def _wheel(folder, name, version):
    """A minimal pure-Python wheel, built by hand (pip needs nothing more)."""
    import base64
    import hashlib
    import zipfile
    files = {f"{name}/__init__.py": f"__version__ = '{version}'\nVALUE = 42\n",
             f"{name}-{version}.dist-info/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
             f"{name}-{version}.dist-info/WHEEL": "Wheel-Version: 1.0\nGenerator: pum-tests\nRoot-Is-Purelib: true\n"
                                                  "Tag: py3-none-any\n"}
    record = [f"{name}-{version}.dist-info/RECORD,,"]
    with zipfile.ZipFile(folder / f"{name}-{version}-py3-none-any.whl", "w") as wheel:
        for path, text in files.items():
            wheel.writestr(path, text)
            digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
            record.append(f"{path},sha256={digest},{len(text)}")
        wheel.writestr(f"{name}-{version}.dist-info/RECORD", "\n".join(record) + "\n")


@pytest.mark.skipif(__import__("importlib").util.find_spec("pip") is None,
                    reason="python3-pip is not installed (without it pum refuses clearly: see the next test)")
def test_missing_dependency_is_installed_with_pip_into_a_temporary_folder(module, db, tmp_path, monkeypatch):
    from pum import dependencies
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    _wheel(wheels, "pumdeptest", "1.2")
    # A local index stands in for PyPI: the same pip command, no network.
    monkeypatch.setenv("PIP_NO_INDEX", "1")
    monkeypatch.setenv("PIP_FIND_LINKS", str(wheels))
    module.write(".pum.yaml", yaml(post=["file: hook.py"],
                                   extra="dependencies:\n  - name: pumdeptest\n    minimum_version: 1.1"))
    module.write("hook.py", hook("connection.execute('CREATE TABLE pyt.dep AS SELECT %s AS v', (pumdeptest.VALUE,))",
                                 imports="import pumdeptest"))
    try:
        install(module, db)
        assert db.scalar("SELECT v FROM pyt.dep") == 42
        folder = dependencies.install_folder()
        assert folder and folder in sys.path and (Path(folder) / "pumdeptest-1.2.dist-info").is_dir()
    finally:
        if dependencies.install_folder() in sys.path:
            sys.path.remove(dependencies.install_folder())
        sys.modules.pop("pumdeptest", None)


def test_pip_failure_or_refusal_is_explained(module, db, monkeypatch):
    monkeypatch.setenv("PIP_NO_INDEX", "1")
    module.write(".pum.yaml", yaml(post=["file: hook.py"], extra="dependencies:\n  - name: pum_nothere_dep"))
    module.write("hook.py", hook("pass"))
    with pytest.raises(PumHookError, match=r"(?s)'pum_nothere_dep' is required.*"
                                           r"(pip could not install them: .*No matching distribution found for "
                                           r"pum_nothere_dep|pip is not available)"):
        install(module, db)
    monkeypatch.setenv("PUM_NO_PIP_INSTALL", "1")
    with pytest.raises(PumHookError, match=r"installing them with pip is turned off"):
        install(module, db)


def test_dependency_check_directly(monkeypatch):
    monkeypatch.setenv("PUM_NO_PIP_INSTALL", "1")
    from pum.dependencies import check_dependencies
    check_dependencies([("psycopg", "3.0", "3.99", 3)], ".pum.yaml")
    with pytest.raises(PumDependencyError, match=r"\.pum\.yaml:7: Python package 'nothere_pkg'"):
        check_dependencies([("psycopg", None, None, 6), ("nothere_pkg", None, None, 7)], ".pum.yaml")


def test_hook_class_must_inherit_hookbase_and_take_self(module, db):
    module.write(".pum.yaml", yaml(post=["file: hook.py"]))
    module.write("hook.py", "class Hook:\n    def run_hook(self, connection):\n        pass\n")
    with pytest.raises(PumHookError, match="must inherit from pum.HookBase"):
        install(module, db)
    module.write("hook.py", "from pum import HookBase\nclass Hook(HookBase):\n    def run_hook(connection):\n        pass\n")
    with pytest.raises(PumHookError, match="must take self first"):
        install(module, db)


def test_server_notices_during_and_after_a_hook_reach_pum(module, db):
    module.write(".pum.yaml", yaml(post=["file: hook.py",
                                         "code: DO $$ BEGIN RAISE NOTICE 'after the hook'; END $$;"]))
    module.write("hook.py", hook("""
        connection.execute("DO $$ BEGIN RAISE NOTICE 'from psycopg'; END $$")
        self.execute("DO $$ BEGIN RAISE NOTICE 'from execute'; END $$")
    """))
    logged = []
    with api.connect(db.conninfo) as connection:
        api.Upgrader(module.root, connection, log=lambda level, message: logged.append(message)).install()
    notices = [m for m in logged if "NOTICE" in m or m.startswith("server")]
    assert any("from psycopg" in m for m in notices), logged
    assert any("from execute" in m for m in notices), logged
    assert any("after the hook" in m for m in notices), logged


def test_hook_module_semantics(module, db):
    """No __future__ flags leak from pum into hooks; a missing SQL file is named; __name__ is not __main__."""
    module.write(".pum.yaml", yaml(post=["file: hook.py"]))
    module.write("hook.py", hook("""
        assert __name__ != "__main__"
        assert not isinstance(Hook.run_hook.__annotations__["connection"], str)
        try:
            self.execute("sql/missing.sql")
        except FileNotFoundError as error:
            connection.execute("CREATE TABLE pyt.missing AS SELECT %s::text AS m", (str(error),))
    """, signature="self, connection: object"))
    install(module, db)
    assert "sql/missing.sql not found" in db.scalar("SELECT m FROM pyt.missing")


def test_copy_works_in_a_hook(module, db):
    module.write(".pum.yaml", yaml(post=["file: hook.py"]))
    module.write("hook.py", hook("""
        with connection.cursor() as cursor:
            with cursor.copy("COPY pyt.t (id, label) FROM STDIN") as copy:
                for row in [(10, "ten"), (11, "eleven")]:
                    copy.write_row(row)
            with cursor.copy("COPY (SELECT count(*) FROM pyt.t) TO STDOUT") as copy:
                ((count,),) = list(copy.rows())
        connection.execute("CREATE TABLE pyt.copied AS SELECT %s::int AS n", (int(count),))
    """))
    install(module, db)
    assert db.scalar("SELECT n FROM pyt.copied") == 4
