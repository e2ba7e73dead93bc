#!/usr/bin/env bash
# End-to-end: the real QGIS under Xvfb with the plugin enabled from the build
# tree; e2e_qgis.py drives the dialog (saved connection with an auth
# configuration, example module, SRID 2056, install 1.1.0, upgrade), then this
# script checks the database.
#
#   e2e_qgis.sh BUILD_DIR SOURCE_DIR ENVFILE [IMAGES_DIR]
# ENVFILE is the test cluster's (tests/support/pg_test_cluster.sh). Screenshots
# go to IMAGES_DIR (default: BUILD_DIR/e2e-images; docs/images for the docs).
# PUM_E2E_LANGUAGE=de (fr, it) runs QGIS in that language, for screenshots only:
# the checks of the messages below are in English.
# Step files tests/plugin/e2e/step_*.py run after the main flow (each a
# feature's checks); PUM_E2E_STEPS=a,b runs only those, PUM_E2E_STEPS_ONLY=1
# skips the main flow (while writing a step).
set -euo pipefail

build=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
envfile=$3
images=${4:-$build/e2e-images}
mkdir -p "$images"
images=$(cd "$images" && pwd)

# shellcheck disable=SC1090
set -a; source "$envfile"; set +a
psql=("$PUM_PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U postgres)

work=$(mktemp -d /tmp/pum-e2e.XXXXXX)
db="pum_e2e_$$"
role="pum_e2e_editor_$$"
password="e2e-$$-$RANDOM"
pydb="${db}_py"
netdb="${db}_net"
# Databases the step files create (e2e.create_database), one name per line.
step_databases="$work/step-databases.txt"
cleanup() {
  if [[ -f "$step_databases" ]]; then
    while read -r name; do
      "${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" >/dev/null 2>&1 || true
    done <"$step_databases"
  fi
  "${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
  "${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $pydb" >/dev/null 2>&1 || true
  "${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $netdb" >/dev/null 2>&1 || true
  "${psql[@]}" -d postgres -c "DROP ROLE IF EXISTS $role" >/dev/null 2>&1 || true
  if [[ -n "${PUM_E2E_KEEP:-}" ]]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# A database and a login role that only reaches it with a password over TCP.
"${psql[@]}" -d postgres -c "CREATE DATABASE $db TEMPLATE $PUM_TEST_TEMPLATE"
"${psql[@]}" -d postgres -c "CREATE ROLE $role LOGIN SUPERUSER PASSWORD '$password'"
# With Python hooks in this build: a second database for a module with a .py hook.
python_hooks=
if [[ -f "$build/lib/libpum_python_hooks.so" ]]; then
  python_hooks=1
  "${psql[@]}" -d postgres -c "CREATE DATABASE $pydb TEMPLATE $PUM_TEST_TEMPLATE"
  export PUM_E2E_PY_DB="$pydb" PUM_E2E_PY_MODULE="$source_dir/tests/data/seed_module_py"
  # And one for a module as real ones are: state on self, a view library that
  # commits, demo data through deferred foreign keys (tests/data/network_module).
  "${psql[@]}" -d postgres -c "CREATE DATABASE $netdb TEMPLATE $PUM_TEST_TEMPLATE"
  export PUM_E2E_NET_DB="$netdb" PUM_E2E_NET_MODULE="$source_dir/tests/data/network_module"
fi

# A fresh QGIS profile with the plugin enabled from the build tree: QGIS looks
# for C++ plugins in its own folder and in plugins/searchPathsForPlugins
# (Settings > Options > System > Plugin paths), and loads those whose
# Plugins/<library base name> is true. No first-run questions.
profile="$work/profiles/default"
mkdir -p "$profile/QGIS"
cat >"$profile/QGIS/QGIS3.ini" <<INI
[Plugins]
libpumplugin=true

[plugins]
searchPathsForPlugins=$build/plugin

[locale]
overrideFlag=${PUM_E2E_LANGUAGE:+true}
userLocale=${PUM_E2E_LANGUAGE:-en_US}

[qgis]
checkVersion=false
showTips322=false
migration\\fileVersion=3
INI

out="$work/result.txt"
export PUM_E2E_OUT="$out" PUM_E2E_IMAGES="$images"
export PUM_E2E_SCREENSHOT_SUFFIX=${PUM_E2E_LANGUAGE:+-$PUM_E2E_LANGUAGE}
export PUM_E2E_PORT="$PGPORT" PUM_E2E_DB="$db" PUM_E2E_USER="$role" PUM_E2E_PASSWORD="$password"
export PUM_E2E_MODULE="$source_dir/examples/signage"
# For the step files (step_*.py): the cluster as its superuser, over its socket,
# to create and check databases; the plugin itself only sees QGIS's settings.
export PUM_E2E_PGBIN="$PUM_PGBIN" PUM_E2E_PGHOST="$PGHOST" PUM_E2E_TEMPLATE="$PUM_TEST_TEMPLATE"
export PUM_E2E_STEP_DATABASES="$step_databases" PUM_E2E_WORK="$work" PUM_E2E_SOURCE="$source_dir" PUM_E2E_BUILD="$build"
export PUM_E2E_STEPS=${PUM_E2E_STEPS:-} PUM_E2E_STEPS_ONLY=${PUM_E2E_STEPS_ONLY:-}
# No libpq variables: the connection must come from the QGIS settings alone.
unset PGHOST PGPORT PGUSER PGDATABASE PGPASSWORD PGSERVICEFILE
export LC_ALL=C.UTF-8 QT_QPA_PLATFORM=xcb

timeout 300 xvfb-run -a -s "-screen 0 1400x1000x24" \
  qgis --nologo --noversioncheck --profiles-path "$work" --code "$source_dir/tests/plugin/e2e/e2e_qgis.py" \
  >"$work/qgis.log" 2>&1 || true

echo "== what the plugin showed"
cat "$out" 2>/dev/null || { echo "no result file; QGIS log:"; tail -50 "$work/qgis.log"; exit 1; }
grep -q '^result=ok$' "$out" || { echo "FAILED in QGIS; QGIS log:"; tail -30 "$work/qgis.log"; exit 1; }

if [[ -n "${PUM_E2E_STEPS_ONLY:-}" ]]; then
  echo "PUM_E2E_STEPS_ONLY: main flow and its checks skipped"
  exit 0
fi

fail=0
check_in() {  # check_in DATABASE DESCRIPTION SQL EXPECTED
  local got
  got=$("${psql[@]}" -d "$1" -At -c "$3" 2>&1)
  if [[ "$got" == "$4" ]]; then echo "ok: $2"; else echo "FAILED: $2: expected '$4', got '$got'"; fail=1; fi
}
check() { check_in "$db" "$@"; }
check "versions recorded" "SELECT string_agg(version, ',' ORDER BY string_to_array(version, '.')::int[]) FROM public.pum_migrations" "1.0.0,1.1.0,1.2.0"
check "srid stored" "SELECT DISTINCT parameters->>'srid' FROM public.pum_migrations" "2056"
check "geometry in SRID 2056" "SELECT Find_SRID('signage_od', 'support', 'geometry')" "2056"
check "app_only parameter changed on upgrade" "SELECT parameters->>'lang_code' FROM public.pum_migrations WHERE version = '1.2.0'" "fr"
check "installed by the auth configuration's user" "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'signage_od'" "$role"
if [[ -z "${PUM_E2E_LANGUAGE:-}" ]]; then
  grep -q '^status.upgraded=signage 1.2.0 is up to date' "$out" || { echo "FAILED: final status"; fail=1; }
  grep -q '^log.upgrade=.*signage upgraded from 1.1.0 to 1.2.0 in ' "$out" || { echo "FAILED: upgrade summary"; fail=1; }
fi
if [[ -n "$python_hooks" ]]; then
  pycheck() { check_in "$pydb" "$@"; }
  pycheck "Python hook ran in QGIS (view it creates)" "SELECT to_regclass('pum_test_app.some_view') IS NOT NULL" "t"
  pycheck "module with Python hooks installed" "SELECT string_agg(version, ',' ORDER BY version) FROM public.pum_migrations" "1.0.0,1.0.1"
  netcheck() { check_in "$netdb" "$@"; }
  # The same expected results as tests/python/test_real_modules.py (WITH_DEMO).
  netcheck "network module versions" "SELECT string_agg(version, ',' ORDER BY version) FROM public.pum_migrations" "1.0.0,1.1.0"
  netcheck "network demo data" "SELECT string_agg(id || ':' || node_id || ':' || value, ',' ORDER BY id) FROM network_od.measure" "1:10:4.2,2:10:5.0,3:20:1.5"
  netcheck "network nodes in SRID 2056" "SELECT string_agg(id || ':' || ST_SRID(geometry) || ':' || last_measure_id, ',' ORDER BY id) FROM network_od.node" "10:2056:2,20:2056:3"
  netcheck "deferred trigger fired before the create hook" "SELECT obj_description('network_app.vw_node'::regclass)" "nodes in EPSG:2056 (en); 3 measures logged"
  netcheck "create hook checks" "SELECT string_agg(name || '=' || ok, ',' ORDER BY name) FROM network_app.checks" "foreign_keys_deferred_in_create_hook=true,views=true"
  netcheck "create hook altered the filled table" "SELECT column_default FROM information_schema.columns WHERE table_schema = 'network_od' AND table_name = 'measure' AND column_name = 'value'" "0"
elif [[ "${PUM_REQUIRE_ALL_TESTS:-}" == 1 ]]; then
  echo "FAILED: Python hooks not tested (this build has none), and PUM_REQUIRE_ALL_TESTS=1"
  fail=1
else
  echo "skipped: Python hooks (this build has none)"
fi
exit $fail
