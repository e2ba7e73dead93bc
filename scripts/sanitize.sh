#!/usr/bin/env bash
# AddressSanitizer + UndefinedBehaviorSanitizer build of the core, the CLI and
# the Python bindings, in its own folder, running the unit and database tests
# through ctest (its fixture starts the cluster), and on request the pytest
# suite with libasan preloaded into the interpreter. Any sanitizer report halts the
# process that hit it, so it fails its test and this script.
#
#   scripts/sanitize.sh [build-dir]        default: build-asan at the repository root
# PUM_BUILD_JOBS: compile parallelism (default: number of cores).
# PUM_SANITIZE_SKIP_BUILD=1: reuse an existing build.
# PUM_SANITIZE_TESTS: ctest -R regex (default: the unit and database tests).
# PUM_SANITIZE_PYTHON=1: also the pytest suite (off by default, see below).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build-asan}
jobs=${PUM_BUILD_JOBS:-$(nproc)}
tests=${PUM_SANITIZE_TESTS:-'^(unit|db)\.'}

# -O1 and line tables only (-g1) keep the build and the run fast enough for CI;
# frame pointers and line tables give every report a full stack with file:line.
flags="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -O1 -g1"

if [[ "${PUM_SANITIZE_SKIP_BUILD:-0}" != 1 ]]; then
  echo "sanitize: configuring $build"
  # Build type None: only the flags below (Debug would add -g, Release -O3 -DNDEBUG;
  # assertions stay on).
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=None \
    -DPython3_EXECUTABLE=/usr/bin/python3 \
    -DPUM_BUILD_PLUGIN=OFF -DPUM_BUILD_BENCHMARKS=OFF \
    -DCMAKE_CXX_FLAGS="$flags" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DCMAKE_MODULE_LINKER_FLAGS="-fsanitize=address,undefined"
  echo "sanitize: compiling with -j$jobs"
  cmake --build "$build" -j"$jobs"
fi

# halt_on_error: the first report ends the process with a failure, never a warning in a log.
# detect_leaks: LeakSanitizer runs at exit of every instrumented executable.
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
# The embedded Python's heap at exit is not ours (see the file).
export LSAN_OPTIONS="suppressions=$root/scripts/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

echo "sanitize: ctest -R '$tests'"
(cd "$build" && ctest --output-on-failure --no-tests=error --timeout 900 -j"${PUM_CTEST_JOBS:-1}" -R "$tests")

# Off by default: with libasan preloaded into the uninstrumented interpreter,
# the first C++ exception the extension translates into a Python one aborts
# the interpreter without a sanitizer report (tests/python/test_api.py,
# test_config_errors_are_pum_exceptions). The bindings' C++ still runs
# instrumented in the database tests (PythonHooks.*, through the CLI and in process).
if [[ "${PUM_SANITIZE_PYTHON:-0}" == 1 ]]; then
  # The interpreter is not instrumented: libasan must be loaded before anything
  # else for the extension's instrumented code to find its runtime. Leaks are
  # not checked there (CPython keeps its objects at exit, none of them ours);
  # the CLI runs the pytest suite starts keep the address and UB checks.
  echo "sanitize: pytest suite with libasan preloaded"
  envfile="$build/pg-sanitize-pytest.env"
  "$root/tests/support/pg_test_cluster.sh" start "$envfile"
  trap '"$root/tests/support/pg_test_cluster.sh" stop "$envfile"' EXIT
  LD_PRELOAD="$(g++ -print-file-name=libasan.so)" ASAN_OPTIONS="$ASAN_OPTIONS:detect_leaks=0" \
    PUM_TEST_ENV="$envfile" PUM_SOURCE_DIR="$root" PUM_CLI="$build/bin/pum" \
    PYTHONPATH="$build/python" PYTHONDONTWRITEBYTECODE=1 \
    /usr/bin/python3 -m pytest -q -p no:cacheprovider "$root/tests/python"
fi
echo "sanitize: clean"
