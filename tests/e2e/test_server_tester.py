"""caldav-server-tester (PyPI) against Almanac, with three users for the scheduling checks.

Every feature the tester observes must come out "full", except the ones listed
in NOT_FULL with the reason it does not apply. The run uses its own users so its
invitations and inbox items stay out of the other tests' way.
"""
import ast
import json
import os
import subprocess
import sys

import pytest

TESTER_USERS = {"cst-one": "cst-one-pw", "cst-two": "cst-two-pw", "cst-three": "cst-three-pw"}

# feature -> (accepted support levels, why it is not "full")
NOT_FULL = {
    "create-calendar.auto": (
        {"unsupported"}, "a PUT into a calendar that does not exist does not create it (RFC 4791: MKCALENDAR does); "
                         "'unsupported' is the library's default and the conformant answer"),
    "save-load.journal.mixed-calendar": (
        {"unsupported"}, "MKCALENDAR without supported-calendar-component-set gets VEVENT,VTODO, as sabre stores it "
                         "(drop-in compatibility, ../shared/sabre-schema.md); VJOURNAL calendars work "
                         "(save-load.journal is checked full)"),
    "search.text.comp-type-optional": (
        {"unsupported"}, "RFC 4791 §9.7.2: a prop-filter directly under the VCALENDAR comp-filter tests VCALENDAR's "
                         "own properties; the library's default, and the client splits the query per component"),
    "search.time-range.comp-type-optional": (
        {"unsupported"}, "RFC 4791 §9.9: time-range is not allowed on VCALENDAR, the query is refused; the library's "
                         "default (RFC-conformant)"),
    "url.encode-at.identity": (
        {"unsupported"}, "'@' and '%40' reach the same resource (lenient; the library's default)"),
    "url.encode-at.literal.principal": (
        {"unknown"}, "not probed: these principals have no '@' in their names"),
    "well-known": (
        {"unknown"}, "the tester skips /.well-known/caldav on a loopback address; "
                     "test_stack.py::test_well_known_caldav_redirects covers it"),
}

# Features whose absence would mean a check did not run: discovery, save/load, search,
# recurrences, time zones, sync, scheduling (issues #3, #4, #5).
MUST_BE_OBSERVED = [
    "get-current-user-principal", "propfind.allprop", "create-calendar", "delete-calendar",
    "create-calendar.with-supported-component-types", "save-load.event", "save-load.todo", "save-load.journal",
    "save-load.event.timezone", "save-load.event.recurrences.exception.reschedule",
    "save-load.event.recurrences.exception.cancelled", "save.etag", "save.if-none-match", "save.no-uid-conflict",
    "save-load.mutable.if-match-optional", "search.time-range.event", "search.time-range.todo",
    "search.time-range.alarm", "search.text.case-sensitive", "search.text.case-insensitive",
    "search.text.substring", "search.is-not-defined", "search.recurrences.expanded.event",
    "search.recurrences.expanded.exception", "search.recurrences.includes-implicit.event",
    "search.time-range.open.start", "search.time-range.open.end", "freebusy-query", "principal-search",
    "sync-token", "sync-token.delete", "sync-token.invalid-token", "sync-token.limit",
    "sync-token.limit.initial-sync", "calendar-color",
    "calendar-order", "scheduling", "scheduling.mailbox.inbox-delivery", "scheduling.auto-schedule",
    "scheduling.freebusy-query", "scheduling.schedule-tag", "scheduling.schedule-tag.stable-partstat",
    "scheduling.calendar-user-address-set.populated",
]

RUN_TESTER = "from caldav_server_tester.caldav_server_tester import check_server_compatibility as c; c()"


@pytest.fixture(scope="module")
def run_tester(base_url, almanac_cli, tmp_path_factory):
    """run_tester(format) runs the tester with its three users and returns its output."""
    for name, password in TESTER_USERS.items():
        almanac_cli("user", "add", name, "--password", password, "--email", f"{name}@example.com")
    directory = tmp_path_factory.mktemp("server-tester")
    config = directory / "caldav.json"
    config.write_text(json.dumps({name: {"caldav_url": base_url + "/", "caldav_username": name,
                                         "caldav_password": password}
                                  for name, password in TESTER_USERS.items()}))
    sections = [arg for name in TESTER_USERS for arg in ("--config-section", name)]
    env = dict(os.environ, CALDAV_CONFIG_FILE=str(config), HOME=str(directory))

    def run(output_format):
        result = subprocess.run([sys.executable, "-c", RUN_TESTER, *sections, "--format", output_format],
                                env=env, capture_output=True, text=True, timeout=600, cwd=directory)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-5000:]
        return result.stdout

    return run


@pytest.fixture(scope="module")
def tester_report(run_tester):
    """The tester's complete observation ({feature: {"support": ...}}), from its `hints` output.

    `--format json` leaves out every feature whose value equals the library's default,
    so it cannot show that a check ran; `hints` lists all observed features.
    """
    output = run_tester("hints")
    return ast.literal_eval(output[output.index("{"):])


def test_json_report_deviations_are_the_listed_ones(run_tester):
    """The json report (deviations from the library's defaults only) names nothing but NOT_FULL entries."""
    report = json.loads(run_tester("json"))
    assert report["url"].startswith("http://127.0.0.1:")
    unexpected = {feature: info for feature, info in report["features"].items()
                  if "support" in info and info["support"] not in NOT_FULL.get(feature, ({"full"}, ""))[0]}
    assert not unexpected


def test_every_check_ran(tester_report):
    missing = [feature for feature in MUST_BE_OBSERVED if feature not in tester_report]
    assert not missing


def test_every_observed_feature_is_full_or_listed_with_its_reason(tester_report):
    wrong = {}
    for feature, info in tester_report.items():
        support = info.get("support")
        if support is None:
            continue  # an observation such as get-current-user-principal.has-calendar
        accepted = NOT_FULL.get(feature, ({"full"}, ""))[0]
        if support not in accepted:
            wrong[feature] = info
    assert not wrong


def test_the_exceptions_list_names_only_observed_features(tester_report):
    assert set(NOT_FULL) <= set(tester_report)
