"""Fixtures: the ctest `db` cluster (PUM_TEST_ENV), fresh databases, module folders."""

import os
import textwrap
import uuid
from pathlib import Path

import psycopg
import pytest


def _load_cluster_env():
    path = os.environ.get("PUM_TEST_ENV")
    if not path or not Path(path).exists():
        pytest.exit("PUM_TEST_ENV must name the env file of a running test cluster "
                    "(run through ctest, or tests/support/pg_test_cluster.sh start FILE)", returncode=2)
    for line in Path(path).read_text().splitlines():
        if "=" in line:
            key, value = line.split("=", 1)
            os.environ[key] = value


_load_cluster_env()

# PUM_REQUIRE_ALL_TESTS=1 (CI): a skipped test is a failure, whatever skipped it
# (pytest.skip, a skipif mark, importorskip), so that a missing prerequisite
# cannot pass for a green run.
REQUIRE_ALL_TESTS = os.environ.get("PUM_REQUIRE_ALL_TESTS") == "1"

# Servers without PostGIS (the server matrix's npm builds): a test marked
# needs_postgis is skipped as not applicable, with this reason, never passed.
# PUM_ALLOW_NOT_APPLICABLE=1 (the server matrix) lets those skips (and no other)
# through PUM_REQUIRE_ALL_TESTS.
HAS_POSTGIS = os.environ.get("PUM_TEST_POSTGIS", "1") != "0"
NEEDS_POSTGIS = "not applicable: needs PostGIS, which the test server does not have"
NOT_APPLICABLE = ("not applicable: needs PostGIS", "not applicable: needs pg_dump")
ALLOW_NOT_APPLICABLE = os.environ.get("PUM_ALLOW_NOT_APPLICABLE") == "1"


def pytest_configure(config):
    config.addinivalue_line("markers", "needs_postgis: not applicable on a test server without PostGIS")


def pytest_runtest_setup(item):
    if not HAS_POSTGIS and item.get_closest_marker("needs_postgis"):
        pytest.skip(NEEDS_POSTGIS)


def _skip_is_failure(report) -> None:
    if REQUIRE_ALL_TESTS and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        if ALLOW_NOT_APPLICABLE and reason.removeprefix("Skipped: ").startswith(NOT_APPLICABLE):
            return
        report.outcome = "failed"
        report.longrepr = f"skipped, which PUM_REQUIRE_ALL_TESTS=1 makes a failure: {reason}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    _skip_is_failure(outcome.get_result())


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector):
    outcome = yield
    _skip_is_failure(outcome.get_result())


def conninfo(dbname: str) -> str:
    return f"host={os.environ['PGHOST']} port={os.environ['PGPORT']} user={os.environ['PGUSER']} dbname={dbname}"


class Database:
    def __init__(self) -> None:
        self.name = "pum_py_" + uuid.uuid4().hex[:12]
        with psycopg.connect(conninfo("postgres"), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{self.name}" TEMPLATE {os.environ["PUM_TEST_TEMPLATE"]}')
        self.conninfo = conninfo(self.name)

    def drop(self) -> None:
        with psycopg.connect(conninfo("postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def scalar(self, sql, params=None):
        with psycopg.connect(self.conninfo) as conn:
            row = conn.execute(sql, params).fetchone()
            return row[0] if row else None

    def rows(self, sql, params=None):
        with psycopg.connect(self.conninfo) as conn:
            return conn.execute(sql, params).fetchall()

    def snapshot(self):
        """Every user relation, function and schema: equal before and after a failed command."""
        return self.rows("""
            SELECT 'rel', n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg_temp%'
            UNION ALL
            SELECT 'schema', nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg_%' AND nspname <> 'information_schema'
            UNION ALL
            SELECT 'func', p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
            ORDER BY 1, 2""")


@pytest.fixture
def db():
    database = Database()
    try:
        yield database
    finally:
        database.drop()


class ModuleWriter:
    """A module folder in tmp_path: write('path', 'text') (dedented)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"))
        return path


BASE_CHANGELOG = """
    CREATE SCHEMA pyt;
    CREATE TABLE pyt.t (id int PRIMARY KEY, label text);
    INSERT INTO pyt.t VALUES (1, 'one'), (2, 'two');
"""


@pytest.fixture
def module(tmp_path):
    """A module `pyt` with one changelog (schema pyt, table pyt.t with 2 rows); add hooks and yaml."""
    writer = ModuleWriter(tmp_path / "module")
    writer.write("changelogs/1.0.0/01_tables.sql", BASE_CHANGELOG)
    return writer


def yaml(post=(), pre=(), parameters="", extra=""):
    """A .pum.yaml with the given hook entries (each a `file: x` or `code: y` text)."""
    lines = ["pum:", "  module: pyt"]
    if parameters:
        lines.append("parameters:")
        lines.extend("  " + line for line in textwrap.dedent(parameters).strip().splitlines())
    lines.append("migration_hooks:")
    for name, hooks in (("pre", pre), ("post", post)):
        if hooks:
            lines.append(f"  {name}:")
            lines.extend(f"    - {hook}" for hook in hooks)
    if extra:
        lines.extend(textwrap.dedent(extra).strip().splitlines())
    return "\n".join(lines) + "\n"
