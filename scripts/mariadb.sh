#!/usr/bin/env bash
# A private MariaDB instance in a directory of its own (never the system service).
#   scripts/mariadb.sh start DIR [DATABASE]  -> datadir DIR/data, socket DIR/mysqld.sock;
#                                            creates DATABASE (default almanac) if missing
#   scripts/mariadb.sh stop DIR
# Prints nothing on success except errors; the URL to use is
#   mysql://root@localhost/DATABASE?socket=DIR/mysqld.sock
set -euo pipefail
cmd=${1:?usage: mariadb.sh start|stop DIR [DATABASE]}
dir=${2:?usage: mariadb.sh start|stop DIR [DATABASE]}
db=${3:-almanac}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
sock="$dir/mysqld.sock"
pidfile="$dir/mysqld.pid"

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

case "$cmd" in
start)
    if ! running; then
        if [ ! -d "$dir/data/mysql" ]; then
            mariadb-install-db --no-defaults --user=root --datadir="$dir/data" \
                --auth-root-authentication-method=socket --skip-test-db >"$dir/install.log" 2>&1 \
                || { cat "$dir/install.log" >&2; exit 1; }
        fi
        rm -f "$sock"
        # setsid: the server must not get the terminal's Ctrl-C before we stop it cleanly.
        setsid mariadbd --no-defaults --user=root --datadir="$dir/data" --socket="$sock" \
            --pid-file="$pidfile" --log-error="$dir/mysqld.log" --skip-networking \
            --innodb-buffer-pool-size=64M --innodb-log-file-size=16M --innodb-flush-log-at-trx-commit=2 \
            --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci \
            --max-connections=300 </dev/null >/dev/null 2>&1 &
        for _ in $(seq 1 200); do
            if mariadb-admin --no-defaults --socket="$sock" -uroot ping >/dev/null 2>&1; then break; fi
            sleep 0.05
        done
        mariadb-admin --no-defaults --socket="$sock" -uroot ping >/dev/null 2>&1 \
            || { echo "mariadb did not start; see $dir/mysqld.log" >&2; tail -20 "$dir/mysqld.log" >&2; exit 1; }
    fi
    mariadb --no-defaults --socket="$sock" -uroot -e \
        "CREATE DATABASE IF NOT EXISTS \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci"
    ;;
stop)
    if running; then
        pid=$(cat "$pidfile")
        mariadb-admin --no-defaults --socket="$sock" -uroot shutdown >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
    fi
    ;;
*) echo "usage: mariadb.sh start|stop DIR [DATABASE]" >&2; exit 2 ;;
esac
