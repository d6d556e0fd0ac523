"""Deterministic benchmark dataset: iCalendar bodies for U users.

Every event is what a client would PUT: a VCALENDAR with one VEVENT (plus its
overrides) and the VTIMEZONE it references. The mix follows issue 6: 80% timed
single events with a VTIMEZONE, 15% recurring with an EXDATE and an override,
5% all-day, ~1.3 kB each, some with 2-10 attendees among the users.

Density is constant around the benchmark's query month: the first 1,000 events
of a calendar fall in 2026-2027, the rest in 1972-2024 (history), so a one-month
calendar-query returns about the same objects at N=1,000 and N=100,000.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from dataclasses import dataclass, field

# The month the calendar-query workload asks for (inside the dense window).
QUERY_START = "20270301T000000Z"
QUERY_END = "20270401T000000Z"
# The week the free-busy workload asks for.
FREEBUSY_START = "20270308T000000Z"
FREEBUSY_END = "20270315T000000Z"

WINDOW_START = dt.date(2026, 1, 1)
WINDOW_DAYS = 730
HISTORY_START = dt.date(1972, 1, 1)
HISTORY_END = dt.date(2024, 12, 31)
DTSTAMP = "20251201T090000Z"

VTIMEZONES = {
    "Europe/Berlin": (
        "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"
        "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n"
        "DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n"
        "BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\n"
        "DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n"
        "END:VTIMEZONE\r\n"
    ),
    "America/New_York": (
        "BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n"
        "BEGIN:DAYLIGHT\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nTZNAME:EDT\r\n"
        "DTSTART:20070311T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\nEND:DAYLIGHT\r\n"
        "BEGIN:STANDARD\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nTZNAME:EST\r\n"
        "DTSTART:20071104T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\nEND:STANDARD\r\n"
        "END:VTIMEZONE\r\n"
    ),
    "Asia/Tokyo": (
        "BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo\r\n"
        "BEGIN:STANDARD\r\nTZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\nTZNAME:JST\r\n"
        "DTSTART:19700101T000000\r\nEND:STANDARD\r\n"
        "END:VTIMEZONE\r\n"
    ),
}
ZONES = list(VTIMEZONES)

WORDS = (
    "planning review budget design sync standup retro offsite hiring interview "
    "customer launch roadmap quarterly security audit lunch training workshop "
    "migration release incident postmortem demo onboarding architecture kickoff"
).split()
ROOMS = ["Room Aster", "Room Birch", "Room Cedar", "Main hall", "Video call", "Cafe"]


def user_name(i: int) -> str:
    """The login of bench user i (password = login)."""
    return f"bench{i:02d}"


def user_email(i: int) -> str:
    """The calendar user address of bench user i."""
    return f"{user_name(i)}@example.test"


@dataclass
class CalObject:
    """One resource to PUT: user, calendar URI segment, object name, body."""

    user: int
    calendar: str
    name: str
    body: bytes
    kind: str = "single"


@dataclass
class Dataset:
    """Everything to load, in PUT order."""

    users: int
    n: int
    objects: list[CalObject] = field(default_factory=list)

    def of(self, user: int, calendar: str = "calendar") -> list[CalObject]:
        """The objects of one calendar."""
        return [o for o in self.objects if o.user == user and o.calendar == calendar]


def fold(line: str) -> str:
    """RFC 5545 §3.1 line folding at 75 octets (input is ASCII)."""
    out = []
    while len(line) > 75:
        out.append(line[:75])
        line = " " + line[75:]
    out.append(line)
    return "\r\n".join(out) + "\r\n"


def _local(d: dt.datetime) -> str:
    return d.strftime("%Y%m%dT%H%M%S")


def _date(d: dt.date) -> str:
    return d.strftime("%Y%m%d")


class Generator:
    """Makes the bodies; one instance per dataset, seeded for repeatability."""

    def __init__(self, users: int, seed: int = 20270301):
        self.users = users
        self.rng = random.Random(seed)

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def text(self, words: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(words))

    def start_date(self, index: int) -> dt.date:
        if index < 1000:
            return WINDOW_START + dt.timedelta(days=self.rng.randrange(WINDOW_DAYS))
        span = (HISTORY_END - HISTORY_START).days - 400
        return HISTORY_START + dt.timedelta(days=self.rng.randrange(span))

    def attendees(self, owner: int, count: int, client_agent: bool) -> list[str]:
        others = [u for u in range(self.users) if u != owner]
        count = min(count, len(others))
        picked = self.rng.sample(others, count)
        agent = ";SCHEDULE-AGENT=CLIENT" if client_agent else ""
        lines = [f"ORGANIZER;CN=Bench User {owner:02d}:mailto:{user_email(owner)}"]
        lines.append(
            f"ATTENDEE;CN=Bench User {owner:02d};PARTSTAT=ACCEPTED;ROLE=CHAIR:mailto:{user_email(owner)}")
        for u in picked:
            lines.append(
                f"ATTENDEE;CN=Bench User {u:02d};PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT;"
                f"RSVP=TRUE{agent}:mailto:{user_email(u)}")
        return lines

    def common(self, uid: str, summary: str) -> list[str]:
        return [
            f"UID:{uid}", f"DTSTAMP:{DTSTAMP}", f"CREATED:{DTSTAMP}", f"LAST-MODIFIED:{DTSTAMP}",
            "SEQUENCE:0", f"SUMMARY:{summary}", f"LOCATION:{self.rng.choice(ROOMS)}",
        ]

    def pad(self, lines: list[str], target: int, head: int) -> list[str]:
        size = head + sum(len(x) + 2 for x in lines) + 120
        want = max(40, target - size)
        return [f"DESCRIPTION:{self.text(want // 7)[:want]}"]

    def wrap(self, zone: str | None, events: list[list[str]]) -> bytes:
        parts = ["BEGIN:VCALENDAR\r\n", "VERSION:2.0\r\n", "PRODID:-//Almanac//bench seed 1.0//EN\r\n",
                 "CALSCALE:GREGORIAN\r\n"]
        if zone:
            parts.append(VTIMEZONES[zone])
        for ev in events:
            parts.append("BEGIN:VEVENT\r\n")
            parts.extend(fold(x) for x in ev)
            parts.append("END:VEVENT\r\n")
        parts.append("END:VCALENDAR\r\n")
        return "".join(parts).encode()

    def alarm(self) -> list[str]:
        return ["BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:Reminder", "TRIGGER:-PT15M", "END:VALARM"]

    def event(self, owner: int, index: int, kind: str, attendees: int = 0,
              client_agent: bool = True, uid: str | None = None,
              day: dt.date | None = None, zone: str | None = None) -> bytes:
        """One event body of the given kind: single, recurring or allday."""
        uid = uid or self.uid()
        day = day or self.start_date(index)
        summary = f"{self.rng.choice(WORDS).capitalize()} {self.rng.choice(WORDS)} #{index}"
        people = self.attendees(owner, attendees, client_agent) if attendees else []
        if kind == "allday":
            length = self.rng.choice([1, 1, 2, 3])
            lines = self.common(uid, summary) + [
                f"DTSTART;VALUE=DATE:{_date(day)}",
                f"DTEND;VALUE=DATE:{_date(day + dt.timedelta(days=length))}", "TRANSP:TRANSPARENT"]
            lines += people
            lines += self.pad(lines, 1300, 110)
            return self.wrap(None, [lines])
        zone = zone or self.rng.choice(ZONES)
        hour = self.rng.randrange(7, 19)
        start = dt.datetime(day.year, day.month, day.day, hour, self.rng.choice([0, 15, 30]))
        end = start + dt.timedelta(minutes=self.rng.choice([30, 45, 60, 90, 120]))
        head = len(VTIMEZONES[zone]) + 110
        base = self.common(uid, summary) + [
            f"DTSTART;TZID={zone}:{_local(start)}", f"DTEND;TZID={zone}:{_local(end)}",
            "STATUS:CONFIRMED", "TRANSP:OPAQUE", f"CATEGORIES:{self.rng.choice(WORDS).upper()}"]
        if kind == "single":
            lines = base + people
            lines += self.pad(lines + self.alarm(), 1300, head)
            return self.wrap(zone, [lines + self.alarm()])
        # Recurring: weekly or daily, bounded (history) or sometimes open-ended (window).
        step = dt.timedelta(days=self.rng.choice([1, 7, 7, 14]))
        count = self.rng.randrange(6, 40)
        rule = f"RRULE:FREQ={'DAILY' if step.days == 1 else 'WEEKLY'}"
        if step.days == 14:
            rule += ";INTERVAL=2"
        if index >= 1000 or self.rng.random() < 0.8:
            rule += f";COUNT={count}"
        ex = start + step * 2
        moved = start + step * 3
        master = base + [rule, f"EXDATE;TZID={zone}:{_local(ex)}"] + people
        override = self.common(uid, summary + " (moved)") + [
            f"RECURRENCE-ID;TZID={zone}:{_local(moved)}",
            f"DTSTART;TZID={zone}:{_local(moved + dt.timedelta(hours=2))}",
            f"DTEND;TZID={zone}:{_local(end + step * 3 + dt.timedelta(hours=2))}"] + people
        master += self.pad(master + override, 1300, head)
        return self.wrap(zone, [master, override])

    def task(self, owner: int, index: int) -> bytes:
        day = self.start_date(index % 1000)
        lines = [f"UID:{self.uid()}", f"DTSTAMP:{DTSTAMP}", f"CREATED:{DTSTAMP}",
                 f"SUMMARY:Task {self.text(3)} #{index}", f"DUE;VALUE=DATE:{_date(day)}",
                 f"PRIORITY:{self.rng.choice([0, 1, 5, 9])}",
                 f"STATUS:{self.rng.choice(['NEEDS-ACTION', 'IN-PROCESS', 'COMPLETED'])}"]
        body = ["BEGIN:VCALENDAR\r\n", "VERSION:2.0\r\n", "PRODID:-//Almanac//bench seed 1.0//EN\r\n",
                "BEGIN:VTODO\r\n"] + [fold(x) for x in lines] + ["END:VTODO\r\n", "END:VCALENDAR\r\n"]
        return "".join(body).encode()


def kind_for(index: int) -> str:
    """The deterministic 80/15/5 mix by position."""
    r = index % 20
    if r == 0:
        return "allday"
    if r in (1, 5, 9):
        return "recurring"
    return "single"


def build(users: int, n: int, tasks: int | None = None, invites: int = 3,
          others_n: int | None = None) -> Dataset:
    """The whole dataset: user 0 gets n events; others get min(n, others_n)."""
    gen = Generator(users)
    ds = Dataset(users=users, n=n)
    tasks = max(1, min(n // 10, 1000)) if tasks is None else tasks
    for u in range(users):
        count = n if u == 0 or others_n is None else min(n, others_n)
        for i in range(count):
            kind = kind_for(i)
            # ~10% of events carry 2-10 attendees; SCHEDULE-AGENT=CLIENT keeps them
            # out of implicit scheduling so the dataset does not depend on it.
            people = gen.rng.randrange(2, 11) if i % 10 == 3 and users > 2 else 0
            body = gen.event(u, i, kind, attendees=people)
            ds.objects.append(CalObject(u, "calendar", f"ev-{u:02d}-{i:06d}.ics", body, kind))
        for i in range(tasks):
            ds.objects.append(CalObject(u, "tasks", f"todo-{u:02d}-{i:05d}.ics", gen.task(u, i), "task"))
    # A few real invitations per user (no SCHEDULE-AGENT): inbox items and
    # attendee copies once implicit scheduling exists, plain events before that.
    if users > 2:
        for u in range(users):
            for i in range(invites):
                body = gen.event(u, 5000 + i, "single", attendees=gen.rng.randrange(2, min(10, users - 1) + 1),
                                 client_agent=False)
                ds.objects.append(CalObject(u, "calendar", f"invite-{u:02d}-{i:03d}.ics", body, "invite"))
    return ds


def new_event_template(owner: int, attendees: list[int] | None = None, users: int = 12) -> str:
    """A PUT body for the write workloads with @@ID@@ where the UID goes."""
    gen = Generator(users, seed=7)
    day = dt.date(2027, 6, 16)  # outside the query month: writes do not change the query result
    body = gen.event(owner, 1, "single", uid="@@ID@@", day=day, zone="Europe/Berlin").decode()
    if attendees:
        people = [f"ORGANIZER;CN=Bench User {owner:02d}:mailto:{user_email(owner)}"] + [
            f"ATTENDEE;CN=Bench User {u:02d};PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{user_email(u)}"
            for u in attendees]
        body = body.replace("BEGIN:VALARM", "".join(fold(p) for p in people) + "BEGIN:VALARM", 1)
    return body


def freebusy_request(owner: int, targets: list[int]) -> str:
    """An RFC 6638 §3.2.5 free-busy POST body for the outbox."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Almanac//bench 1.0//EN", "METHOD:REQUEST",
             "BEGIN:VFREEBUSY", "UID:bench-freebusy-0001", f"DTSTAMP:{DTSTAMP}",
             f"DTSTART:{FREEBUSY_START}", f"DTEND:{FREEBUSY_END}",
             f"ORGANIZER:mailto:{user_email(owner)}"]
    lines += [f"ATTENDEE:mailto:{user_email(u)}" for u in targets]
    lines += ["END:VFREEBUSY", "END:VCALENDAR"]
    return "\r\n".join(lines) + "\r\n"



