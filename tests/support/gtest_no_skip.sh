#!/bin/sh
# Runs a GoogleTest binary for ctest under PUM_REQUIRE_ALL_TESTS: a skipped
# test (GTEST_SKIP) fails instead of being reported as skipped. ctest would
# see gtest's "[  SKIPPED ]" line and report a skip whatever the exit code, so
# the line is reworded and the exit code made non-zero.
#   gtest_no_skip.sh TEST_BINARY [ARGS...]
out=$("$@" 2>&1)
rc=$?
marker='[  SKIPPED ]'
case "$out" in
  *"$marker"*)
    printf '%s\n' "$out" | sed 's/\[  SKIPPED \]/[  SKIPPED: a failure, PUM_REQUIRE_ALL_TESTS is set ]/'
    exit 1
    ;;
esac
printf '%s\n' "$out"
exit $rc
