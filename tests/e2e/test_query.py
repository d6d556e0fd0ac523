"""calendar-query, partial calendar-data, free-busy-query and Prefer through the whole stack (issue 4, queries).

Uses the session's server from conftest.py (nginx -> almanac -> private MariaDB). Every test works in a
calendar of its own in alice's home and deletes it afterwards.
"""

import uuid
from datetime import datetime, timezone
from urllib.parse import urlparse

import pytest
import requests

from conftest import USERS

CAL = "urn:ietf:params:xml:ns:caldav"
STAMP = "DTSTAMP:20261125T082437Z"


def credentials(user):
    return (user, USERS[user][0])


def vcalendar(*components):
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//e2e//EN\r\n" + "".join(components) + "END:VCALENDAR\r\n"


def component(name, *lines):
    return f"BEGIN:{name}\r\n" + "".join(line + "\r\n" for line in lines) + f"END:{name}\r\n"


def query(filter_xml, props="<D:getetag/>", extra=""):
    return (
        f'<?xml version="1.0" encoding="utf-8"?><C:calendar-query xmlns:D="DAV:" xmlns:C="{CAL}">'
        f'<D:prop>{props}</D:prop><C:filter><C:comp-filter name="VCALENDAR">{filter_xml}</C:comp-filter></C:filter>'
        f"{extra}</C:calendar-query>"
    )


def events(inner=""):
    return f'<C:comp-filter name="VEVENT">{inner}</C:comp-filter>'


def time_range(start, end):
    return f'<C:time-range start="{start}" end="{end}"/>'


def free_busy(start, end):
    return f'<?xml version="1.0" encoding="utf-8"?><C:free-busy-query xmlns:C="{CAL}">{time_range(start, end)}</C:free-busy-query>'


def names(response):
    import xml.etree.ElementTree as ET

    root = ET.fromstring(response.content)
    return {href.text.rstrip("/").rsplit("/", 1)[-1] for href in root.findall("{DAV:}response/{DAV:}href")}


def busy_lines(text):
    unfolded = text.replace("\r\n ", "")
    lines = [line for line in unfolded.split("\r\n") if line.startswith("FREEBUSY")]
    # FBTYPE=BUSY may be left out: it is the default (RFC 5545 §3.2.9).
    return [(line.split("FBTYPE=")[1].split(":")[0] if "FBTYPE=" in line else "BUSY") + " " + line.rsplit(":", 1)[1]
            for line in lines]


class Space:
    """A fresh calendar of the first user, with objects, and a way to talk to it."""

    def __init__(self, base, user, password):
        self.base, self.user, self.password = base, user, password
        self.session = requests.Session()
        self.session.auth = (user, password)
        self.prefix = urlparse(base).path.rstrip("/")
        self.name = "q-" + uuid.uuid4().hex[:12]
        self.path = f"{self.prefix}/calendars/{user}/{self.name}/"
        response = self.request("MKCALENDAR", self.path)
        assert response.status_code == 201, response.text

    def request(self, method, path, body=None, headers=None, auth=None):
        session = self.session if auth is None else requests.Session()
        if auth is not None:
            session.auth = auth
        data = body.encode() if isinstance(body, str) else body
        url = urlparse(self.base)._replace(path=path).geturl()
        return session.request(method, url, data=data, headers=headers or {}, allow_redirects=False)

    def put(self, name, body):
        response = self.request("PUT", self.path + name, body, {"Content-Type": "text/calendar; charset=utf-8"})
        assert response.status_code in (201, 204), response.text

    def report(self, body, path=None, headers=None, auth=None):
        all_headers = {"Depth": "1", "Content-Type": "application/xml; charset=utf-8"}
        all_headers.update(headers or {})
        return self.request("REPORT", path or self.path, body, all_headers, auth)

    def delete(self):
        self.request("DELETE", self.path)


