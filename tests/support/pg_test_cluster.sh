#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and the README's demo.
#
#   pg_test_cluster.sh start ENVFILE   initdb into a new temporary folder, start the
#                                      server on a free port (socket in that folder,
#                                      also 127.0.0.1), create a template database
#                                      with PostGIS, write PGHOST/PGPORT/... to ENVFILE
#   pg_test_cluster.sh stop ENVFILE    stop the server and remove the folder
#
# PostgreSQL refuses to run as root: when run as root, the server runs as `postgres`.
# Local socket and the `postgres` user are trusted; other users need a password over TCP.
set -euo pipefail

cmd=${1:-}
envfile=${2:-}
if [[ -z "$cmd" || -z "$envfile" ]]; then
  echo "usage: $0 start|stop ENVFILE" >&2
  exit 2
fi

pgbin=${PUM_PGBIN:-}
if [[ -z "$pgbin" ]]; then
  pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
if [[ -z "$pgbin" || ! -x "$pgbin/initdb" ]]; then
  echo "pg_test_cluster: no PostgreSQL server binaries found (install postgresql-15, or set PUM_PGBIN)" >&2
  exit 1
fi

as_pg() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$(( (RANDOM % 30000) + 20000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return 0
    fi
  done
  echo "pg_test_cluster: no free port found" >&2
  return 1
}

start() {
  if [[ -f "$envfile" ]]; then
    # A cluster left over from an interrupted run: stop it first.
    stop || true
  fi
  local dir port
  dir=$(mktemp -d /tmp/pum-pg.XXXXXX)
  chmod 755 "$dir"
  if [[ $(id -u) -eq 0 ]]; then chown postgres: "$dir"; fi
  port=$(free_port)
  as_pg "$pgbin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  cat >"$dir/data/pg_hba.conf" <<HBA
local all all trust
host all postgres 127.0.0.1/32 trust
host all all 127.0.0.1/32 scram-sha-256
HBA
  as_pg "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=100" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  "$pgbin/psql" -X -q -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 <<SQL
CREATE DATABASE pum_template;
\c pum_template
CREATE EXTENSION postgis;
\c postgres
ALTER DATABASE pum_template WITH is_template true;
SQL
  mkdir -p "$(dirname "$envfile")"
  cat >"$envfile" <<ENV
PUM_TEST_CLUSTER_DIR=$dir
PGHOST=$dir
PGPORT=$port
PGUSER=postgres
PGDATABASE=postgres
PUM_TEST_TEMPLATE=pum_template
PUM_PGBIN=$pgbin
ENV
  echo "pg_test_cluster: PostgreSQL running in $dir on port $port"
}

stop() {
  [[ -f "$envfile" ]] || return 0
  local dir
  dir=$(sed -n 's/^PUM_TEST_CLUSTER_DIR=//p' "$envfile")
  if [[ -n "$dir" && -d "$dir/data" ]]; then
    as_pg "$pgbin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [[ -n "$dir" && "$dir" == /tmp/pum-pg.* ]]; then rm -rf "$dir"; fi
  rm -f "$envfile"
  echo "pg_test_cluster: stopped"
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop ENVFILE" >&2; exit 2 ;;
esac
