#!/usr/bin/env bash
# Prints a python3 that has the e2e test dependencies (pytest, requests, caldav, aiosmtpd),
# creating .venv with them when the system python lacks them.
set -euo pipefail
cd "$(dirname "$0")/.."
if python3 -c "import pytest, requests, caldav, aiosmtpd" >/dev/null 2>&1; then
    command -v python3
    exit 0
fi
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c "import pytest, requests, caldav, aiosmtpd" >/dev/null 2>&1; then
    python3 -m venv .venv >&2
    .venv/bin/pip install --quiet pytest requests caldav aiosmtpd >&2
fi
echo "$PWD/.venv/bin/python"