@pytest.fixture
def space(base_url):
    created = Space(base_url, *credentials("alice"))
    created.put("meeting.ics", vcalendar(component(
        "VEVENT", "UID:e2e-meeting", STAMP, "SUMMARY:Budget Review", "LOCATION:Room 1",
        "DTSTART:20270203T150000Z", "DTEND:20270203T160000Z",
        "ATTENDEE;PARTSTAT=ACCEPTED;CN=Bob:mailto:bob@example.com",
        "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:soon", "TRIGGER:-PT15M", "END:VALARM")))
    created.put("weekly.ics", vcalendar(
        component("VEVENT", "UID:e2e-weekly", STAMP, "SUMMARY:Standup", "DTSTART:20270104T090000Z",
                  "DTEND:20270104T091500Z", "RRULE:FREQ=WEEKLY;COUNT=10", "EXDATE:20270125T090000Z"),
        component("VEVENT", "UID:e2e-weekly", STAMP, "RECURRENCE-ID:20270118T090000Z", "SUMMARY:Moved standup",
                  "DTSTART:20270119T140000Z", "DTEND:20270119T141500Z")))
    created.put("floating.ics", vcalendar(component(
        "VEVENT", "UID:e2e-floating", STAMP, "SUMMARY:Ärztetermin", "DTSTART:20270210T090000", "DTEND:20270210T100000")))
    created.put("todo.ics", vcalendar(component(
        "VTODO", "UID:e2e-todo", STAMP, "SUMMARY:Rotate credentials", "DUE:20270226T170000Z")))
    yield created
    created.delete()


def test_every_filter_kind(space):
    def found(filter_xml):
        response = space.report(query(filter_xml))
        assert response.status_code == 207, response.text
        return names(response) - {space.name}

    assert found(events()) == {"meeting.ics", "weekly.ics", "floating.ics"}
    assert found('<C:comp-filter name="VTODO"/>') == {"todo.ics"}
    assert found('<C:comp-filter name="VTODO"><C:is-not-defined/></C:comp-filter>') == {"meeting.ics", "weekly.ics", "floating.ics"}
    assert found(events('<C:comp-filter name="VALARM"/>')) == {"meeting.ics"}
    assert found(events(f'<C:comp-filter name="VALARM">{time_range("20270203T144000Z", "20270203T145000Z")}</C:comp-filter>')) == {"meeting.ics"}
    assert found(events(f'<C:comp-filter name="VALARM">{time_range("20270203T150000Z", "20270203T160000Z")}</C:comp-filter>')) == set()
    assert found(events('<C:prop-filter name="LOCATION"><C:is-not-defined/></C:prop-filter>')) == {"weekly.ics", "floating.ics"}
    assert found(events('<C:prop-filter name="SUMMARY"><C:text-match>BUDGET</C:text-match></C:prop-filter>')) == {"meeting.ics"}
    assert found(events('<C:prop-filter name="SUMMARY"><C:text-match collation="i;octet">BUDGET</C:text-match></C:prop-filter>')) == set()
    assert found(events('<C:prop-filter name="SUMMARY"><C:text-match negate-condition="yes">budget</C:text-match></C:prop-filter>')) == {"weekly.ics", "floating.ics"}
    assert found(events('<C:prop-filter name="SUMMARY"><C:text-match collation="i;unicode-casemap">ärzte</C:text-match></C:prop-filter>')) == {"floating.ics"}
    assert found(events('<C:prop-filter name="ATTENDEE"><C:param-filter name="PARTSTAT"><C:text-match>accepted</C:text-match></C:param-filter></C:prop-filter>')) == {"meeting.ics"}
    assert found(events('<C:prop-filter name="ATTENDEE"><C:param-filter name="ROLE"><C:is-not-defined/></C:param-filter></C:prop-filter>')) == {"meeting.ics"}
    assert found(f'<C:comp-filter name="VTODO"><C:prop-filter name="DUE">{time_range("20270226T000000Z", "20270227T000000Z")}</C:prop-filter></C:comp-filter>') == {"todo.ics"}
    # Recurring: by instance, EXDATE and the moved override respected.
    assert found(events(time_range("20270111T000000Z", "20270112T000000Z"))) == {"weekly.ics"}
    assert found(events(time_range("20270125T000000Z", "20270126T000000Z"))) == set()
    assert found(events(time_range("20270119T133000Z", "20270119T150000Z"))) == {"weekly.ics"}
    refused = space.report(query(events('<C:prop-filter name="SUMMARY"><C:text-match collation="i;klingon">x</C:text-match></C:prop-filter>')))
    assert refused.status_code == 403 and "supported-collation" in refused.text


def test_floating_times_and_timezone_id(space):
    new_york_slot = events(time_range("20270210T133000Z", "20270210T143000Z"))
    assert "floating.ics" not in names(space.report(query(new_york_slot)))
    tz = space.report(query(new_york_slot, extra="<C:timezone-id>America/New_York</C:timezone-id>"))
    assert "floating.ics" in names(tz)


