#!/usr/bin/env python3
"""Writes dateutil-cross.tsv: seeded random RRULEs expanded by python-dateutil.

Each line: DTSTART (floating, YYYYMMDDTHHMMSS) TAB RRULE TAB comma-separated
first instances, DTSTART itself left out (dateutil only yields DTSTART when
it matches the rule; RFC 5545 always counts it). Run from this folder:
    python3 generate-dateutil.py > dateutil-cross.tsv
    python3 generate-dateutil.py hard > dateutil-cross-hard.tsv   (more BYWEEKNO/BYYEARDAY/BYSETPOS)
"""
import random, signal, itertools
from datetime import datetime
from dateutil.rrule import rrulestr

import sys
HARD = len(sys.argv) > 1 and sys.argv[1] == "hard"
random.seed(20272 if HARD else 20271)
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
TAKE = 30


def pick(lo, hi, n, nonzero=True, signed=False):
    out = set()
    while len(out) < n:
        v = random.randint(lo, hi)
        if signed and random.random() < 0.3:
            v = -v
        if nonzero and v == 0:
            continue
        out.add(v)
    return sorted(out)


def rule():
    freq = random.choice(["YEARLY", "YEARLY", "MONTHLY", "MONTHLY", "WEEKLY", "WEEKLY", "DAILY", "HOURLY", "MINUTELY"])
    parts = ["FREQ=" + freq]
    if random.random() < 0.4:
        parts.append("INTERVAL=%d" % random.randint(2, 4))
    ordinals = freq in ("MONTHLY", "YEARLY")
    byweekno = freq == "YEARLY" and random.random() < (0.6 if HARD else 0.2)
    if random.random() < 0.35:
        parts.append("BYMONTH=" + ",".join(map(str, pick(1, 12, random.randint(1, 3)))))
    if byweekno:
        parts.append("BYWEEKNO=" + ",".join(map(str, pick(1, 53, random.randint(1, 2), signed=True))))
    if random.random() < 0.3 and freq != "WEEKLY":
        parts.append("BYMONTHDAY=" + ",".join(map(str, pick(1, 31, random.randint(1, 3), signed=True))))
    if random.random() < (0.4 if HARD else 0.15) and freq in ("YEARLY", "HOURLY", "MINUTELY"):
        parts.append("BYYEARDAY=" + ",".join(map(str, pick(1, 366, random.randint(1, 3), signed=True))))
    if byweekno or random.random() < 0.5:
        days = []
        for d in random.sample(DAYS, random.randint(1, 3)):
            if ordinals and not byweekno and random.random() < 0.4:
                n = random.randint(1, 5 if freq == "MONTHLY" or "BYMONTH" in ";".join(parts) else 53)
                if random.random() < 0.4:
                    n = -n
                days.append("%d%s" % (n, d))
            else:
                days.append(d)
        parts.append("BYDAY=" + ",".join(days))
    if freq not in ("HOURLY", "MINUTELY") and random.random() < 0.25:
        parts.append("BYHOUR=" + ",".join(map(str, pick(0, 23, random.randint(1, 2), nonzero=False))))
    if random.random() < 0.2:
        parts.append("BYMINUTE=" + ",".join(map(str, pick(0, 59, random.randint(1, 2), nonzero=False))))
    if random.random() < 0.15:
        parts.append("BYSECOND=" + ",".join(map(str, pick(0, 59, random.randint(1, 2), nonzero=False))))
    if random.random() < (0.6 if HARD else 0.25):
        parts.append("BYSETPOS=" + ",".join(map(str, pick(1, 4, random.randint(1, 2), signed=True))))
    if random.random() < 0.3:
        parts.append("WKST=" + random.choice(DAYS))
    return ";".join(parts)


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout()


signal.signal(signal.SIGALRM, on_alarm)
written = 0
while written < (150 if HARD else 400):
    text = rule()
    start = datetime(random.randint(1995, 2030), random.randint(1, 12), random.randint(1, 28),
                     random.randint(0, 23), random.choice([0, 15, 30, 45]), random.choice([0, 0, 0, 20]))
    try:
        signal.alarm(2)
        got = list(itertools.islice(rrulestr(text, dtstart=start), TAKE + 1))
        signal.alarm(0)
    except Timeout:
        continue
    except Exception:
        signal.alarm(0)
        continue
    got = [g for g in got if g != start][:TAKE]
    if len(got) < TAKE:
        continue  # ends early or never matches: not a fair comparison under our iteration limit
    print("%s\t%s\t%s" % (start.strftime("%Y%m%dT%H%M%S"), text, ",".join(g.strftime("%Y%m%dT%H%M%S") for g in got)))
    written += 1
