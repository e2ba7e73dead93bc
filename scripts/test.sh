#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, runs every test ctest
# knows (unit, database, Python, plugin). Exits non-zero on any failure.
#   scripts/test.sh [extra ctest arguments...]
# e.g. `-LE faults` leaves out the fault-injection suite (.ci/run runs it as a
# step of its own), `-L faults` runs only it.
# PUM_SKIP_DEPS=1 skips the package check; PUM_CTEST_JOBS runs tests in parallel.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

if [[ "${PUM_SKIP_DEPS:-0}" != 1 ]]; then
  echo "== test: dependencies"
  "$root/scripts/install-deps.sh"
fi

echo "== test: build"
"$root/scripts/build.sh"

echo "== test: ctest"
cd "$root/build"
# --no-tests=error: a suite that registered nothing must not look green.
# --timeout: the default for tests that set none, so nothing can hang CI.
ctest --output-on-failure --no-tests=error --timeout 900 -j"${PUM_CTEST_JOBS:-1}" "$@"