def test_partial_data_and_expand(space):
    body = query(
        events(time_range("20270110T000000Z", "20270126T000000Z")),
        props='<C:calendar-data><C:expand start="20270110T000000Z" end="20270126T000000Z"/></C:calendar-data>')
    text = space.report(body).text
    assert "RECURRENCE-ID:20270111T090000Z" in text
    assert "RECURRENCE-ID:20270118T090000Z" in text and "DTSTART:20270119T140000Z" in text
    assert "RRULE" not in text and "EXDATE" not in text
    selection = query(events(), props=(
        '<C:calendar-data><C:comp name="VCALENDAR"><C:comp name="VEVENT"><C:prop name="UID"/></C:comp></C:comp></C:calendar-data>'))
    selected = space.report(selection).text
    assert "UID:e2e-meeting" in selected and "Budget Review" not in selected and "DTSTART" not in selected
    multiget = (
        f'<?xml version="1.0" encoding="utf-8"?><C:calendar-multiget xmlns:D="DAV:" xmlns:C="{CAL}"><D:prop>'
        '<C:calendar-data><C:limit-recurrence-set start="20270201T000000Z" end="20270301T000000Z"/></C:calendar-data>'
        f"</D:prop><D:href>{space.path}weekly.ics</D:href></C:calendar-multiget>")
    limited = space.report(multiget).text
    assert "RRULE:FREQ=WEEKLY" in limited and "Moved standup" not in limited


def test_prefer_minimal(space):
    body = query(events(), props="<D:getetag/><D:x-nothing/>")
    full = space.report(body)
    assert "404" in full.text
    minimal = space.report(body, headers={"Prefer": "return=minimal"})
    assert "404" not in minimal.text and "getetag" in minimal.text
    assert minimal.headers.get("Preference-Applied") == "return=minimal"
    propfind = '<?xml version="1.0"?><D:propfind xmlns:D="DAV:"><D:prop><D:getetag/><D:x-nothing/></D:prop></D:propfind>'
    brief = space.request("PROPFIND", space.path, propfind, {"Depth": "1", "Brief": "t"})
    assert brief.status_code == 207 and "404" not in brief.text


def test_free_busy_query(space):
    response = space.report(free_busy("20270201T000000Z", "20270301T000000Z"))
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/calendar")
    assert busy_lines(response.text) == [
        "BUSY 20270201T090000Z/20270201T091500Z",
        "BUSY 20270203T150000Z/20270203T160000Z",
        "BUSY 20270208T090000Z/20270208T091500Z",
        "BUSY 20270210T090000Z/20270210T100000Z",
        "BUSY 20270215T090000Z/20270215T091500Z",
        "BUSY 20270222T090000Z/20270222T091500Z",
    ]
    home = space.report(free_busy("20270203T000000Z", "20270204T000000Z"), path=f"{space.prefix}/calendars/{space.user}/")
    assert home.status_code == 200 and "BUSY 20270203T150000Z/20270203T160000Z" in busy_lines(home.text)
    assert space.report(free_busy("20270201T000000Z", "20270301T000000Z"), auth=credentials("bob")).status_code == 403


def test_python_caldav_client(space):
    caldav = pytest.importorskip("caldav")
    url = urlparse(space.base)._replace(path=space.path).geturl()
    client = caldav.DAVClient(url=url, username=space.user, password=space.password)
    calendar = client.calendar(url=url)
    start = datetime(2027, 1, 10, tzinfo=timezone.utc)
    end = datetime(2027, 1, 26, tzinfo=timezone.utc)
    server_side = calendar.search(start=start, end=end, event=True, expand=True, server_expand=True)
    summaries = sorted(str(e.icalendar_component["SUMMARY"]) for e in server_side)
    assert summaries == ["Moved standup", "Standup"]
    client_side = calendar.search(start=start, end=end, event=True, expand=True)
    assert len(client_side) == 2
    freebusy = calendar.freebusy_request(datetime(2027, 2, 3, tzinfo=timezone.utc), datetime(2027, 2, 4, tzinfo=timezone.utc))
    assert "20270203T150000Z/20270203T160000Z" in freebusy.data


def test_properties_that_read_storage_while_results_stream(space):
    """Objects stream from MariaDB on the request's one connection; getters that query it must not break that."""
    props = "<D:getetag/><D:lockdiscovery/><D:owner/><D:current-user-privilege-set/><D:supported-report-set/>"
    response = space.report(query(events(), props=props))
    assert response.status_code == 207, response.text
    assert names(response) - {space.name} == {"meeting.ics", "weekly.ics", "floating.ics"}
    allprop = space.report(query(events(), props="").replace("<D:prop></D:prop>", "<D:allprop/>"))
    assert allprop.status_code == 207
    assert names(allprop) - {space.name} == {"meeting.ics", "weekly.ics", "floating.ics"}
