#!/bin/sh
# Release-mode parse/serialize throughput of Sources/ICalendar (no SwiftPM, one swiftc call).
# Usage: bench/ical-bench.sh [fixture-dir]
set -eu
cd "$(dirname "$0")/.."
out="${TMPDIR:-/tmp}/ical-bench.$$"
trap 'rm -f "$out"' EXIT
find Sources/ICalendar -name '*.swift' -print0 | xargs -0 swiftc -O -wmo -module-name ICalBench \
    bench/ical-bench/main.swift -o "$out"
"$out" "${1:-Tests/ICalendarTests/Fixtures/clients}"
