#!/usr/bin/env bash
# The README's first command: builds pum, starts a throwaway PostgreSQL/PostGIS
# cluster, installs the example module at 1.0.0, upgrades it to the latest
# version, shows `pum info` before and after, and removes the cluster.
#   scripts/demo.sh
# PUM_SKIP_DEPS=1 skips the package check, PUM_SKIP_BUILD=1 reuses build/.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
module="$root/examples/signage"
pum="$root/build/bin/pum"
cluster="$root/tests/support/pg_test_cluster.sh"

step() { printf '\n== demo: %s\n' "$*"; }
# Shows each command, quoted only where needed, so it can be copied and run by hand.
show_arg() {
  if [[ "$1" =~ ^[A-Za-z0-9_./=:,@+-]+$ ]]; then printf ' %s' "$1"
  else printf " '%s'" "${1//\'/\'\\\'\'}"; fi
}
run() { printf '$'; for a in "$@"; do show_arg "$a"; done; printf '\n'; "$@"; }

if [[ "${PUM_SKIP_DEPS:-0}" != 1 ]]; then
  step "dependencies"
  "$root/scripts/install-deps.sh"
fi
if [[ "${PUM_SKIP_BUILD:-0}" != 1 ]]; then
  step "build"
  "$root/scripts/build.sh"
fi
[[ -x "$pum" ]] || { echo "demo: $pum was not built" >&2; exit 1; }

# The demo's own cluster and env file, so it never touches the test suite's.
workdir=$(mktemp -d /tmp/pum-demo.XXXXXX)
envfile="$workdir/cluster.env"
cleanup() {
  local rc=$?
  step "stopping the cluster"
  "$cluster" stop "$envfile" || true
  rm -rf "$workdir"
  if [[ $rc -ne 0 ]]; then echo "demo: FAILED (exit $rc)" >&2; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step "starting a throwaway PostgreSQL + PostGIS cluster"
"$cluster" start "$envfile"
set -a
# shellcheck disable=SC1090
source "$envfile"
set +a

db=signage_demo
step "creating database $db (from the PostGIS template)"
run "$PUM_PGBIN/createdb" -T "$PUM_TEST_TEMPLATE" "$db"
conn="host=$PGHOST port=$PGPORT user=$PGUSER dbname=$db"

step "installing the signage module at version 1.0.0"
run "$pum" -p "$conn" -d "$module" install --max-version 1.0.0 -p srid 2056

step "what is installed"
run "$pum" -p "$conn" -d "$module" info

step "upgrading to the latest version (lang_code is app-only: it may change)"
run "$pum" -p "$conn" -d "$module" upgrade -p srid 2056 -p lang_code fr

step "what is installed now"
run "$pum" -p "$conn" -d "$module" info

step "loading the demo data set (labels now in French)"
run "$pum" -p "$conn" -d "$module" demo-data "Bern city centre" -p srid 2056 -p lang_code fr

step "a look at the result"
run "$PUM_PGBIN/psql" -X -d "$db" -c '\dt signage_od.*' -c '\dv signage_app.*' \
  -c 'SELECT version, changelog_files, parameters FROM public.pum_migrations ORDER BY date_installed' \
  -c 'SELECT official_code, category, inscription, ST_AsText(geometry_wgs84) AS wgs84 FROM signage_app.vw_sign ORDER BY official_code'

step "done"
