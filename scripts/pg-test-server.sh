#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests: initdb in a temp dir, start on a free loopback port with its unix
# socket in that dir, print/export the URL, stop and delete everything at the end.
#
#   scripts/pg-test-server.sh CMD ARGS…   run CMD with CLEARLY_TEST_DATABASE_URL set, then stop (exit = CMD's)
#   scripts/pg-test-server.sh start DIR   start a cluster in DIR (must not exist); prints the URL on stdout
#   scripts/pg-test-server.sh stop DIR    stop it and remove DIR
#
# PostgreSQL refuses to run as root, so as root the server runs as the `postgres` system user (created when
# missing). Auth is `trust` for loopback and the private socket only: the cluster holds nothing but test data and
# listens nowhere else.
set -euo pipefail

pg_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then echo "$PG_BIN"; return; fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -z "$d" ]] && command -v initdb >/dev/null 2>&1; then d=$(dirname "$(command -v initdb)"); fi
  if [[ -z "$d" ]]; then
    echo "pg-test-server: no PostgreSQL server binaries (initdb); install Debian's postgresql package" >&2
    return 1
  fi
  echo "$d"
}

# Runs a command as the cluster's owner: ourselves, or `postgres` when we are root.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

start() {
  local dir=$1 bin port
  bin=$(pg_bin)
  if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
  mkdir -p "$dir"
  chmod 700 "$dir"
  if [[ $(id -u) -eq 0 ]]; then chown postgres: "$dir"; fi
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  port=$(free_port)
  # Small, fast, throwaway: fsync off is safe only because the data is deleted afterwards.
  # PG_TEST_SERVER_OPTS (e.g. "-c fsync=on") is appended, so later settings win (bench/pg-import.ts uses it).
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=64MB ${PG_TEST_SERVER_OPTS:-}" \
    start >/dev/null || { cat "$dir/server.log" >&2; return 1; }
  echo "$port" >"$dir/port"
  echo "postgres://postgres@127.0.0.1:$port/postgres"
}

stop() {
  local dir=$1 bin
  bin=$(pg_bin)
  if [[ -f "$dir/data/postmaster.pid" ]]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start "$2" ;;
  stop) stop "$2" ;;
  ''|-h|--help) sed -n '2,12p' "$0"; exit 2 ;;
  *)
    dir=$(mktemp -d /tmp/clearly-pg.XXXXXX)
    rmdir "$dir"
    trap 'stop "$dir"' EXIT
    url=$(start "$dir")
    echo "pg-test-server: PostgreSQL running at $url (data in $dir)" >&2
    export CLEARLY_TEST_DATABASE_URL=$url
    "$@"
    ;;
esac
