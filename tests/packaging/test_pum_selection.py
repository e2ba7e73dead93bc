"""Two `pum` packages in one Python: the hook runner takes pum-native's, or says why it cannot.

The other `pum` (data/other_pum: pip's pum 1.x or one bundled in a QGIS
plugin, same name, none of our API) is put first on sys.path through
PYTHONPATH. Run by ctest against the test cluster, with the CLI of the build.
"""

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import psycopg
import pytest

HERE = Path(__file__).resolve().parent
OTHER = HERE / "data" / "other_pum"


def _cluster() -> dict:
    path = os.environ.get("PUM_TEST_ENV")
    if not path or not Path(path).exists():
        pytest.exit("PUM_TEST_ENV must name the env file of a running test cluster", returncode=2)
    return dict(line.split("=", 1) for line in Path(path).read_text().splitlines() if "=" in line)


CLUSTER = _cluster()


def _conninfo(dbname: str) -> str:
    return f"host={CLUSTER['PGHOST']} port={CLUSTER['PGPORT']} user={CLUSTER['PGUSER']} dbname={dbname}"


@pytest.fixture
def database():
    name = "pum_pkg_" + uuid.uuid4().hex[:12]
    with psycopg.connect(_conninfo("postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        with psycopg.connect(_conninfo("postgres"), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def module(tmp_path):
    copy = tmp_path / "hooked_module"
    shutil.copytree(HERE / "data" / "hooked_module", copy)
    return copy


def _install(database: str, module: Path, pythonpath: Path, with_site: bool) -> subprocess.CompletedProcess:
    folder = pythonpath
    if not with_site:
        # Only the package: nothing imports it unless a search finds it.
        folder = pythonpath.parent / "only_package"
        shutil.copytree(OTHER / "pum", folder / "pum")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    env.update(PYTHONPATH=str(folder), PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run([os.environ["PUM_CLI"], "-p", _conninfo(database), "-d", str(module), "install"],
                          capture_output=True, text=True, env=env, timeout=120, check=False)


def _tables(database: str) -> list:
    with psycopg.connect(_conninfo(database)) as conn:
        return [r[0] for r in conn.execute(
            "SELECT table_schema || '.' || table_name FROM information_schema.tables "
            "WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1")]


def test_hooks_get_our_pum_when_another_comes_first_on_sys_path(database, module, tmp_path):
    done = _install(database, module, tmp_path / "site", with_site=False)
    assert done.returncode == 0, done.stderr
    with psycopg.connect(_conninfo(database)) as conn:
        file = conn.execute("SELECT file FROM pkgtest.hook_pum").fetchone()[0]
    # The runner's own package, never the one PYTHONPATH put first.
    assert Path(file).resolve() != (tmp_path / "only_package" / "pum" / "__init__.py").resolve()
    assert (Path(file).parent / "_runner.py").exists()


def test_another_pum_already_imported_is_refused_clearly(database, module, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(OTHER, site)
    done = _install(database, module, site, with_site=True)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "another Python package named 'pum' is already imported" in done.stderr
    # It names the other package, its version, and ours.
    assert str((site / "pum" / "__init__.py").resolve()) in done.stderr or str(site / "pum") in done.stderr
    assert "version 1.3.2" in done.stderr
    # Refused before anything ran: the database is as it was.
    assert _tables(database) == []
