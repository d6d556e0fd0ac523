#!/usr/bin/env bash
# make bench [SIZE=1000|"1000 10000"|100000]: the load benchmark (issue 6).
# Builds almanac in release mode (unless ALMANAC_BIN is set), then runs
# bench/bench.py, which starts everything on private ports under var/bench/,
# stops it again, and writes bench/RESULTS.md. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE="${1:-${SIZE:-1000}}"
for tool in wrk nginx mariadbd gcc; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (apt-get install wrk nginx mariadb-server gcc)" >&2; exit 1; }
done
if [ -z "${ALMANAC_BIN:-}" ] && [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
  swift build -c release --product almanac
fi
python3 bench/bench.py "$SIZE"
# The ICalendar library's own figures (issue #2), appended to the same file.
if [ "${BENCH_ICAL:-1}" = 1 ]; then
  results="${BENCH_RESULTS:-bench/RESULTS.md}"
  {
    echo
    echo "## ICalendar library (bench/ical-bench.sh, release, one core)"
    echo
    echo "Targets (issue #2): parsing ≥ 50 MB/s; ten years of a daily rule < 1 ms."
    echo
    echo '```'
    sh bench/ical-bench.sh
    echo '```'
  } >> "$results"
fi