# Working hours (RFC 7953) for the availability workload: AVAILABLE Mon-Fri 09:00-17:00 in the
# user's own zone, recurring weekly since January 2026 (a year of rule to expand before the
# free-busy week). Target k: zone ZONES[k % 3]; k % 5 == 1 splits the day for lunch; k % 5 == 2
# adds a PRIORITY:1 VAVAILABILITY for the free-busy week (a short week: Mon-Wed 10:00-14:00).
AVAILABILITY_SINCE = dt.date(2026, 1, 5)  # a Monday
OVERRIDE_WEEK = (dt.date(2027, 3, 8), dt.date(2027, 3, 15))  # the free-busy week, local midnights


def _available(uid: str, zone: str, day: dt.date, start: str, end: str, days: str) -> str:
    return "".join(fold(x) for x in [
        "BEGIN:AVAILABLE", f"UID:{uid}", f"DTSTAMP:{DTSTAMP}",
        f"DTSTART;TZID={zone}:{_date(day)}T{start}", f"DTEND;TZID={zone}:{_date(day)}T{end}",
        f"RRULE:FREQ=WEEKLY;BYDAY={days}", "END:AVAILABLE"])


def availability_shape(k: int) -> str:
    """What target k's working hours look like (for the report): zone and variant."""
    variant = {1: "lunch break 12:30-13:30", 2: "PRIORITY:1 short week Mon-Wed 10-14"}.get(k % 5, "plain")
    return f"{ZONES[k % len(ZONES)]} Mon-Fri 09-17, {variant}"


