#!/bin/sh
# Runs a GoogleTest binary for ctest under PUM_REQUIRE_ALL_TESTS: a skipped
# test (GTEST_SKIP) fails instead of being reported as skipped. ctest would
# see gtest's "[  SKIPPED ]" line and report a skip whatever the exit code, so
# the line is reworded and the exit code made non-zero.
# PUM_ALLOW_NOT_APPLICABLE=1 (the server matrix): a skip whose every reason starts
# with "not applicable: needs PostGIS" (a server without it) or "not applicable:
# needs pg_dump" (a server newer than every pg_dump here) stays a skip; any other
# reason still fails.
#   gtest_no_skip.sh TEST_BINARY [ARGS...]
out=$("$@" 2>&1)
rc=$?
marker='[  SKIPPED ]'

# Whether every reason gtest printed after a "Skipped" line is one of those.
only_not_applicable() {
  printf '%s\n' "$out" | awk '
    after {
      if (index($0, "not applicable: needs PostGIS") != 1 && index($0, "not applicable: needs pg_dump") != 1) bad = 1
      after = 0; next
    }
    /: Skipped$/ { after = 1; seen = 1 }
    END { exit (seen && !bad) ? 0 : 1 }'
}

case "$out" in
  *"$marker"*)
    if [ "${PUM_ALLOW_NOT_APPLICABLE:-}" = 1 ] && only_not_applicable; then
      printf '%s\n' "$out"
      exit $rc
    fi
    printf '%s\n' "$out" | sed 's/\[  SKIPPED \]/[  SKIPPED: a failure, PUM_REQUIRE_ALL_TESTS is set ]/'
    exit 1
    ;;
esac
printf '%s\n' "$out"
exit $rc
