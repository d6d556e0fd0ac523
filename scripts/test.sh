#!/usr/bin/env bash
# make test: unit tests (swift test, MariaDB store tests on a private server) and
# the end-to-end suite (pytest: nginx/Apache -> almanac -> private MariaDB).
set -euo pipefail
cd "$(dirname "$0")/.."
python=$(scripts/python-env.sh)
swift build --build-tests

dbdir=$(mktemp -d /tmp/almanac-unit-db.XXXXXX)
stop_db() { scripts/mariadb.sh stop "$dbdir" || true; rm -rf "$dbdir"; }
trap stop_db EXIT
scripts/mariadb.sh start "$dbdir" almanac_admin
ALMANAC_TEST_DB_URL="mysql://root@localhost/almanac_admin?socket=$dbdir/mysqld.sock" swift test --skip-build
stop_db
trap - EXIT

ALMANAC_BIN=$PWD/.build/debug/almanac "$python" -m pytest tests/e2e -q
