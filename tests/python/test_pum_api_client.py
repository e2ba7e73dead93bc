"""A program written for pum 1.x's Python API (tests/pum_api/plugin_like_client.py)
runs unchanged on pum-native's package, against the example module."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

SOURCE = Path(os.environ.get("PUM_SOURCE_DIR", Path(__file__).resolve().parents[2]))
CLIENT = SOURCE / "tests" / "pum_api" / "plugin_like_client.py"
SIGNAGE = SOURCE / "examples" / "signage"


@pytest.mark.needs_postgis
def test_a_plugin_like_client_of_pums_api_runs_unchanged(db):
    out = subprocess.run([sys.executable, str(CLIENT), str(SIGNAGE), db.conninfo],
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    seen = dict(line.split("=", 1) for line in out.stdout.splitlines() if "=" in line)
    assert seen["parameter.srid"] == "integer|2056|None|False"
    assert seen["parameter.lang_code"] == "text|de|['de', 'fr', 'it']|True"
    assert seen["last_version"] == "1.2.0"
    assert seen["demo_data"] == "Bern city centre"
    assert seen["installed.before"] == "False"
    assert seen["baseline.installed"] == "1.1.0"
    assert seen["progress.reported"] == "True"
    assert seen["baseline.upgraded"] == "1.2.0"
    assert seen["role.signage_user"] == "signage_app,signage_od"  # its own and what it inherits
    assert seen["role.signage_viewer"] == "signage_app,signage_od"
    assert seen["roles.missing"] == ""
    assert seen["second_install"].startswith("refused: ")
    # What the program left behind: committed by the program itself.
    assert db.rows("SELECT version, parameters->>'lang_code' FROM public.pum_migrations ORDER BY version") == \
        [("1.0.0", "fr"), ("1.1.0", "fr"), ("1.2.0", "it")]
    assert db.scalar("SELECT count(*) > 0 FROM signage_od.sign") is True
    assert db.scalar("SELECT has_schema_privilege('signage_viewer', 'signage_app', 'USAGE')") is True
