#!/usr/bin/env bash
# make run: private MariaDB (or $ALMANAC_DB_URL), almanac serve on a unix socket,
# nginx on 127.0.0.1:$PORT; foreground until Ctrl-C/SIGTERM, then stops all of it.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
port=${PORT:-8080}
almanac=${ALMANAC_BIN:-$root/.build/release/almanac}
var=$root/var
mkdir -p "$var"

pids=()
started_db=""
cleanup() {
    trap - INT TERM EXIT
    echo
    echo "stopping..."
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    [ -n "$started_db" ] && scripts/mariadb.sh stop "$var/mariadb"
    echo "stopped"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [ -n "${ALMANAC_DB_URL:-}" ]; then
    db_url=$ALMANAC_DB_URL
    echo "database: ALMANAC_DB_URL"
else
    scripts/mariadb.sh start "$var/mariadb" almanac
    started_db=1
    db_url="mysql://root@localhost/almanac?socket=$var/mariadb/mysqld.sock"
    echo "database: private MariaDB in var/mariadb"
fi
# The socket lives where nginx's workers (www-data) can reach it even when the
# checkout sits in a private home directory.
rundir=/tmp/almanac-run-$(id -u)-$(printf '%s' "$root" | md5sum | cut -c1-8)
mkdir -p "$rundir"
chmod 755 "$rundir"
socket=$rundir/almanac.sock
cat >"$var/almanac.conf" <<CONF
# Written by make run; \`almanac\` run from the project root reads it.
db_url = $db_url
listen = unix:$socket
log_level = ${LOG_LEVEL:-info}
CONF

"$almanac" db init --if-empty
"$almanac" db upgrade
if [ -z "$("$almanac" user list)" ]; then
    "$almanac" user add demo --password demo --email demo@example.com --display-name "Demo User"
fi

"$almanac" serve &
pids+=($!)
for _ in $(seq 1 100); do [ -S "$socket" ] && break; sleep 0.05; done
[ -S "$socket" ] || { echo "almanac serve did not start" >&2; exit 1; }

scripts/render-nginx.sh "$rundir/nginx" "$port" "$socket" 10m
nginx -c "$rundir/nginx/nginx.conf" -p "$rundir/nginx" &
pids+=($!)
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.05; done

cat <<MSG

  Almanac is running:  http://127.0.0.1:$port/
  user: demo   password: demo
  (CalDAV clients: server http://127.0.0.1:$port/ - discovery via /.well-known/caldav)

  Ctrl-C stops it.
MSG
# Returns when either child exits or a signal arrives; the EXIT trap stops the rest.
wait -n "${pids[@]}"
