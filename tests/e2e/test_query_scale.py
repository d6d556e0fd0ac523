"""A calendar of 10,000 objects in MariaDB: calendar-query and free-busy-query make a bounded number of
round trips, whatever the size (issue 4: "a query on a 10,000-object calendar does a bounded number of round
trips"). Objects are written with SQL the way sabre's PDO backend stores them, to keep the setup fast.
"""

import hashlib
import time

import pytest

from test_query import Space, credentials, events, free_busy, names, query, time_range

COUNT = 10_000
DAY = 86_400
START = 1_798_761_600  # 2027-01-01T00:00:00Z


def body(index):
    start = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(START + index * 3600))
    end = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(START + index * 3600 + 1800))
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//e2e//EN\r\nBEGIN:VEVENT\r\n"
            f"UID:scale-{index}\r\nDTSTAMP:20261125T082437Z\r\nSUMMARY:Slot {index}\r\n"
            f"DTSTART:{start}\r\nDTEND:{end}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")


def counters(mariadb):
    rows = mariadb.sql("SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_select', 'Com_stmt_execute')")
    return sum(int(line.split("\t")[1]) for line in rows.strip().splitlines())


@pytest.fixture(scope="module")
def big(base_url, mariadb, tmp_path_factory):
    space = Space(base_url, *credentials("alice"))
    calendar_id = mariadb.sql(
        "SELECT calendarid FROM calendarinstances WHERE principaluri = 'principals/alice' "
        f"AND uri = '{space.name}'", "almanac_e2e").strip()
    script = tmp_path_factory.mktemp("scale") / "objects.sql"
    with open(script, "w") as sql:
        for chunk in range(0, COUNT, 1000):
            values = []
            for index in range(chunk, chunk + 1000):
                data = body(index).encode()
                values.append(
                    f"(0x{data.hex()}, 'scale-{index}.ics', {calendar_id}, {START}, '{hashlib.md5(data).hexdigest()}', "
                    f"{len(data)}, 'VEVENT', {START + index * 3600}, {START + index * 3600 + 1800}, 'scale-{index}')")
            sql.write(
                "INSERT INTO calendarobjects (calendardata, uri, calendarid, lastmodified, etag, size, componenttype, "
                "firstoccurence, lastoccurence, uid) VALUES " + ",".join(values) + ";\n")
    mariadb.load("almanac_e2e", script)
    yield space
    space.delete()


def measured(mariadb, action):
    before = counters(mariadb)
    started = time.monotonic()
    response = action()
    elapsed = time.monotonic() - started
    return response, counters(mariadb) - before, elapsed


def test_time_range_query_is_bounded(big, mariadb):
    window = events(time_range("20270102T000000Z", "20270103T000000Z"))
    response, round_trips, elapsed = measured(mariadb, lambda: big.report(query(window)))
    assert response.status_code == 207
    assert len(names(response) - {big.name}) == 24
    assert round_trips <= 8, round_trips
    assert elapsed < 10


def test_full_scan_query_is_bounded(big, mariadb):
    text = events('<C:prop-filter name="UID"><C:text-match collation="i;octet">scale-9999</C:text-match></C:prop-filter>')
    response, round_trips, elapsed = measured(mariadb, lambda: big.report(query(text)))
    assert names(response) - {big.name} == {"scale-9999.ics"}
    assert round_trips <= 8, round_trips
    assert elapsed < 30
    every, round_trips, _ = measured(mariadb, lambda: big.report(query(events())))
    assert len(names(every) - {big.name}) == COUNT
    assert round_trips <= 8, round_trips


def test_free_busy_is_bounded(big, mariadb):
    response, round_trips, elapsed = measured(mariadb, lambda: big.report(free_busy("20270101T000000Z", "20270201T000000Z")))
    assert response.status_code == 200
    assert response.text.count("\r\nFREEBUSY") == 31 * 24
    assert round_trips <= 8, round_trips
    assert elapsed < 10
