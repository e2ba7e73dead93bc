#!/usr/bin/env bash
# scripts/check-layers.py on a copy of core/README.md's layering: it passes on
# a tree that follows it and fails, naming the file and line, on an include
# that crosses it, on an undeclared folder, and on a cycle.
set -euo pipefail
python=$1 source=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/core/src/sql" "$tmp/core/include/pum/db"
cp "$source/core/README.md" "$tmp/core/README.md"
printf '#include "pum/module/config.h"\n' > "$tmp/core/src/sql/ok.cpp"
"$python" "$source/scripts/check-layers.py" "$tmp" >/dev/null

expect_fault() {  # expect_fault WHAT PATTERN: the check fails and prints PATTERN
  local out rc=0
  out=$("$python" "$source/scripts/check-layers.py" "$tmp" 2>&1) || rc=$?
  [[ $rc -eq 1 && "$out" == *"$2"* ]] || { echo "check-layers missed $1: exit $rc, output: $out" >&2; exit 1; }
}
printf '\n#include "pum/db/database.h"\n' > "$tmp/core/src/sql/bad.cpp"
expect_fault "an upward include" "core/src/sql/bad.cpp:2: 'sql' may not include pum/db/database.h"
rm "$tmp/core/src/sql/bad.cpp"
mkdir -p "$tmp/core/src/gui" && touch "$tmp/core/src/gui/x.cpp"
expect_fault "an undeclared folder" "folder 'gui' is not declared"
rm -r "$tmp/core/src/gui"
sed -i 's/^module: base$/module: base run/' "$tmp/core/README.md"
expect_fault "a cycle" "the layering has a cycle"
echo "check-layers: passes a tree that follows the layering, catches all three faults"
