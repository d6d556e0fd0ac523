#!/usr/bin/env python3
"""Writes sets/NNN.ics + sets/expected.tsv: seeded random recurring events
(RRULE, EXDATE, RDATE, overrides, IANA TZIDs) and their occurrences in a
window as computed by the python `recurring-ical-events` library.

expected.tsv line: file TAB window-start TAB window-end TAB start/end,... (UTC seconds)
Run from this folder: python3 generate-recurring-ical-events.py
"""
import os, random
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo
import icalendar, recurring_ical_events
from dateutil.rrule import rrulestr

random.seed(4791)
ZONES = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Tokyo", "UTC"]
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
os.makedirs("sets", exist_ok=True)


def fmt(d):
    return d.strftime("%Y%m%dT%H%M%S")


def prop(name, zone, d):
    if zone == "UTC":
        return "%s:%sZ" % (name, fmt(d))
    return "%s;TZID=%s:%s" % (name, zone, fmt(d))


lines = []
n = 0
while n < 120:
    zone = random.choice(ZONES)
    start = datetime(random.randint(2026, 2028), random.randint(1, 12), random.randint(1, 28),
                     random.randint(8, 19), random.choice([0, 30]))
    length = timedelta(minutes=random.choice([30, 60, 90, 180]))
    wd = DAYS[start.weekday()]
    nth = (start.day - 1) // 7 + 1
    rule = random.choice([
        "FREQ=DAILY;COUNT=%d" % random.randint(3, 40),
        "FREQ=DAILY;INTERVAL=%d" % random.randint(2, 5),
        "FREQ=WEEKLY;BYDAY=%s,%s" % (wd, random.choice(DAYS)),
        "FREQ=WEEKLY;INTERVAL=2;COUNT=%d" % random.randint(3, 20),
        "FREQ=MONTHLY",
        "FREQ=MONTHLY;BYDAY=%d%s" % (nth, wd),
        "FREQ=YEARLY;COUNT=5",
    ])
    occ = []
    for i, d in enumerate(rrulestr(rule, dtstart=start)):
        if i >= 60:
            break
        occ.append(d)
    if random.random() < 0.4 and "COUNT" not in rule:
        until_local = occ[min(len(occ) - 1, random.randint(5, 40))]
        until = until_local.replace(tzinfo=ZoneInfo(zone)).astimezone(timezone.utc)
        rule += ";UNTIL=" + fmt(until) + "Z"
        occ = [d for d in occ if d <= until_local]
    body = ["UID:set-%d" % n, "DTSTAMP:20260101T000000Z", prop("DTSTART", zone, start),
            prop("DTEND", zone, start + length), "RRULE:" + rule, "SUMMARY:event %d" % n]
    later = occ[1:]
    if later and random.random() < 0.5:
        for d in random.sample(later, min(len(later), random.randint(1, 2))):
            body.append(prop("EXDATE", zone, d))
    if random.random() < 0.4:
        extra = start + timedelta(days=random.randint(1, 90), hours=random.randint(-2, 2))
        body.append(prop("RDATE", zone, extra))
    overrides = []
    if later and random.random() < 0.6:
        for d in random.sample(later, min(len(later), random.randint(1, 2))):
            moved = d + timedelta(days=random.choice([0, 0, 1, 2, 30, 400]), hours=random.choice([-3, -1, 1, 2]))
            overrides.append(["UID:set-%d" % n, "DTSTAMP:20260101T000000Z", prop("RECURRENCE-ID", zone, d),
                              prop("DTSTART", zone, moved), prop("DTEND", zone, moved + timedelta(minutes=45)),
                              "SUMMARY:moved"])
    text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Almanac tests//EN\r\nBEGIN:VEVENT\r\n" + "\r\n".join(body)
    text += "\r\nEND:VEVENT\r\n"
    for o in overrides:
        text += "BEGIN:VEVENT\r\n" + "\r\n".join(o) + "\r\nEND:VEVENT\r\n"
    text += "END:VCALENDAR\r\n"
    wstart = start.replace(tzinfo=timezone.utc) + timedelta(days=random.randint(-10, 120))
    wend = wstart + timedelta(days=random.randint(20, 400))
    cal = icalendar.Calendar.from_ical(text)
    got = []
    for e in recurring_ical_events.of(cal).between(wstart, wend):
        s = int(e["DTSTART"].dt.timestamp())
        en = int(e["DTEND"].dt.timestamp())
        got.append((s, en))
    got.sort()
    name = "%03d.ics" % n
    with open(os.path.join("sets", name), "w", newline="") as f:
        f.write(text)
    lines.append("%s\t%d\t%d\t%s" % (name, int(wstart.timestamp()), int(wend.timestamp()),
                                     ",".join("%d/%d" % g for g in got)))
    n += 1

with open(os.path.join("sets", "expected.tsv"), "w") as f:
    f.write("\n".join(lines) + "\n")