def availability(user: int, k: int) -> str:
    """A calendar-availability value (VCALENDAR with VAVAILABILITY, RFC 7953 §3) for target k."""
    zone = ZONES[k % len(ZONES)]
    who = user_name(user)
    weekdays = "MO,TU,WE,TH,FR"
    if k % 5 == 1:
        slots = _available(f"{who}-am", zone, AVAILABILITY_SINCE, "090000", "123000", weekdays) + \
            _available(f"{who}-pm", zone, AVAILABILITY_SINCE, "133000", "170000", weekdays)
    else:
        slots = _available(f"{who}-day", zone, AVAILABILITY_SINCE, "090000", "170000", weekdays)
    head = ["BEGIN:VAVAILABILITY", f"UID:{who}-working-hours", f"DTSTAMP:{DTSTAMP}",
            f"DTSTART;TZID={zone}:{_date(AVAILABILITY_SINCE)}T000000", "SUMMARY:Working hours"]
    parts = ["BEGIN:VCALENDAR\r\n", "VERSION:2.0\r\n", "PRODID:-//Almanac//bench seed 1.0//EN\r\n",
             VTIMEZONES[zone], "".join(fold(x) for x in head), slots, "END:VAVAILABILITY\r\n"]
    if k % 5 == 2:
        first, last = OVERRIDE_WEEK
        parts.append("".join(fold(x) for x in [
            "BEGIN:VAVAILABILITY", f"UID:{who}-short-week", f"DTSTAMP:{DTSTAMP}", "PRIORITY:1",
            f"DTSTART;TZID={zone}:{_date(first)}T000000", f"DTEND;TZID={zone}:{_date(last)}T000000",
            "SUMMARY:Short week"]))
        parts.append(_available(f"{who}-short", zone, first, "100000", "140000", "MO,TU,WE"))
        parts.append("END:VAVAILABILITY\r\n")
    parts.append("END:VCALENDAR\r\n")
    return "".join(parts)


if __name__ == "__main__":
    ds = build(12, 1000)
    sizes = [len(o.body) for o in ds.objects if o.calendar == "calendar"]
    print(len(ds.objects), "objects; mean event size", sum(sizes) // len(sizes))
