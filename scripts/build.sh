#!/usr/bin/env bash
# Configures (Release) and builds pum-native into build/ at the repository root.
#   scripts/build.sh [extra cmake -D options...]
# PUM_BUILD_JOBS overrides the parallelism (default: number of cores).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$root/build"
jobs=${PUM_BUILD_JOBS:-$(nproc)}

echo "build: configuring $build (Release)"
# Debian's interpreter, not a pyenv one on PATH: only it sees python3-psycopg and pybind11.
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release \
  -DPython3_EXECUTABLE=/usr/bin/python3 "$@"
echo "build: compiling with -j$jobs"
cmake --build "$build" -j"$jobs"
echo "build: done ($build/bin/pum)"
