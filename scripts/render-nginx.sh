#!/usr/bin/env bash
# Writes RUNDIR/nginx.conf (private nginx) + RUNDIR/almanac-server.conf from the templates.
#   scripts/render-nginx.sh RUNDIR PORT SOCKET [MAX_BODY]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rundir=${1:?RUNDIR}; port=${2:?PORT}; socket=${3:?SOCKET}; max_body=${4:-10m}
mkdir -p "$rundir"
user_line=""
[ "$(id -u)" -eq 0 ] && user_line="user www-data;"
sed -e "s|@LISTEN@|127.0.0.1:$port|g" -e "s|@SERVER_NAME@|localhost|g" -e "s|@SOCKET@|$socket|g" \
    -e "s|@MAX_BODY@|$max_body|g" -e "s|@FASTCGI_PARAMS@|/etc/nginx/fastcgi_params|g" \
    "$root/nginx/almanac.conf" >"$rundir/almanac-server.conf"
sed -e "s|@RUNDIR@|$rundir|g" -e "s|@USER_LINE@|$user_line|g" "$root/nginx/standalone.conf" >"$rundir/nginx.conf"
