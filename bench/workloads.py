"""The benchmark workloads (issue 6) as request specs for bench/lua/bench.lua,
and the servers' URL layouts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import seed

# Figures from issue 6 at 32 connections, 1,000 events (best of each range),
# req/s. Ratios against them are conservative (the upper end of sabre's range).
SABRE = {"propfind": 72, "sync": 727, "multiget": 445, "query": 33, "get": 930, "put": 415,
         "freebusy": 8, "nginx": 90000}
RADICALE_39 = {"propfind": 3, "sync": 5, "multiget": 67, "query": 1.7, "get": 390, "put": 15}

PROPFIND_BODY = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<D:propfind xmlns:D="DAV:"><D:prop><D:getetag/><D:getcontenttype/><D:resourcetype/>'
    '</D:prop></D:propfind>\n')

SYNC_BODY = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<D:sync-collection xmlns:D="DAV:"><D:sync-token>{token}</D:sync-token>'
    '<D:sync-level>1</D:sync-level><D:prop><D:getetag/><D:getcontenttype/></D:prop>'
    '</D:sync-collection>\n')

MULTIGET_BODY = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<C:calendar-multiget xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
    '<D:prop><D:getetag/><C:calendar-data/></D:prop>{hrefs}</C:calendar-multiget>\n')

QUERY_BODY = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
    '<D:prop><D:getetag/><C:calendar-data/></D:prop>'
    '<C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">'
    f'<C:time-range start="{seed.QUERY_START}" end="{seed.QUERY_END}"/>'
    '</C:comp-filter></C:comp-filter></C:filter></C:calendar-query>\n')

AVAILABILITY_PATCH = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<D:propertyupdate xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop>'
    '<C:calendar-availability>{value}</C:calendar-availability></D:prop></D:set></D:propertyupdate>\n')

XML = "application/xml; charset=utf-8"
ICS = "text/calendar; charset=utf-8"


@dataclass
class Layout:
    """Where a server keeps things (URL paths)."""

    name: str
    calendar_fmt: str  # with {user}, {cal}
    outbox_fmt: str | None = None
    inbox_fmt: str | None = None
    # The dataset's calendar names -> this server's (Almanac's users get "default").
    names: dict[str, str] = field(default_factory=dict)

    def calendar(self, user: str, cal: str = "calendar") -> str:
        return self.calendar_fmt.format(user=user, cal=self.names.get(cal, cal))

    def outbox(self, user: str) -> str | None:
        return self.outbox_fmt.format(user=user) if self.outbox_fmt else None

    def inbox(self, user: str) -> str | None:
        return self.inbox_fmt.format(user=user) if self.inbox_fmt else None


ALMANAC = Layout("almanac", "/calendars/{user}/{cal}/", "/calendars/{user}/outbox/", "/calendars/{user}/inbox/",
                 {"calendar": "default"})


@dataclass
class Setup:
    """A request made once, as `user`, right before a workload's pre-flight (e.g. storing availability).
    It succeeded if the status is in `expect` and the body holds `must_contain`."""

    user: str
    method: str
    path: str
    body: str
    headers: dict[str, str] = field(default_factory=dict)
    expect: tuple[int, ...] = (200,)
    must_contain: bytes | None = None
    note: str = ""
RADICALE = Layout("radicale", "/{user}/{cal}/")


@dataclass
class Workload:
    """One request shape to hammer."""

    key: str
    title: str
    method: str
    paths: list[str]
    body: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    expect: tuple[int, ...] = (200,)
    unique: bool = False
    auth: bool = True
    kind: str = "read"  # read | write | scheduling | ceiling
    setup: list[Setup] = field(default_factory=list)
    # The pre-flight answer must hold this, else the workload is "n/a" with `na` as the reason.
    must_contain: bytes | None = None
    na: str = ""

    def spec_path(self, out: Path, auth_header: str | None) -> Path:
        """Write the Lua spec file bench.lua reads and return its path."""
        headers = dict(self.headers)
        if self.auth and auth_header:
            headers["Authorization"] = auth_header
        if self.body:
            headers.setdefault("Content-Type", XML)
        lines = ["return {", f"  method = {lua(self.method)},",
                 "  paths = {" + ", ".join(lua(p) for p in self.paths) + "},",
                 "  headers = {" + ", ".join(f"[{lua(k)}] = {lua(v)}" for k, v in headers.items()) + "},",
                 f"  body = {lua(self.body) if self.body else 'nil'},",
                 f"  unique = {'true' if self.unique else 'false'},", "}"]
        out.mkdir(parents=True, exist_ok=True)
        path = out / f"spec-{self.key}.lua"
        path.write_text("\n".join(lines) + "\n")
        return path


def lua(s: str) -> str:
    """A Lua string literal for any text."""
    out = ['"']
    for ch in s.encode():
        c = chr(ch)
        if c == '"' or c == "\\":
            out.append("\\" + c)
        elif 32 <= ch < 127:
            out.append(c)
        else:
            out.append(f"\\{ch:03d}")
    out.append('"')
    return "".join(out)


def reads(layout: Layout, user: str, object_names: list[str], sync_token: str | None) -> list[Workload]:
    """Workloads 1-5: PROPFIND, sync-collection, multiget, calendar-query, GET."""
    cal = layout.calendar(user)
    step = max(1, len(object_names) // 50)
    hrefs = "".join(f"<D:href>{cal}{n}</D:href>" for n in object_names[::step][:50])
    gets = [cal + n for n in object_names[:: max(1, len(object_names) // 100)][:100]]
    w = [Workload("propfind", "PROPFIND Depth 1 (getetag, getcontenttype, resourcetype)", "PROPFIND", [cal],
                  PROPFIND_BODY, {"Depth": "1"}, (207,))]
    if sync_token is not None:
        w.append(Workload("sync", "sync-collection from a recent token (10 changes)", "REPORT", [cal],
                          SYNC_BODY.format(token=sync_token), {"Depth": "0"}, (207,)))
    w += [Workload("multiget", "calendar-multiget of 50 (getetag, calendar-data)", "REPORT", [cal],
                   MULTIGET_BODY.format(hrefs=hrefs), {"Depth": "1"}, (207,)),
          Workload("query", "calendar-query, one month time-range (getetag, calendar-data)", "REPORT", [cal],
                   QUERY_BODY, {"Depth": "1"}, (207,)),
          Workload("get", "GET one object (rotating over 100)", "GET", gets)]
    return w


def writes(layout: Layout, owner: int, users: int) -> list[Workload]:
    """Workload 6: PUT of a new event (unique name and UID per request)."""
    cal = layout.calendar(seed.user_name(owner))
    return [Workload("put", "PUT a new event", "PUT", [cal + "@@ID@@.ics"], seed.new_event_template(owner),
                     {"Content-Type": ICS, "If-None-Match": "*"}, (201, 204), unique=True, kind="write")]


def scheduling(layout: Layout, owner: int, users: int) -> list[Workload]:
    """Workloads 6b, 7 and 7b: PUT with 10 local attendees, free-busy POST for 10 users over a week,
    without and then with working hours (RFC 7953 calendar-availability on the targets' inboxes).

    The same POST to the same users: "freebusy" runs first, with no availability stored, so its
    figure stays comparable with earlier runs; "freebusy-avail" stores the targets' working hours
    (its setup) right before its pre-flight, so the two differ only by availability."""
    cal = layout.calendar(seed.user_name(owner))
    targets = [u for u in range(users) if u != owner][:10]
    w = [Workload("put-attendees", f"PUT a new event with {len(targets)} local attendees (implicit scheduling)",
                  "PUT", [cal + "@@ID@@.ics"], seed.new_event_template(owner, targets, users),
                  {"Content-Type": ICS, "If-None-Match": "*"}, (201, 204), unique=True, kind="scheduling")]
    if layout.outbox_fmt:
        post = dict(method="POST", paths=[layout.outbox(seed.user_name(owner))],
                    body=seed.freebusy_request(owner, targets), headers={"Content-Type": ICS}, expect=(200,),
                    kind="scheduling", must_contain=b"schedule-response", na="no free-busy POST (no schedule-response)")
        w.append(Workload("freebusy", f"free-busy POST for {len(targets)} users over one week (no availability)",
                          **post))
        if layout.inbox_fmt:
            w.append(Workload(
                "freebusy-avail", f"free-busy POST for {len(targets)} users over one week, with working hours "
                "(RFC 7953 availability)", **dict(post, must_contain=b"BUSY-UNAVAILABLE",
                                                   na="availability not applied (no BUSY-UNAVAILABLE in the answer)"),
                setup=availability_setup(layout, targets)))
    return w


def availability_setup(layout: Layout, targets: list[int]) -> list[Setup]:
    """PROPPATCH of CALDAV:calendar-availability on each target's inbox, as that user (seed.availability)."""
    out = []
    for k, u in enumerate(targets):
        name = seed.user_name(u)
        out.append(Setup(name, "PROPPATCH", layout.inbox(name), AVAILABILITY_PATCH.format(
            value=escape(seed.availability(u, k)).replace("\r", "&#13;")), {"Content-Type": XML}, (207,),
            b"200 OK", seed.availability_shape(k)))
    return out


def ceilings() -> list[Workload]:
    """Workload 8: nginx alone, the trivial libfcgi responder, Almanac's cheapest request."""
    host = {"Host": "ceiling.bench"}
    return [Workload("nginx", "ceiling: nginx `return 200`", "GET", ["/__bench/return200"], headers=host,
                     auth=False, kind="ceiling"),
            Workload("fcgi", "ceiling: trivial libfcgi responder through nginx", "GET", ["/__bench/fcgi"],
                     headers=dict(host), auth=False, kind="ceiling"),
            Workload("options", "Almanac trivial request: OPTIONS / (no auth, no DB)", "OPTIONS", ["/"],
                     auth=False, kind="ceiling")]
