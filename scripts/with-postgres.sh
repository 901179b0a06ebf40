#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on loopback, runs the given command against it, stops it.
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PORT=${PGPORT_TEST:-54329}
DIR=$(mktemp -d /tmp/steunwerk-pg.XXXXXX)
AS=()
if [ "$(id -u)" = 0 ]; then
  chown postgres "$DIR"
  AS=(runuser -u postgres --)
fi
"${AS[@]}" "$PGBIN/initdb" -D "$DIR/data" -U steunwerk --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${AS[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" -l "$DIR/log" -w start >/dev/null
cleanup() { "${AS[@]}" "$PGBIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null || true; rm -rf "$DIR"; }
trap cleanup EXIT
"$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U steunwerk steunwerk
export DATABASE_URL="postgres://steunwerk@127.0.0.1:$PORT/steunwerk"
"$@"
