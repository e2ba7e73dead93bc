"""pum.api from several threads, and callbacks that raise: one run's error stays in that run."""

import os
import threading
from pathlib import Path

import pytest

from pum import api
from pum.exceptions import PumCommandError

SOURCE = Path(os.environ.get("PUM_SOURCE_DIR", Path(__file__).resolve().parents[2]))
SEED = SOURCE / "tests" / "data" / "python_seed"


def test_a_callback_error_of_one_run_does_not_resurface_in_the_next(db):
    raised = []

    def log(level, message):
        # Raises once, on the message logged after the commit: no cancellation check follows it.
        if message.startswith("baseline set to") and not raised:
            raised.append(message)
            raise RuntimeError("log callback failed")

    with api.connect(db.conninfo) as connection:
        upgrader = api.Upgrader(SEED, connection, log=log)
        with pytest.raises(RuntimeError, match="log callback failed"):
            upgrader.baseline("1.0.0", create_table=True)
        assert raised
        # The baseline itself was committed before the callback raised.
        assert upgrader.info()["version"] == "1.0.0"
        # The next run (which checks for cancellation before its commit) is not stopped by it.
        upgrader.baseline("1.0.1")
        assert upgrader.info()["version"] == "1.0.1"
    assert db.scalar("SELECT count(*) FROM public.pum_migrations") == 2


@pytest.mark.needs_postgis
def test_a_callback_error_that_stopped_a_run_is_raised_once(db):
    fail = [True]

    def progress(done, total, current):
        if fail[0]:
            raise RuntimeError("progress callback failed")

    with api.connect(db.conninfo) as connection:
        upgrader = api.Upgrader(SEED, connection, progress=progress)
        with pytest.raises(RuntimeError, match="progress callback failed"):
            upgrader.install(max_version="1.0.0")
        fail[0] = False
        assert upgrader.install(max_version="1.0.0")["to_version"] == "1.0.0"


@pytest.mark.needs_postgis
def test_a_connection_used_by_a_running_command_refuses_a_second_one(db):
    """A second thread on the same pum.api Connection gets a clear error, never a crash or garbage."""
    started, tried = threading.Event(), threading.Event()
    outcome = {}

    def progress(done, total, current):
        # The command is in the middle of its statements: let the main thread try, then go on.
        if not started.is_set():
            started.set()
            tried.wait(60)

    with api.connect(db.conninfo) as connection:
        first = api.Upgrader(SEED, connection, progress=progress)
        second = api.Upgrader(SEED, connection)

        def install():
            try:
                outcome["summary"] = first.install(max_version="1.0.0")
            except BaseException as error:  # noqa: BLE001 - reported by the assertions below
                outcome["error"] = error

        worker = threading.Thread(target=install)
        worker.start()
        try:
            assert started.wait(60), "the install never reported progress"
            with pytest.raises(PumCommandError, match="in use by another command"):
                second.info()
            with pytest.raises(PumCommandError, match="a command is running on it"):
                connection.close()
        finally:
            tried.set()
            worker.join(120)
        assert not worker.is_alive()
        assert "error" not in outcome, outcome.get("error")
        assert outcome["summary"]["to_version"] == "1.0.0"
        # Once the first command is done, the connection serves the second upgrader.
        assert second.info()["version"] == "1.0.0"


@pytest.mark.needs_postgis
def test_two_threads_on_one_connection_never_crash(db):
    """Whatever the interleaving, each call either runs alone on the connection or is refused."""
    with api.connect(db.conninfo) as connection:
        api.Upgrader(SEED, connection).install(max_version="1.0.0")
        results, errors = [], []

        def read(count):
            upgrader = api.Upgrader(SEED, connection)
            for _ in range(count):
                try:
                    results.append(upgrader.info()["version"])
                except PumCommandError as error:
                    assert "in use by another command" in str(error)
                    errors.append(error)

        threads = [threading.Thread(target=read, args=(50,)) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
    assert len(results) + len(errors) == 200
    assert results and set(results) == {"1.0.0"}
    print(f"{len(results)} calls ran, {len(errors)} refused while another thread used the connection")
