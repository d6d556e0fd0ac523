"""Scheduling (RFC 6638) through nginx -> almanac -> MariaDB with alice, bob and carol.

Each test uses its own UID; inbox items are told apart by the UID in their body.
"""
import re

CALDAV = "urn:ietf:params:xml:ns:caldav"


def event(uid, attendees, organizer="alice", summary="Planning", start="20270301T100000Z",
          end="20270301T110000Z", sequence=0, rrule=None, component="VEVENT", extra=()):
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Almanac e2e//EN", f"BEGIN:{component}", f"UID:{uid}",
             "DTSTAMP:20261125T080000Z", f"SUMMARY:{summary}", f"DTSTART:{start}",
             f"{'DUE' if component == 'VTODO' else 'DTEND'}:{end}", f"SEQUENCE:{sequence}"]
    if rrule:
        lines.append(f"RRULE:{rrule}")
    lines.append(f"ORGANIZER:mailto:{organizer}@example.com")
    lines.append(f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:{organizer}@example.com")
    for name in attendees:
        lines.append(f"ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:{name}@example.com")
    lines += list(extra)
    lines += [f"END:{component}", "END:VCALENDAR"]
    return "\r\n".join(lines) + "\r\n"


def unfold(text):
    return text.replace("\r\n ", "").replace("\n ", "")


def param(body, who, name, nth=0):
    """A parameter of the ATTENDEE line for who@example.com in the nth component."""
    lines = [l for l in unfold(body).splitlines() if l.startswith("ATTENDEE") and f":mailto:{who}@example.com" in l]
    if nth >= len(lines):
        return None
    match = re.search(rf";{name}=([^;:]*)", lines[nth])
    return match.group(1) if match else None


def inbox(client, user, uid):
    """Bodies of the user's inbox items about uid, in no particular order."""
    listing = client.propfind(f"/calendars/{user}/inbox/", '<?xml version="1.0"?><D:propfind xmlns:D="DAV:">'
                              '<D:prop><D:getetag/></D:prop></D:propfind>', depth=1)
    assert listing.status_code == 207
    hrefs = [h for h in re.findall(r"<d:href>([^<]+)</d:href>", listing.text) if not h.endswith("/inbox/")]
    bodies = [client.get(href).text for href in hrefs]
    return [b for b in bodies if f"UID:{uid}" in unfold(b)]


def find_copy(client, user, uid, component="VEVENT"):
    """(href, body, etag) of the object with uid in the user's default calendar, or None."""
    query = (f'<?xml version="1.0"?><C:calendar-query xmlns:D="DAV:" xmlns:C="{CALDAV}"><D:prop><D:getetag/>'
             f'</D:prop><C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="{component}">'
             f'<C:prop-filter name="UID"><C:text-match collation="i;octet">{uid}</C:text-match></C:prop-filter>'
             '</C:comp-filter></C:comp-filter></C:filter></C:calendar-query>')
    response = client.report(f"/calendars/{user}/default/", query, depth=1)
    assert response.status_code == 207
    hrefs = re.findall(r"<d:href>([^<]+\.ics)</d:href>", response.text)
    if not hrefs:
        return None
    got = client.get(hrefs[0])
    return hrefs[0], got.text, got.headers.get("ETag")


def answer(body, who, partstat):
    out = []
    for line in unfold(body).splitlines():
        if line.startswith("ATTENDEE") and f":mailto:{who}@example.com" in line:
            line = re.sub(r";PARTSTAT=[^;:]*", "", line)
            line = re.sub(r";RSVP=[^;:]*", "", line)
            line = line.replace("ATTENDEE", f"ATTENDEE;PARTSTAT={partstat}", 1)
        out.append(line)
    return "\r\n".join(out) + "\r\n"


def test_invite_accept_decline(dav, unique, mariadb):
    alice, bob, carol = dav("alice"), dav("bob"), dav("carol")
    uid = unique("meet")
    path = f"/calendars/alice/default/{uid}.ics"
    put = alice.put(path, event(uid, ["bob", "carol", "zed-outside"]), headers={"If-None-Match": "*"})
    assert put.status_code == 201
    assert "ETag" not in put.headers  # SCHEDULE-STATUS was written into the stored object
    assert put.headers.get("Schedule-Tag")
    stored = alice.get(path).text
    assert param(stored, "bob", "SCHEDULE-STATUS") == "1.2"
    assert param(stored, "carol", "SCHEDULE-STATUS") == "1.2"
    assert param(stored, "zed-outside", "SCHEDULE-STATUS") in ("3.7", "1.1")
    for client, user in ((bob, "bob"), (carol, "carol")):
        items = inbox(client, user, uid)
        assert len(items) == 1 and "METHOD:REQUEST" in items[0]
        assert find_copy(client, user, uid) is not None
    # The inbox rows and the copies are sabre's rows.
    rows = mariadb.sql(f"SELECT principaluri, uri FROM schedulingobjects WHERE calendardata LIKE '%{uid}%'",
                       "almanac_e2e").splitlines()
    assert sorted(r.split("\t")[0] for r in rows) == ["principals/bob", "principals/carol"]
    bob_item = [r.split("\t")[1] for r in rows if r.startswith("principals/bob")][0]
    href, body, etag = find_copy(bob, "bob", uid)
    assert href.endswith("/" + bob_item)

    assert bob.put(href, answer(body, "bob", "ACCEPTED"), headers={"If-Match": etag}).status_code == 204
    c_href, c_body, c_etag = find_copy(carol, "carol", uid)
    assert carol.put(c_href, answer(c_body, "carol", "DECLINED"), headers={"If-Match": c_etag}).status_code == 204
    stored = alice.get(path).text
    assert param(stored, "bob", "PARTSTAT") == "ACCEPTED"
    assert param(stored, "carol", "PARTSTAT") == "DECLINED"
    assert [("METHOD:REPLY" in b) for b in inbox(alice, "alice", uid)] == [True, True]
    # Other attendees see the answers too.
    assert param(find_copy(bob, "bob", uid)[1], "carol", "PARTSTAT") == "DECLINED"


def test_tentative_for_one_instance(dav, unique):
    alice, bob = dav("alice"), dav("bob")
    uid = unique("series")
    path = f"/calendars/alice/default/{uid}.ics"
    assert alice.put(path, event(uid, ["bob"], rrule="FREQ=WEEKLY;COUNT=4")).status_code == 201
    href, body, etag = find_copy(bob, "bob", uid)
    master = unfold(body)
    vevent = master[master.index("BEGIN:VEVENT"):master.index("END:VEVENT") + len("END:VEVENT")]
    override = (vevent.replace("RRULE:FREQ=WEEKLY;COUNT=4\r\n", "")
                .replace("DTSTART:20270301T100000Z", "DTSTART:20270308T100000Z\r\nRECURRENCE-ID:20270308T100000Z")
                .replace("DTEND:20270301T110000Z", "DTEND:20270308T110000Z"))
    override = answer(override, "bob", "TENTATIVE").rstrip("\r\n")
    updated = master.replace("END:VCALENDAR", override + "\r\nEND:VCALENDAR")
    assert bob.put(href, updated, headers={"If-Match": etag}).status_code == 204
    stored = alice.get(path).text
    assert stored.count("BEGIN:VEVENT") == 2
    assert param(stored, "bob", "PARTSTAT", 0) == "NEEDS-ACTION"
    assert param(stored, "bob", "PARTSTAT", 1) == "TENTATIVE"


def test_reschedule_remove_attendee_and_delete(dav, unique):
    alice, bob, carol = dav("alice"), dav("bob"), dav("carol")
    uid = unique("moving")
    path = f"/calendars/alice/default/{uid}.ics"
    assert alice.put(path, event(uid, ["bob", "carol"])).status_code == 201
    href, body, etag = find_copy(bob, "bob", uid)
    bob.put(href, answer(body, "bob", "ACCEPTED"), headers={"If-Match": etag})
    moved = event(uid, ["bob", "carol"], start="20270302T100000Z", end="20270302T110000Z", sequence=1)
    assert alice.put(path, moved).status_code == 204
    copy = find_copy(bob, "bob", uid)[1]
    assert "DTSTART:20270302T100000Z" in copy
    assert param(copy, "bob", "PARTSTAT") == "NEEDS-ACTION"  # a new time asks again
    # carol is dropped: she gets a CANCEL and her copy goes.
    assert alice.put(path, event(uid, ["bob"], start="20270302T100000Z", end="20270302T110000Z",
                                 sequence=2)).status_code == 204
    assert find_copy(carol, "carol", uid) is None
    assert any("METHOD:CANCEL" in b for b in inbox(carol, "carol", uid))
    # Deleting cancels for bob.
    assert alice.delete(path).status_code == 204
    assert find_copy(bob, "bob", uid) is None
    assert any("METHOD:CANCEL" in b for b in inbox(bob, "bob", uid))


def test_attendee_deleting_the_copy_declines(dav, unique):
    alice, bob = dav("alice"), dav("bob")
    uid = unique("declined")
    path = f"/calendars/alice/default/{uid}.ics"
    override = ["END:VEVENT", "BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20261125T080000Z",
                "RECURRENCE-ID:20270302T100000Z", "DTSTART:20270302T120000Z", "DTEND:20270302T130000Z",
                "SUMMARY:moved", "SEQUENCE:0", "ORGANIZER:mailto:alice@example.com",
                "ATTENDEE;PARTSTAT=ACCEPTED:mailto:alice@example.com",
                "ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:bob@example.com"]
    body = event(uid, ["bob"], rrule="FREQ=DAILY;COUNT=3", extra=override)
    assert alice.put(path, body).status_code == 201
    href, _, _ = find_copy(bob, "bob", uid)
    assert bob.delete(href).status_code == 204
    stored = alice.get(path).text
    assert "PARTSTAT=;" not in stored and "PARTSTAT=:" not in stored
    assert stored.count("BEGIN:VEVENT") == 2
    assert param(stored, "bob", "PARTSTAT", 0) == "DECLINED"
    assert param(stored, "bob", "PARTSTAT", 1) == "DECLINED"


def test_free_busy_post_for_other_users(dav, unique):
    bob, alice = dav("bob"), dav("alice")
    uid = unique("busy")
    busy = event(uid, [], organizer="bob", start="20280105T090000Z", end="20280105T100000Z")
    assert bob.put(f"/calendars/bob/default/{uid}.ics", busy).status_code == 201
    request = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//e2e//EN\r\nMETHOD:REQUEST\r\nBEGIN:VFREEBUSY\r\n"
               f"UID:{unique('fb')}\r\nDTSTAMP:20261125T080000Z\r\nDTSTART:20280105T000000Z\r\n"
               "DTEND:20280106T000000Z\r\nORGANIZER:mailto:alice@example.com\r\n"
               "ATTENDEE:mailto:bob@example.com\r\nATTENDEE:mailto:nobody@example.com\r\n"
               "END:VFREEBUSY\r\nEND:VCALENDAR\r\n")
    response = alice.request("POST", "/calendars/alice/outbox/", body=request,
                             headers={"Content-Type": "text/calendar; charset=utf-8"})
    assert response.status_code == 200
    assert "schedule-response" in response.text
    assert "2.0;Success" in response.text  # sabre answers 3.7 here
    assert "FREEBUSY:20280105T090000Z/20280105T100000Z" in response.text
    assert "3.7;Invalid calendar user" in response.text
    assert dav("carol").request("POST", "/calendars/alice/outbox/", body=request,
                                headers={"Content-Type": "text/calendar"}).status_code == 403


