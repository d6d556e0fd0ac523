"""CalDAV behaviour of the engine through nginx -> FastCGI -> MariaDB (issue #3 "What it serves").

Every test names its calendars, objects and UIDs with `unique()`; rows are checked
in the sabre tables where the behaviour is about them.
"""
import hashlib
import re

import pytest

DB = "almanac_e2e"

EVENT = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Almanac e2e//EN\r\nBEGIN:VEVENT\r\nUID:{uid}\r\n"
    "DTSTAMP:20270101T000000Z\r\nDTSTART:{start}\r\nDTEND:{end}\r\nSUMMARY:{summary}\r\n"
    "END:VEVENT\r\nEND:VCALENDAR\r\n"
)

NS = 'xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav" xmlns:CS="http://calendarserver.org/ns/"'


def event(uid, summary="Meeting", start="20270203T150000Z", end="20270203T160000Z"):
    return EVENT.format(uid=uid, summary=summary, start=start, end=end)


def propfind(props):
    return f'<?xml version="1.0" encoding="utf-8"?><D:propfind {NS}><D:prop>{props}</D:prop></D:propfind>'


def sync_body(token, props="<D:getetag/>"):
    return (
        f'<?xml version="1.0" encoding="utf-8"?><D:sync-collection {NS}><D:sync-token>{token}</D:sync-token>'
        f"<D:sync-level>1</D:sync-level><D:prop>{props}</D:prop></D:sync-collection>"
    )


def hrefs(text):
    return re.findall(r"<d:href>([^<]*)</d:href>", text)


def sync_token(text):
    return re.search(r"<d:sync-token>([^<]*)</d:sync-token>", text).group(1)


@pytest.fixture
def calendar(dav, unique):
    """A fresh calendar of alice's: its path."""
    path = f"/calendars/alice/{unique('cal')}/"
    assert dav("alice").request("MKCALENDAR", path).status_code == 201
    return path


def calendar_id(mariadb, owner, path):
    name = path.rstrip("/").rsplit("/", 1)[-1]
    return mariadb.sql(
        f"SELECT calendarid FROM calendarinstances WHERE principaluri = 'principals/{owner}' AND uri = '{name}'", DB
    ).strip()


# Discovery


def test_discovery_from_the_root(dav):
    client = dav("alice")
    root = client.propfind("/", propfind("<D:current-user-principal/><D:principal-collection-set/>"))
    assert root.status_code == 207
    assert "<d:current-user-principal><d:href>/principals/alice/</d:href></d:current-user-principal>" in root.text
    principal = client.propfind(
        "/principals/alice/",
        propfind(
            "<D:displayname/><C:calendar-home-set/><C:calendar-user-address-set/><C:schedule-inbox-URL/>"
            "<C:schedule-outbox-URL/><D:resourcetype/>"
        ),
    )
    assert "<d:displayname>Alice Adams</d:displayname>" in principal.text
    assert "<cal:calendar-home-set><d:href>/calendars/alice/</d:href></cal:calendar-home-set>" in principal.text
    assert "<d:href>mailto:alice@example.com</d:href><d:href>/principals/alice/</d:href>" in principal.text
    assert "<d:href>/calendars/alice/inbox/</d:href>" in principal.text
    home = client.propfind(
        "/calendars/alice/", propfind("<D:resourcetype/><D:sync-token/><C:supported-calendar-component-set/>"), depth=1
    )
    assert "/calendars/alice/default/" in hrefs(home.text)
    assert "<cal:schedule-inbox/>" in home.text and "<cal:schedule-outbox/>" in home.text
    assert "http://sabre.io/ns/sync/" in home.text


def test_propfind_depth_infinity_is_refused(dav):
    response = dav("alice").propfind("/calendars/alice/", propfind("<D:displayname/>"), depth="infinity")
    assert response.status_code == 403
    assert "propfind-finite-depth" in response.text


# Objects


def test_conditional_requests(dav, calendar, unique):
    client = dav("alice")
    path = calendar + unique("e") + ".ics"
    body = event(unique("uid"))
    created = client.put(path, body, headers={"If-None-Match": "*"})
    assert created.status_code == 201
    etag = created.headers["ETag"]
    assert etag == f'"{hashlib.md5(body.encode()).hexdigest()}"'
    assert client.put(path, body, headers={"If-None-Match": "*"}).status_code == 412
    assert client.put(path, body, headers={"If-Match": '"stale"'}).status_code == 412
    assert client.get(path, headers={"If-None-Match": etag}).status_code == 304
    head = client.request("HEAD", path)
    assert head.status_code == 200 and head.headers["Content-Type"] == "text/calendar; charset=utf-8; component=vevent"
    assert client.delete(path, headers={"If-Match": '"stale"'}).status_code == 412
    assert client.delete(path, headers={"If-Match": etag}).status_code == 204


