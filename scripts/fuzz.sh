#!/usr/bin/env bash
# Fuzzes what reads untrusted text (fuzz/: the SQL lexer and splitter, the
# configuration loader with parameter values and versions) with libFuzzer,
# AddressSanitizer (leaks included) and UndefinedBehaviorSanitizer.
#
#   scripts/fuzz.sh [SECONDS]     each target runs SECONDS (default 600: the
#                                 10-minute campaign; CI runs 30 per target)
#
# Configures its own build folder with clang (PUM_FUZZ_BUILD, default
# build-fuzz), builds with PUM_FUZZ_JOBS jobs (default 1), seeds each target
# from the test modules (tests/data, examples, and pum 1.8's test modules when
# present), keeps the grown corpus in the build folder for the next run, and
# prints each target's figures. Exits 1 if any target found a crash, a hang,
# a leak or undefined behaviour (its input is kept under artifacts/).
# Needs clang and libFuzzer (Debian: clang, libclang-rt-14-dev).
set -euo pipefail

seconds=${1:-600}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${PUM_FUZZ_BUILD:-$root/build-fuzz}
jobs=${PUM_FUZZ_JOBS:-1}
reference=${PUM_REFERENCE_DIR:-$root/../shared/reference/pum-1.8}

mkdir -p "$build"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DPUM_BUILD_FUZZERS=ON \
  -DPUM_BUILD_TESTS=OFF -DPUM_BUILD_PYTHON=OFF -DPUM_BUILD_PLUGIN=OFF -DPUM_BUILD_BENCHMARKS=OFF >"$build/configure.log" 2>&1 ||
  { cat "$build/configure.log"; exit 1; }
if ! grep -q pum_fuzz_sql "$build/fuzz/Makefile" 2>/dev/null; then
  grep "pum: fuzzers skipped" "$build/configure.log" || true
  echo "fuzz.sh: the fuzz targets were not configured (see above)" >&2
  exit 1
fi
cmake --build "$build" -j"$jobs" --target pum_fuzz_sql pum_fuzz_config

# Seeds: every module file we have. The SQL target reads a first byte of
# options and a first line holding the value of {v}: give each seed one.
seeds=$build/seeds
rm -rf "$seeds"
mkdir -p "$seeds/sql" "$seeds/config"
dirs=("$root/tests/data" "$root/examples")
[ -d "$reference/test/data" ] && dirs+=("$reference/test/data")
n=0
while IFS= read -r -d '' file; do
  n=$((n + 1))
  case "$file" in
    *.sql) { printf '\003it'"'"'s $q$ x\n'; head -c 60000 "$file"; } >"$seeds/sql/$n.sql" ;;
    *) head -c 60000 "$file" >"$seeds/config/$n.yaml" ;;
  esac
done < <(find "${dirs[@]}" -type f \( -name '*.sql' -o -name '*.pum.yaml' -o -name '*.yaml' -o -name '*.yml' \) -print0)

status=0
for target in sql config; do
  corpus=$build/corpus/$target
  artifacts=$build/artifacts/$target
  rm -rf "$artifacts"
  mkdir -p "$corpus" "$artifacts"
  log=$build/fuzz-$target.log
  echo "== pum_fuzz_$target: $seconds s, $(ls "$seeds/$target" | wc -l) seeds, corpus $(ls "$corpus" | wc -l) inputs"
  set +e
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$build/fuzz/pum_fuzz_$target" -max_total_time="$seconds" -rss_limit_mb=2048 -malloc_limit_mb=2048 \
    -timeout=10 -max_len=65536 -dict="$root/fuzz/$target.dict" -print_final_stats=1 \
    -artifact_prefix="$artifacts/" "$corpus" "$seeds/$target" >"$log" 2>&1
  rc=$?
  set -e
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
  coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  features=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  crashes=$(find "$artifacts" -type f | wc -l)
  echo "pum_fuzz_$target: executions ${executions:-?}, ${speed:-?}/s, coverage ${coverage:-?} edges," \
    "${features:-?} features, corpus $(ls "$corpus" | wc -l), peak RSS ${rss:-?} MB, crashes $crashes"
  if [ "$rc" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    echo "pum_fuzz_$target FAILED (exit $rc); its log: $log; inputs: $artifacts" >&2
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$log" | head -5 >&2 || true
    status=1
  fi
done
exit $status