def test_schedule_tag_conflict_and_merge(dav, unique):
    alice, bob = dav("alice"), dav("bob")
    uid = unique("tagged")
    path = f"/calendars/alice/default/{uid}.ics"
    created = alice.put(path, event(uid, ["bob", "carol"]))
    tag = created.headers["Schedule-Tag"]
    assert alice.get(path).headers.get("Schedule-Tag") == tag
    href, body, etag = find_copy(bob, "bob", uid)
    assert bob.put(href, answer(body, "bob", "ACCEPTED"), headers={"If-Match": etag}).status_code == 204
    assert alice.get(path).headers.get("Schedule-Tag") == tag  # a merged reply keeps the tag
    stale = event(uid, ["bob", "carol"], summary="Planning with agenda")
    assert alice.put(path, stale, headers={"If-Schedule-Tag-Match": '"wrong"'}).status_code == 412
    assert alice.put(path, stale, headers={"If-Schedule-Tag-Match": tag}).status_code == 204
    stored = alice.get(path).text
    assert "SUMMARY:Planning with agenda" in stored
    assert param(stored, "bob", "PARTSTAT") == "ACCEPTED"


def test_task_assignment_and_completion(dav, unique):
    alice, bob = dav("alice"), dav("bob")
    uid = unique("task")
    path = f"/calendars/alice/default/{uid}.ics"
    assert alice.put(path, event(uid, ["bob"], component="VTODO")).status_code == 201
    href, body, etag = find_copy(bob, "bob", uid, component="VTODO")
    done = answer(body, "bob", "COMPLETED").replace("SEQUENCE:0\r\n", "SEQUENCE:0\r\nSTATUS:COMPLETED\r\n")
    assert bob.put(href, done, headers={"If-Match": etag}).status_code == 204
    assert param(alice.get(path).text, "bob", "PARTSTAT") == "COMPLETED"


