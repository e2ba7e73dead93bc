"""pum's own API (pum.upgrader, pum.schema_migrations, pum.feedback, pum.info) on the
caller's psycopg connection: the caller's transaction, commit only where pum says."""

import logging
import os
from pathlib import Path

import psycopg
import pytest

from pum.exceptions import PumCancelled, PumException
from pum.feedback import Feedback, SilentFeedback
from pum.info import run_info
from pum.pum_config import PumConfig
from pum.schema_migrations import SchemaMigrations
from pum.upgrader import Upgrader

SOURCE = Path(os.environ.get("PUM_SOURCE_DIR", Path(__file__).resolve().parents[2]))
MODULE = SOURCE / "tests" / "data" / "current_module"
PARAMETERS = {"srid": 2056, "default_status": "planned", "label_language": "en"}


class Recorder(Feedback):
    def __init__(self, cancel_at=None):
        super().__init__()
        self.messages = []
        self.cancel_at = cancel_at

    def report_progress(self, message, current=0, total=0):
        self.messages.append((message, current, total))
        if self.cancel_at and self.cancel_at in message:
            self.cancel()


@pytest.fixture
def config():
    return PumConfig.from_yaml(MODULE / ".pum.yaml")


@pytest.mark.needs_postgis
def test_install_joins_the_callers_transaction(db, config):
    with psycopg.connect(db.conninfo) as conn:
        conn.execute("CREATE TABLE public.mine (id int)")
        Upgrader(config).install(connection=conn, parameters=PARAMETERS)
        assert SchemaMigrations(config).baseline(conn).public == "1.10.0"
        conn.rollback()  # the caller decides: both its table and the install go
    assert db.scalar("SELECT to_regclass('public.pum_migrations') IS NULL")
    assert db.scalar("SELECT to_regclass('public.mine') IS NULL")


@pytest.mark.needs_postgis
def test_install_commit_true_commits(db, config):
    with psycopg.connect(db.conninfo) as conn:
        Upgrader(config).install(connection=conn, parameters=PARAMETERS, commit=True)
        conn.rollback()
    assert db.scalar("SELECT count(*) FROM public.pum_migrations") == 5


def test_cancelled_install_leaves_nothing_after_rollback(db, config):
    before = db.snapshot()
    feedback = Recorder(cancel_at="Executing")
    with psycopg.connect(db.conninfo) as conn:
        with pytest.raises(PumCancelled, match="cancelled"):
            Upgrader(config).install(connection=conn, parameters=PARAMETERS, feedback=feedback)
        conn.rollback()
    assert db.snapshot() == before


@pytest.mark.needs_postgis
def test_feedback_steps_and_commit_lock(db, config):
    feedback = Recorder(cancel_at="Committing changes")  # too late: ignored
    with psycopg.connect(db.conninfo) as conn:
        Upgrader(config).install(connection=conn, parameters=PARAMETERS, commit=True, feedback=feedback)
    messages = [m for m, _, _ in feedback.messages]
    assert messages[0].startswith("Installing module pum_current 1.10.0")
    assert any(m.startswith("Executing ") and m.endswith("create_app.sql") for m in messages)
    assert messages[-1] == "Committing changes"
    assert not feedback.is_cancelled()
    # The step counters follow the files and hooks.
    executing = [(c, t) for m, c, t in feedback.messages if m.startswith("Executing ")]
    assert executing[0][0] == 0 and executing[-1][0] == executing[-1][1] - 1


def test_an_error_in_report_progress_stops_the_command_and_is_raised(db, config):
    class Broken(SilentFeedback):
        def report_progress(self, message, current=0, total=0):
            raise ZeroDivisionError("my bug")

    with psycopg.connect(db.conninfo) as conn:
        with pytest.raises(ZeroDivisionError, match="my bug"):
            Upgrader(config).install(connection=conn, parameters=PARAMETERS, feedback=Broken())


@pytest.mark.needs_postgis
def test_upgrade_commits_and_reruns_the_application(db, config):
    with psycopg.connect(db.conninfo) as conn:
        Upgrader(config, max_version="1.1.0").install(connection=conn, parameters=PARAMETERS)
        Upgrader(config).upgrade(connection=conn)
        conn.rollback()  # upgrade committed, the install with it
    assert db.scalar("SELECT max(version) FROM public.pum_migrations WHERE version = '1.10.0'") == "1.10.0"
    with psycopg.connect(db.conninfo) as conn:
        conn.execute("DROP SCHEMA pum_current_app CASCADE")
        conn.commit()
        Upgrader(config).upgrade(connection=conn)  # nothing pending: the app is still recreated
    assert db.scalar("SELECT pum_current_app.label_language()") == "en"


def test_defaults_only_validate_in_pums_api(db, config):
    with psycopg.connect(db.conninfo) as conn:
        with pytest.raises(PumException, match="unknown parameter"):
            Upgrader(config).install(connection=conn)


@pytest.mark.needs_postgis
def test_schema_migrations_and_info(db, config, caplog):
    sm = SchemaMigrations(config)
    with psycopg.connect(db.conninfo) as conn:
        assert not sm.exists(conn) and not sm.has_baseline(conn)
        Upgrader(config).install(connection=conn, parameters=PARAMETERS, commit=True)
        summary = sm.migration_summary(conn)
        assert (summary["module"], summary["version"], summary["upgrade_date"]) == ("pum_current", "1.10.0", None)
        assert summary["parameters"] == PARAMETERS
        details = sm.migration_details(conn, "1.0.0")
        # Under the module path as the caller gave it, as pum records them.
        assert details["changelog_files"] == [str(MODULE / "changelogs" / "1.0.0" / name)
                                              for name in ("01_create_schema.sql", "02_pipe.sql")]
        assert sm.compare(conn) == 0
        with caplog.at_level(logging.INFO, logger="pum.info"):
            run_info(conn, config)
    assert "Installed version: 1.10.0" in caplog.text
    assert "Pending versions: none" in caplog.text


@pytest.mark.needs_postgis
def test_an_autocommit_connection_gets_each_command_committed(db, config):
    with psycopg.connect(db.conninfo, autocommit=True) as conn:
        Upgrader(config).install(connection=conn, parameters=PARAMETERS)
        assert conn.pgconn.transaction_status == psycopg.pq.TransactionStatus.IDLE
    assert db.scalar("SELECT count(*) FROM public.pum_migrations") == 5
