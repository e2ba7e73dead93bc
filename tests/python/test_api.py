"""The scripting API over the core: config, install, upgrade, info, callbacks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

import pum
from pum import api
from pum.exceptions import PumCancelled, PumConfigError, PumConnectionError, PumParameterError

SOURCE = Path(os.environ.get("PUM_SOURCE_DIR", Path(__file__).resolve().parents[2]))
SEED = SOURCE / "tests" / "data" / "python_seed"


def test_load_config():
    config = api.load_config(SEED)
    assert config.module == "pum_pyseed"
    assert config.has_python_hooks
    (srid,) = config.parameters
    assert (srid.name, srid.type, srid.default) == ("srid", "integer", 2056)


def test_config_errors_are_pum_exceptions(tmp_path):
    (tmp_path / ".pum.yaml").write_text("pum:\n  module: x\nnot_a_key: 1\n")
    with pytest.raises(PumConfigError) as raised:
        api.load_config(tmp_path)
    assert raised.value.line == 3 and "not_a_key" in str(raised.value)


def test_connection_errors():
    with pytest.raises(PumConnectionError):
        api.connect("host=127.0.0.1 port=1 dbname=x connect_timeout=2")


@pytest.mark.needs_postgis
def test_install_upgrade_info_with_progress(db):
    progress, logs = [], []
    with api.connect(db.conninfo) as connection:
        upgrader = api.Upgrader(SEED, connection, progress=lambda *a: progress.append(a),
                                log=lambda level, message: logs.append(level))
        assert upgrader.info()["installed"] is False
        first = upgrader.install(parameters={"srid": 21781}, max_version="1.0.0")
        assert first["to_version"] == "1.0.0" and first["applied"] == ["1.0.0"]
        info = upgrader.info()
        assert info["installed"] and info["version"] == "1.0.0" and info["pending"] == ["1.0.1"]
        assert info["parameters"] == {"srid": 21781}
        second = upgrader.upgrade()
        assert second["from_version"] == "1.0.0" and second["to_version"] == "1.0.1"
    assert progress and progress[-1][0] == progress[-1][1]
    assert any(current.endswith("create_view.py") for _, _, current in progress)
    assert "info" in logs
    assert db.scalar("SELECT obj_description('pum_pyseed_app.some_view'::regclass)") == "points in EPSG:21781"


@pytest.mark.needs_postgis
def test_changed_parameter_is_refused_on_upgrade(db):
    api.install(SEED, db.conninfo, parameters={"srid": 2056}, max_version="1.0.0")
    with pytest.raises(pum.PumException, match="srid"):
        api.upgrade(SEED, db.conninfo, parameters={"srid": 4326})


def test_bad_parameter_values(db):
    with pytest.raises(PumParameterError, match="srid"):
        api.install(SEED, db.conninfo, parameters={"srid": "abc"})
    with pytest.raises(pum.PumException, match="nope"):
        api.install(SEED, db.conninfo, parameters={"nope": 1})


def test_cancel_rolls_back(db):
    before = db.snapshot()
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(PumCancelled):
        api.install(SEED, db.conninfo, cancelled=cancelled)
    assert db.snapshot() == before


def test_a_raising_callback_cancels_and_is_reraised(db):
    before = db.snapshot()

    def progress(done, total, current):
        if done >= 2:
            raise RuntimeError("callback failed")

    with pytest.raises(RuntimeError, match="callback failed"):
        api.install(SEED, db.conninfo, progress=progress)
    assert db.snapshot() == before


@pytest.mark.needs_postgis
def test_cli_runs_the_seed_layout_without_pythonpath(db):
    cli = os.environ.get("PUM_CLI")
    if not cli:
        pytest.skip("PUM_CLI not set (run through ctest)")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    base = [cli, "-p", db.conninfo, "-d", str(SEED)]
    out = subprocess.run(base + ["install", "--max-version", "1.0.0", "-p", "srid", "2056"], env=env,
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    out = subprocess.run(base + ["upgrade"], env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert db.rows("SELECT column_name FROM information_schema.columns WHERE table_schema = 'pum_pyseed_app' "
                   "ORDER BY ordinal_position") == [("id",), ("name",), ("remark",), ("geometry",)]


def test_package_imports_without_psycopg():
    code = "import sys; sys.modules['psycopg'] = None; import pum; from pum import HookBase, SqlContent; print('ok')"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "ok", out.stderr


def test_psycopg_that_cannot_share_libpq_is_refused(monkeypatch):
    import psycopg

    from pum import _connection, _pum_native
    from pum.exceptions import PumHookError
    from psycopg.pq import _pq_ctypes
    import ctypes
    ours = ctypes.cast(_pq_ctypes.pq.PQlibVersion, ctypes.c_void_p).value
    _connection.check_psycopg((_pum_native.libpq_version(), ours))
    with pytest.raises(PumHookError, match="another copy of libpq"):
        _connection.check_psycopg((_pum_native.libpq_version(), ours + 16))
    with pytest.raises(PumHookError, match="psycopg loaded libpq"):
        _connection.check_psycopg((_pum_native.libpq_version() + 1, ours))
    monkeypatch.setattr(psycopg.pq, "__impl__", "binary")
    with pytest.raises(PumHookError, match="'binary' implementation"):
        _connection.check_psycopg((_pum_native.libpq_version(), ours))


def test_missing_psycopg_is_refused_clearly():
    code = ("import sys; sys.modules['psycopg'] = None\n"
            "from pum import _connection\n"
            "try:\n    _connection.check_psycopg((0, 0))\n"
            "except Exception as e:\n    print(e)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "apt install python3-psycopg" in out.stdout, out.stderr


def test_upgrader_outliving_its_closed_connection(db):
    with api.connect(db.conninfo) as connection:
        upgrader = api.Upgrader(SEED, connection)
    with pytest.raises(PumConnectionError, match="closed"):
        upgrader.info()
    del upgrader  # its destructor still touches the (emptied) connection object


@pytest.mark.needs_postgis
def test_runner_library_inside_a_running_interpreter(db):
    """As in QGIS: libpum_python_hooks registers into the interpreter already running (no second one)."""
    library = Path(pum.__file__).resolve().parents[2] / "lib" / "libpum_python_hooks.so"
    if not library.exists():
        pytest.skip(f"{library} not built")
    code = f"""
import ctypes, sys
lib = ctypes.CDLL({str(library)!r})
error = ctypes.create_string_buffer(512)
assert lib.pum_python_register(error, 512) == 0, error.value
assert lib.pum_python_register(error, 512) == 0, error.value
import pum
from pum import api
summary = api.install({str(SEED)!r}, {db.conninfo!r}, parameters={{"srid": 2056}})
print(summary["to_version"])
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "1.0.1"
    assert db.scalar("SELECT obj_description('pum_pyseed_app.some_view'::regclass)") == "points in EPSG:2056"


def test_an_app_only_parameter_in_a_changelog_is_refused_before_anything_runs(tmp_path, db):
    from conftest import ModuleWriter
    module = ModuleWriter(tmp_path / "module")
    module.write(".pum.yaml", """
        pum:
          module: apponly
        parameters:
          - name: lang
            type: text
            default: en
            app_only: true
    """)
    module.write("changelogs/1.0.0/01.sql", "CREATE TABLE public.t (label text DEFAULT {lang});\n")
    before = db.snapshot()
    with pytest.raises(PumConfigError, match=r"01.sql:1: uses parameter 'lang', which is app_only"):
        with api.connect(db.conninfo) as connection:
            api.Upgrader(module.root, connection).install()
    assert db.snapshot() == before
