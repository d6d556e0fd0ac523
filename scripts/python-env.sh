#!/usr/bin/env bash
# Prints a python3 that has the e2e test dependencies (pytest, requests, caldav, aiosmtpd,
# caldav-server-tester and vobject, which its time-zone check reads events with, and what the
# caldav sdist's own tests/test_caldav.py imports: tzlocal, proxy.py, pyfakefs, pytest-asyncio, pyyaml),
# creating .venv with them when the system python lacks them.
set -euo pipefail
cd "$(dirname "$0")/.."
if python3 -c "import pytest, requests, caldav, aiosmtpd, caldav_server_tester, vobject, tzlocal, proxy, pyfakefs, pytest_asyncio, yaml" >/dev/null 2>&1; then
    command -v python3
    exit 0
fi
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c "import pytest, requests, caldav, aiosmtpd, caldav_server_tester, vobject, tzlocal, proxy, pyfakefs, pytest_asyncio, yaml" >/dev/null 2>&1; then
    python3 -m venv .venv >&2
    .venv/bin/pip install --quiet pytest requests caldav aiosmtpd caldav-server-tester vobject \
        tzlocal proxy.py pyfakefs pytest-asyncio pyyaml >&2
fi
echo "$PWD/.venv/bin/python"