def test_spoofed_organizer_and_duplicate_scheduling_object(dav, unique):
    bob = dav("bob")
    uid = unique("spoof")
    response = bob.put(f"/calendars/bob/default/{uid}.ics", event(uid, ["carol"], organizer="alice"))
    assert response.status_code == 403
    assert "valid-organizer" in response.text
    alice = dav("alice")
    uid = unique("twice")
    assert alice.put(f"/calendars/alice/default/{uid}.ics", event(uid, ["bob"])).status_code == 201
    calendar = unique("cal")
    assert alice.request("MKCALENDAR", f"/calendars/alice/{calendar}/").status_code == 201
    response = alice.put(f"/calendars/alice/{calendar}/{uid}.ics", event(uid, ["bob"]))
    assert response.status_code == 403
    assert "unique-scheduling-object-resource" in response.text


def test_answer_keeps_the_attendee_tag_and_default_calendar_is_chosen(dav, unique):
    alice, carol = dav("alice"), dav("carol")
    calendar = unique("meetings")
    assert carol.request("MKCALENDAR", f"/calendars/carol/{calendar}/").status_code == 201
    body = ('<?xml version="1.0"?><D:propertyupdate xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
            '<D:set><D:prop><C:schedule-default-calendar-URL><D:href>'
            f'/calendars/carol/{calendar}/</D:href></C:schedule-default-calendar-URL></D:prop></D:set>'
            '</D:propertyupdate>')
    assert carol.request("PROPPATCH", "/calendars/carol/inbox/", body=body).status_code == 207
    uid = unique("room")
    assert alice.put(f"/calendars/alice/default/{uid}.ics", event(uid, ["carol"])).status_code == 201
    assert find_copy(carol, "carol", uid) is None  # not in default: in the chosen calendar
    listing = carol.propfind(f"/calendars/carol/{calendar}/", '<?xml version="1.0"?><D:propfind xmlns:D="DAV:">'
                             '<D:prop><D:getetag/></D:prop></D:propfind>', depth=1)
    href = [h for h in re.findall(r"<d:href>([^<]+\.ics)</d:href>", listing.text)][0]
    got = carol.get(href)
    tag = got.headers["Schedule-Tag"]
    put = carol.put(href, answer(got.text, "carol", "ACCEPTED"), headers={"If-Schedule-Tag-Match": tag})
    assert put.status_code == 204
    assert carol.get(href).headers["Schedule-Tag"] == tag
    # Reset so other tests find carol's copies in her default calendar again.
    reset = body.replace("<D:set>", "<D:remove>").replace("</D:set>", "</D:remove>")
    reset = re.sub(r"<D:href>.*?</D:href>", "", reset)
    assert carol.request("PROPPATCH", "/calendars/carol/inbox/", body=reset).status_code == 207
