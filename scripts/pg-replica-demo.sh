#!/usr/bin/env bash
# Starts a PostgreSQL primary and a streaming replica (pg_basebackup -R) on loopback, writes cases into the primary
# and searches them on the replica through `--read-database-url` (bench/pg-replica.ts), then stops and removes
# both. Usage: scripts/pg-replica-demo.sh [CASES]   (as root the servers run as the `postgres` user)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-2000}
BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[[ -x "$BIN/initdb" ]] || { echo "pg-replica-demo: no PostgreSQL server binaries; apt-get install postgresql" >&2; exit 1; }
as_owner() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

DIR=$(mktemp -d /tmp/clearly-replica.XXXXXX)
chmod 755 "$DIR"
[[ $(id -u) -eq 0 ]] && chown postgres: "$DIR"
stop() {
  for d in replica primary; do [[ -f "$DIR/$d/postmaster.pid" ]] && as_owner "$BIN/pg_ctl" -D "$DIR/$d" -m fast -w stop >/dev/null 2>&1 || true; done
  rm -rf "$DIR"
}
trap stop EXIT
P1=$(port); P2=$(port)
while [[ "$P2" == "$P1" ]]; do P2=$(port); done

echo "== primary on 127.0.0.1:$P1" >&2
as_owner "$BIN/initdb" -D "$DIR/primary" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log"
# wal_level=replica and max_wal_senders are PostgreSQL's defaults; initdb's pg_hba.conf lets loopback replicate.
as_owner "$BIN/pg_ctl" -D "$DIR/primary" -l "$DIR/primary.log" -w -o "-p $P1 -k $DIR -c listen_addresses=127.0.0.1" start >/dev/null
as_owner "$BIN/psql" -h 127.0.0.1 -p "$P1" -U postgres -qc 'CREATE DATABASE clearly' >/dev/null

echo "== replica on 127.0.0.1:$P2 (pg_basebackup -R: standby.signal + primary_conninfo)" >&2
as_owner "$BIN/pg_basebackup" -h 127.0.0.1 -p "$P1" -U postgres -D "$DIR/replica" -R -X stream -c fast
as_owner "$BIN/pg_ctl" -D "$DIR/replica" -l "$DIR/replica.log" -w -o "-p $P2 -k $DIR -c listen_addresses=127.0.0.1" start >/dev/null

PRIMARY="postgres://postgres@127.0.0.1:$P1/clearly"
REPLICA="postgres://postgres@127.0.0.1:$P2/clearly"
echo "== writing $N cases to the primary, searching on the replica" >&2
npx tsx bench/pg-replica.ts "$PRIMARY" "$REPLICA" "$N"

# When the search command exists, show the CLI doing the same (stdout = the hits).
if [[ -f dist/cli/commands/search.js ]]; then
  echo "== clearly search --read-database-url (answered by the replica)" >&2
  node bin/clearly.js search 'taser AND compliant' --database-url "$PRIMARY" --read-database-url "$REPLICA" --json | head -c 1500; echo
fi
