"""The integration tests shipped in the python `caldav` 3.x source distribution, against Almanac:
tests/test_caldav.py (synchronous client, RFC 6638 scheduling class included), its asynchronous
twin tests/test_async_integration.py, and tests/test_examples.py (the documented examples).

The sdist is downloaded from PyPI at test time (`pip download --no-binary`) into
var/cache/ and unpacked there; nothing of it is kept in this repository. It is
configured for an external server the way its tests/README.md describes: a
`tests/caldav_test_servers.yaml` with one `external` server (three users for its
RFC 6638 scheduling class) and a `features` profile - the library's own
compatibility-hints mechanism - for what Almanac deliberately does differently.
The embedded (Radicale, Xandikos) and Docker servers are switched off with the
suite's own PYTHON_CALDAV_TEST_* variables.

Every test must pass; every skip must carry one of the reasons in EXPECTED_SKIPS.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

import harness

VERSION = os.environ.get("ALMANAC_CALDAV_SDIST_VERSION", "3.6.0")
CACHE = harness.ROOT / "var" / "cache" / "caldav-sdist"

# Login names are e-mail addresses: the suite builds ATTENDEE lines from them.
LIBRARY_USERS = {"lib-one@example.com": "lib-one-pw", "lib-two@example.com": "lib-two-pw",
                 "lib-three@example.com": "lib-three-pw"}

# Almanac's profile in the library's feature vocabulary (caldav/compatibility_hints.py).
FEATURES = {
    # MKCALENDAR without a component set gets sabre's VEVENT,VTODO (drop-in compatibility).
    "save-load.journal.mixed-calendar": {"support": "unsupported"},
    "scheduling": {"support": "full"},
    "scheduling.mailbox.inbox-delivery": {"support": "full"},
    "scheduling.auto-schedule": {"support": "full"},
    "scheduling.schedule-tag": {"support": "full"},
    "scheduling.schedule-tag.stable-partstat": {"support": "full"},
    "scheduling.freebusy-query": {"support": "full"},
}

# Skip reasons (regular expressions) that are not about Almanac, each with why.
EXPECTED_SKIPS = {
    r"could not import 'xandikos'": "a test of the library against its embedded Xandikos server",
    r"need both Xandikos and Radicale": "a test of the library against its embedded servers",
    r"work in progress": "the library's own unfinished proxy test",
    r"server populates calendar-user-address-set; nothing to fall back to":
        "tests a client fallback for servers without calendar-user-address-set; Almanac has it",
    r"Test skipped due to server incompatibility issue: The same calendar may contain events, tasks and journals":
        "MKCALENDAR without a component set gets VEVENT,VTODO as in sabre (save-load.journal.mixed-calendar)",
}

# Library tests whose failure is the test's own, not the server's (none expected to fail otherwise).
WARNING_FILTERS = [
    # testPrincipals (and the async test_principals) call the library's deprecated principals(); the suite turns
    # every warning into an error, so against any server that supports principal search the test fails on the
    # library's own warning.
    "ignore:principals() is deprecated:DeprecationWarning",  # -W takes the message literally
]


def sdist_tree():
    """The unpacked sdist under var/cache/ (downloaded once)."""
    tree = CACHE / f"caldav-{VERSION}"
    if (tree / "tests" / "test_caldav.py").exists():
        return tree
    CACHE.mkdir(parents=True, exist_ok=True)
    archive = CACHE / f"caldav-{VERSION}.tar.gz"
    if not archive.exists():
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                        f"caldav=={VERSION}", "-d", str(CACHE)], check=True, timeout=300)
    with tarfile.open(archive) as source:
        try:
            source.extractall(CACHE, filter="data")
        except TypeError:  # a Python without extraction filters (before 3.11.4)
            source.extractall(CACHE)
    return tree


def missing_test_dependencies():
    needed = {"tzlocal": "tzlocal", "proxy": "proxy.py", "pyfakefs": "pyfakefs", "pytest_asyncio": "pytest-asyncio",
              "vobject": "vobject", "yaml": "pyyaml"}
    import importlib.util
    return [package for module, package in needed.items() if importlib.util.find_spec(module) is None]


@pytest.fixture(scope="module")
def library_run(base_url, almanac_cli, tmp_path_factory):
    """Runs tests/test_caldav.py of the sdist against Almanac; returns (exit code, junit report, output)."""
    missing = missing_test_dependencies()
    if missing:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", *missing], check=True, timeout=600)
    for name, password in LIBRARY_USERS.items():
        almanac_cli("user", "add", name, "--password", password, "--email", name)
    work = tmp_path_factory.mktemp("caldav-sdist")
    tree = work / "caldav"
    shutil.copytree(sdist_tree(), tree)
    users = [{"url": base_url + "/", "username": name, "password": password} for name, password in LIBRARY_USERS.items()]
    config = {"test-servers": {"almanac": {
        "type": "external", "enabled": True, "url": base_url + "/", "username": users[0]["username"],
        "password": users[0]["password"], "features": FEATURES, "scheduling_users": users}}}
    (tree / "tests" / "caldav_test_servers.yaml").write_text(json.dumps(config))  # JSON is YAML
    report = work / "junit.xml"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CALDAV_", "CALENDARING_", "PYTHON_CALDAV"))}
    env.update(PYTHON_CALDAV_TEST_EMBEDDED="0", PYTHON_CALDAV_TEST_DOCKER="0", HOME=str(work), TMPDIR=str(work))
    command = [sys.executable, "-m", "pytest", "tests/test_caldav.py", "tests/test_async_integration.py",
               "tests/test_examples.py",
               "-p", "no:cacheprovider", "-q", "-rs",
               f"--junitxml={report}"]
    for warning in WARNING_FILTERS:
        command += ["-W", warning]
    result = subprocess.run(command, cwd=tree, env=env, capture_output=True, text=True, timeout=1200)
    return result.returncode, report, result.stdout + result.stderr


def outcomes(report):
    import xml.etree.ElementTree as ET
    results = {}
    for case in ET.parse(report).iter("testcase"):
        name = case.get("classname", "") + "::" + case.get("name", "")
        if case.find("failure") is not None or case.find("error") is not None:
            element = case.find("failure") if case.find("failure") is not None else case.find("error")
            results[name] = ("failed", (element.get("message") or "")[:300])
        elif case.find("skipped") is not None:
            results[name] = ("skipped", case.find("skipped").get("message") or "")
        else:
            results[name] = ("passed", "")
    return results


def test_the_suite_ran_against_almanac(library_run):
    _, report, output = library_run
    results = outcomes(report)
    almanac = [name for name in results if "TestForServeralmanac" in name]
    scheduling = [name for name in results if "TestSchedulingForServeralmanac" in name]
    assert len(almanac) >= 60, output[-3000:]
    assert len(scheduling) >= 5, output[-3000:]
    asynchronous = [name for name in results if "TestAsyncForalmanac" in name]
    assert len(asynchronous) >= 50, output[-3000:]


def test_no_library_test_fails(library_run):
    code, report, output = library_run
    failed = {name: message for name, (outcome, message) in outcomes(report).items() if outcome == "failed"}
    assert not failed, output[-6000:]
    assert code == 0, output[-3000:]


def test_every_skip_names_a_reason_that_is_not_almanacs(library_run):
    _, report, _ = library_run
    unexplained = {name: message for name, (outcome, message) in outcomes(report).items()
                   if outcome == "skipped" and not any(re.search(p, message) for p in EXPECTED_SKIPS)}
    assert not unexplained
