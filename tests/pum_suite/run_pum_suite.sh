#!/usr/bin/env bash
# pum's own test suite (../shared/reference/pum-1.8/test, never edited) against
# this build's `pum` Python package and CLI, on a throwaway cluster of its own.
#
#   run_pum_suite.sh BUILD_DIR pytest [PYTEST_ARGS...]   the 163 Python tests
#   run_pum_suite.sh BUILD_DIR dump_restore              test_dump_restore.sh (the CLI)
#
# pytest mode fails when a test fails that known_failures.txt does not list
# (each listed one is a deliberate difference, see docs/compatibility.md), or
# when fewer than PUM_SUITE_MIN_PASSED (default 155) pass.
# PUM_REFERENCE overrides where pum's reference copy is.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "${1:?usage: $0 BUILD_DIR pytest|dump_restore}" && pwd)
mode=${2:?usage: $0 BUILD_DIR pytest|dump_restore}
shift 2
python=${PUM_PYTHON:-/usr/bin/python3}
min_passed=${PUM_SUITE_MIN_PASSED:-155}

# pum's reference copy sits beside the project (../shared), wherever it was cloned.
reference=
for candidate in ${PUM_REFERENCE:-} "$root/../shared/reference/pum-1.8" /work/shared/reference/pum-1.8; do
  if [[ -d "$candidate/test" ]]; then reference=$(cd "$candidate" && pwd); break; fi
done
if [[ -z "$reference" ]]; then
  echo "pum suite: pum's reference tests not found (looked in ${PUM_REFERENCE:+$PUM_REFERENCE, }$root/../shared/reference/pum-1.8 and /work/shared/reference/pum-1.8; set PUM_REFERENCE)" >&2
  # Exit 77: ctest reports the test as skipped (SKIP_RETURN_CODE), not passed;
  # with PUM_REQUIRE_ALL_TESTS=1 (CI) a skip is a failure.
  [[ "${PUM_REQUIRE_ALL_TESTS:-}" == 1 ]] && exit 1
  exit 77
fi
echo "pum suite: pum's tests from $reference/test"

scratch=$(mktemp -d /tmp/pum-suite.XXXXXX)
chmod 755 "$scratch"
envfile="$scratch/cluster.env"
cleanup() {
  "$root/tests/support/pg_test_cluster.sh" stop "$envfile" >/dev/null 2>&1 || true
  rm -rf "$scratch"
}
trap cleanup EXIT

"$root/tests/support/pg_test_cluster.sh" start "$envfile" >/dev/null
set -a
# shellcheck disable=SC1090
. "$envfile"
set +a

for db in pum_test pum_test_2; do
  "$PUM_PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -d postgres \
    -c "CREATE DATABASE $db TEMPLATE $PUM_TEST_TEMPLATE"
done
cat >"$scratch/pg_service.conf" <<CONF
[pum_test]
host=$PGHOST
port=$PGPORT
user=$PGUSER
dbname=pum_test

[pum_test_2]
host=$PGHOST
port=$PGPORT
user=$PGUSER
dbname=pum_test_2
CONF

# The tests open modules as Path("test") / "data" / ...: run from a copy.
cp -r "$reference/test" "$scratch/test"
cd "$scratch"
# Only the service file names the databases: no PGDATABASE/PGHOST defaults.
unset PGDATABASE
export PGSERVICEFILE="$scratch/pg_service.conf"
export PYTHONPATH="$build/python"
export PATH="$build/bin:$PATH"
export PYTHONDONTWRITEBYTECODE=1

case "$mode" in
  dump_restore)
    bash test/test_dump_restore.sh
    ;;
  pytest)
    rc=0
    "$python" -m pytest -q -p no:cacheprovider --junitxml="$scratch/junit.xml" "$@" test || rc=$?
    if [[ ! -f "$scratch/junit.xml" ]]; then
      echo "pum suite: pytest produced no report (exit $rc)" >&2
      exit 1
    fi
    "$python" "$here/check_results.py" "$scratch/junit.xml" "$here/known_failures.txt" "$min_passed"
    ;;
  *)
    echo "usage: $0 BUILD_DIR pytest|dump_restore" >&2
    exit 2
    ;;
esac