def test_invalid_objects_leave_no_row(dav, mariadb, calendar, unique):
    client = dav("alice")
    cid = calendar_id(mariadb, "alice", calendar)
    before = mariadb.sql(f"SELECT synctoken FROM calendars WHERE id = {cid}", DB).strip()
    bad = client.put(calendar + "bad.ics", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n")
    assert bad.status_code == 403 and "valid-calendar-data" in bad.text
    with_method = event(unique("uid")).replace("VERSION:2.0", "VERSION:2.0\r\nMETHOD:REQUEST")
    assert "valid-calendar-object-resource" in client.put(calendar + "m.ics", with_method).text
    uid = unique("uid")
    assert client.put(calendar + "first.ics", event(uid)).status_code == 201
    conflict = client.put(calendar + "second.ics", event(uid))
    assert conflict.status_code == 403
    assert "no-uid-conflict" in conflict.text and f"{calendar}first.ics" in conflict.text
    rows = mariadb.sql(f"SELECT uri FROM calendarobjects WHERE calendarid = {cid} ORDER BY uri", DB).split()
    assert rows == ["first.ics"]
    after = mariadb.sql(f"SELECT synctoken FROM calendars WHERE id = {cid}", DB).strip()
    assert int(after) == int(before) + 1


def test_mkcalendar_with_a_component_set(dav, mariadb, unique):
    client = dav("alice")
    path = f"/calendars/alice/{unique('tasks')}/"
    body = (
        f'<?xml version="1.0" encoding="utf-8"?><C:mkcalendar {NS}><D:set><D:prop><D:displayname>Tasks</D:displayname>'
        '<C:supported-calendar-component-set><C:comp name="VTODO"/></C:supported-calendar-component-set>'
        "</D:prop></D:set></C:mkcalendar>"
    )
    assert client.request("MKCALENDAR", path, body=body).status_code == 201
    cid = calendar_id(mariadb, "alice", path)
    assert mariadb.sql(f"SELECT components, synctoken FROM calendars WHERE id = {cid}", DB).split() == ["VTODO", "1"]
    refused = client.put(path + "e.ics", event(unique("uid")))
    assert refused.status_code == 403 and "supported-calendar-component" in refused.text
    assert client.request("MKCALENDAR", path, body=body).status_code == 405


def test_proppatch_maps_columns_and_is_atomic(dav, mariadb, calendar):
    client = dav("alice")
    name = calendar.rstrip("/").rsplit("/", 1)[-1]
    ok = (
        f'<?xml version="1.0" encoding="utf-8"?><D:propertyupdate {NS} xmlns:A="http://apple.com/ns/ical/">'
        "<D:set><D:prop><D:displayname>Planner</D:displayname><A:calendar-color>#2E8B57FF</A:calendar-color>"
        "<X:note xmlns:X=\"urn:example:e2e\">kept</X:note></D:prop></D:set></D:propertyupdate>"
    )
    assert client.request("PROPPATCH", calendar, body=ok).status_code == 207
    row = mariadb.sql(
        f"SELECT displayname, calendarcolor FROM calendarinstances WHERE principaluri = 'principals/alice' AND uri = '{name}'",
        DB,
    )
    assert row.split("\t") == ["Planner", "#2E8B57FF\n"]
    dead = mariadb.sql(f"SELECT name, valuetype, value FROM propertystorage WHERE path = 'calendars/alice/{name}'", DB)
    assert dead.split("\t") == ["{urn:example:e2e}note", "1", "kept\n"]
    failing = (
        f'<?xml version="1.0" encoding="utf-8"?><D:propertyupdate {NS}><D:set><D:prop>'
        '<D:displayname>Changed</D:displayname><D:getetag>"x"</D:getetag></D:prop></D:set></D:propertyupdate>'
    )
    response = client.request("PROPPATCH", calendar, body=failing)
    assert "HTTP/1.1 403" in response.text and "HTTP/1.1 424" in response.text
    assert mariadb.sql(
        f"SELECT displayname FROM calendarinstances WHERE principaluri = 'principals/alice' AND uri = '{name}'", DB
    ).strip() == "Planner"


def test_move_logs_delete_and_add(dav, mariadb, calendar, unique):
    client = dav("alice")
    other = f"/calendars/alice/{unique('other')}/"
    assert client.request("MKCALENDAR", other).status_code == 201
    assert client.put(calendar + "a.ics", event(unique("uid"))).status_code == 201
    moved = client.request("MOVE", calendar + "a.ics", headers={"Destination": other + "b.ics"})
    assert moved.status_code == 201
    assert client.get(calendar + "a.ics").status_code == 404
    assert client.get(other + "b.ics").status_code == 200
    source, target = calendar_id(mariadb, "alice", calendar), calendar_id(mariadb, "alice", other)
    assert mariadb.sql(f"SELECT operation FROM calendarchanges WHERE calendarid = {source} ORDER BY id", DB).split() == ["1", "3"]
    assert mariadb.sql(f"SELECT uri, operation FROM calendarchanges WHERE calendarid = {target}", DB).split() == ["b.ics", "1"]


# Reports


def test_sync_collection_continues_from_a_token(dav, calendar, unique):
    client = dav("alice")
    for name in ("a", "b", "c"):
        assert client.put(f"{calendar}{name}.ics", event(unique("uid"))).status_code == 201
    first = client.report(calendar, sync_body(""), depth=0)
    assert first.status_code == 207
    token = sync_token(first.text)
    assert token.startswith("http://sabre.io/ns/sync/")
    assert {h for h in hrefs(first.text)} == {f"{calendar}{n}.ics" for n in "abc"}
    a_body = client.get(calendar + "a.ics").text
    assert client.put(calendar + "a.ics", a_body.replace("Meeting", "Moved")).status_code == 204
    assert client.delete(calendar + "c.ics").status_code == 204
    second = client.report(calendar, sync_body(token), depth=0)
    assert f"<d:href>{calendar}a.ics</d:href><d:propstat>" in second.text
    assert f"<d:href>{calendar}c.ics</d:href><d:status>HTTP/1.1 404 Not Found</d:status>" in second.text
    assert f"{calendar}b.ics" not in second.text
    assert int(sync_token(second.text).rsplit("/", 1)[1]) == int(token.rsplit("/", 1)[1]) + 2
    bad = client.report(calendar, sync_body("urn:not-ours:1"), depth=0)
    assert bad.status_code == 403 and "valid-sync-token" in bad.text


def test_multiget_and_query(dav, calendar, unique):
    client = dav("alice")
    client.put(calendar + "feb.ics", event(unique("uid"), summary="February"))
    client.put(calendar + "mar.ics", event(unique("uid"), summary="March", start="20270305T120000Z", end="20270305T130000Z"))
    multiget = (
        f'<?xml version="1.0" encoding="utf-8"?><C:calendar-multiget {NS}><D:prop><D:getetag/><C:calendar-data/></D:prop>'
        f"<D:href>{calendar}feb.ics</D:href><D:href>{calendar}missing.ics</D:href></C:calendar-multiget>"
    )
    got = client.report(calendar, multiget, depth=1)
    assert got.status_code == 207
    assert "SUMMARY:February" in got.text
    assert f"<d:href>{calendar}missing.ics</d:href><d:status>HTTP/1.1 404 Not Found</d:status>" in got.text
    query = (
        f'<?xml version="1.0" encoding="utf-8"?><C:calendar-query {NS}><D:prop><D:getetag/></D:prop><C:filter>'
        '<C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT"><C:time-range start="20270301T000000Z" '
        'end="20270310T000000Z"/></C:comp-filter></C:comp-filter></C:filter></C:calendar-query>'
    )
    assert hrefs(client.report(calendar, query, depth=1).text) == [calendar + "mar.ics"]


# Access


def test_others_get_403(dav, calendar, unique):
    alice, bob = dav("alice"), dav("bob")
    path = calendar + "private.ics"
    assert alice.put(path, event(unique("uid"))).status_code == 201
    for response in (
        bob.get(path),
        bob.put(calendar + "intruder.ics", event(unique("uid"))),
        bob.delete(path),
        bob.propfind(calendar, propfind("<D:displayname/>"), depth=1),
        bob.report(calendar, sync_body(""), depth=0),
        bob.request("PROPPATCH", calendar, body=f'<D:propertyupdate {NS}><D:set><D:prop><D:displayname>x</D:displayname></D:prop></D:set></D:propertyupdate>'),
        bob.propfind("/calendars/alice/inbox/", propfind("<D:getetag/>"), depth=1),
    ):
        assert response.status_code == 403
        assert "need-privileges" in response.text


def test_digest_auth_for_writes(dav, calendar, unique):
    client = dav("alice", digest=True)
    path = calendar + unique("d") + ".ics"
    assert client.put(path, event(unique("uid"))).status_code == 201
    assert client.get(path).status_code == 200


def test_read_proxy_reads_but_cannot_write(dav, mariadb, unique):
    carol, bob = dav("carol"), dav("bob")
    path = f"/calendars/carol/default/{unique('p')}.ics"
    assert carol.put(path, event(unique("uid"))).status_code == 201
    members = (
        f'<?xml version="1.0" encoding="utf-8"?><D:propertyupdate {NS}><D:set><D:prop><D:group-member-set>'
        "<D:href>/principals/bob/</D:href></D:group-member-set></D:prop></D:set></D:propertyupdate>"
    )
    assert carol.request("PROPPATCH", "/principals/carol/calendar-proxy-read/", body=members).status_code == 207
    try:
        rows = mariadb.sql(
            "SELECT p.uri FROM groupmembers g JOIN principals p ON p.id = g.member_id JOIN principals q ON "
            "q.id = g.principal_id WHERE q.uri = 'principals/carol/calendar-proxy-read'", DB)
        assert rows.split() == ["principals/bob"]
        assert bob.get(path).status_code == 200
        assert bob.put(f"/calendars/carol/default/{unique('w')}.ics", event(unique("uid"))).status_code == 403
        assert "/principals/carol/" in bob.propfind("/principals/bob/", propfind("<CS:calendar-proxy-read-for/>")).text
    finally:
        empty = members.replace("<D:href>/principals/bob/</D:href>", "")
        carol.request("PROPPATCH", "/principals/carol/calendar-proxy-read/", body=empty)


def test_sharing_read_write(dav, mariadb, calendar, unique):
    alice, carol = dav("alice"), dav("carol")
    share = (
        f'<?xml version="1.0" encoding="utf-8"?><D:share-resource {NS}><D:sharee><D:href>mailto:carol@example.com</D:href>'
        "<D:share-access><D:read-write/></D:share-access></D:sharee></D:share-resource>"
    )
    assert alice.request("POST", calendar, body=share, headers={"Content-Type": "application/davsharing+xml"}).status_code == 200
    cid = calendar_id(mariadb, "alice", calendar)
    row = mariadb.sql(
        f"SELECT uri, access, share_href, share_invitestatus FROM calendarinstances WHERE calendarid = {cid} "
        "AND principaluri = 'principals/carol'", DB).split("\t")
    assert [row[1], row[2], row[3].strip()] == ["3", "mailto:carol@example.com", "2"]
    shared = f"/calendars/carol/{row[0]}/"
    assert carol.put(shared + "from-carol.ics", event(unique("uid"))).status_code == 201
    assert alice.get(calendar + "from-carol.ics").status_code == 200


def test_lock_and_unlock(dav, mariadb, calendar, unique):
    client = dav("alice")
    path = calendar + "locked.ics"
    assert client.put(path, event(unique("uid"))).status_code == 201
    lockinfo = (
        '<?xml version="1.0" encoding="utf-8"?><D:lockinfo xmlns:D="DAV:"><D:lockscope><D:exclusive/></D:lockscope>'
        "<D:locktype><D:write/></D:locktype></D:lockinfo>"
    )
    lock = client.request("LOCK", path, body=lockinfo, headers={"Timeout": "Second-600"}, depth=0)
    assert lock.status_code == 200
    token = lock.headers["Lock-Token"]
    assert client.delete(path).status_code == 423
    stored = mariadb.sql(f"SELECT token, scope FROM locks WHERE token = '{token[17:-1]}'", DB).split()
    assert stored == [token[17:-1], "2"]
    assert client.request("UNLOCK", path, headers={"Lock-Token": token}).status_code == 204
    assert client.delete(path).status_code == 204


# Migration: sync from sabre's own token


def test_sync_continues_from_sabres_token(sabre_stack, dav):
    client = dav("erin", password="erin", base=sabre_stack.base_url)
    response = client.report("/calendars/erin/calendar/", sync_body("http://sabre.io/ns/sync/4", "<D:getetag/>"), depth=0)
    assert response.status_code == 207
    assert sync_token(response.text) == "http://sabre.io/ns/sync/8"
    text = response.text
    assert '<d:getetag>&quot;1dce0eeea2b6f2453bd21fdd1d352da0&quot;</d:getetag>' in text
    assert '<d:getetag>&quot;9c67df957a09e4bb570e6cf01bf2ee4d&quot;</d:getetag>' in text
    assert ("<d:href>/calendars/erin/calendar/5cd0384b-b03d-4e66-a4ad-011e59edef10.ics</d:href>"
            "<d:status>HTTP/1.1 404 Not Found</d:status>") in text
    latest = client.report("/calendars/erin/calendar/", sync_body("http://sabre.io/ns/sync/8"), depth=0)
    assert "<d:response>" not in latest.text
