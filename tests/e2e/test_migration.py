"""Migration (issue #3): Almanac serving a database written by a real sabre/dav 4.7.1.

The dump and transcript.jsonl (the requests that built it, with sabre's answers)
live in ../shared/fixtures/sabre-4.7.1-public/. `sabre_stack` is an Almanac +
nginx on a copy of that dump; every read-only comparison here replays one of
sabre's requests and checks that Almanac answers the same. The tests that write
(sync continuation, replayed PUTs) come last and touch only what the others do
not compare.
"""
import hashlib
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import harness
import pytest
import requests
from requests.auth import HTTPBasicAuth, HTTPDigestAuth

from conftest import SABRE_DUMP

# ../shared beside the project root (as in CI), else where the session's dump comes from.
FIXTURES = harness.ROOT.parent / "shared" / "fixtures" / "sabre-4.7.1-public"
TRANSCRIPT = (FIXTURES if FIXTURES.exists() else Path(SABRE_DUMP).parent) / "transcript.jsonl"
USERS = ("erin", "frank", "grace", "heidi")
DAV = "{DAV:}"
CALDAV = "{urn:ietf:params:xml:ns:caldav}"
CS = "{http://calendarserver.org/ns/}"
APPLE = "{http://apple.com/ns/ical/}"


def transcript():
    with open(TRANSCRIPT) as lines:
        return [json.loads(line) for line in lines]


def exchange(step, method, path, index=-1):
    """The transcript exchange of `step` with that method and path (the last one unless index says)."""
    found = [e for e in transcript() if e["step"] == step and e["request"]["method"] == method
             and e["request"]["path"] == path]
    assert found, f"no {method} {path} in {step}"
    return found[index]


def header(headers, name):
    for key, value in headers:
        if key.lower() == name.lower():
            return value
    return None


def user_of(entry):
    """The user sabre's request authenticated as (Basic header)."""
    import base64
    auth = header(entry["request"]["headers"], "Authorization") or ""
    assert auth.startswith("Basic "), "replay only Basic-authenticated exchanges"
    return base64.b64decode(auth[6:]).decode().split(":")[0]


def replay(stack, entry, user=None):
    """Sends sabre's request (method, path, Depth, body) to Almanac as the same user."""
    request = entry["request"]
    user = user or user_of(entry)
    headers = {}
    for name in ("Depth", "Content-Type", "If-Match", "If-None-Match"):
        value = header(request["headers"], name)
        if value is not None:
            headers[name] = value
    body = request.get("body") or None
    return requests.request(request["method"], stack.base_url + request["path"],
                            data=body.encode() if body else None, headers=headers,
                            auth=HTTPBasicAuth(user, user), allow_redirects=False, timeout=30)


def normalized(element):
    """A comparable form of a property value: tag, stripped text, children (hrefs sorted)."""
    children = [normalized(child) for child in element]
    if all(child[0] == DAV + "href" for child in children):
        children.sort()
    attributes = tuple(sorted(element.attrib.items()))
    return (element.tag, (element.text or "").strip(), attributes, tuple(children))


def found_properties(body):
    """{href: {property tag: normalized value}} of the 200 propstats of a multistatus."""
    result = {}
    for response in ET.fromstring(body).iter(DAV + "response"):
        href = response.findtext(DAV + "href").rstrip("/") + "/" * response.findtext(DAV + "href").endswith("/")
        props = result.setdefault(href, {})
        for propstat in response.findall(DAV + "propstat"):
            if " 200 " not in propstat.findtext(DAV + "status") + " ":
                continue
            for prop in propstat.find(DAV + "prop"):
                props[prop.tag] = normalized(prop)
    return result


def sabre_rows(stack, sql):
    return [line.split("\t") for line in stack.mariadb.sql(sql, stack.database).splitlines()]


# --- read-only: what sabre left behind comes back as sabre served it -------------------------


def test_db_check_reports_the_sabre_database_compatible(sabre_db, sabre_stack):
    untouched = harness.almanac(sabre_db, "db", "check")
    assert "OK: the sabre/dav 4.x tables match" in untouched.stdout and "DIFFERENT" not in untouched.stdout
    served = harness.almanac(sabre_stack.db_url, "db", "check")
    assert "OK: the sabre/dav 4.x tables match" in served.stdout
    assert "DIFFERENT" not in served.stdout and "UPGRADE" not in served.stdout


@pytest.mark.parametrize("user", USERS)
def test_basic_auth_with_sabres_digesta1(sabre_stack, user):
    response = requests.request("PROPFIND", sabre_stack.base_url + "/", auth=HTTPBasicAuth(user, user),
                                headers={"Depth": "0"}, timeout=30)
    assert response.status_code == 207
    assert f"/principals/{user}/" in response.text
    wrong = requests.request("PROPFIND", sabre_stack.base_url + "/", auth=HTTPBasicAuth(user, "nope"), timeout=30)
    assert wrong.status_code == 401


def test_digest_auth_with_sabres_digesta1_realm_sabredav(sabre_stack):
    sabre_challenge = exchange("p00-discovery", "PROPFIND", "/principals/grace/", index=0)
    assert 'realm="SabreDAV"' in str(sabre_challenge["response"]["headers"])
    challenge = requests.request("PROPFIND", sabre_stack.base_url + "/principals/grace/", timeout=30)
    assert challenge.status_code == 401
    assert any(v.startswith("Digest") and 'realm="SabreDAV"' in v
               for v in challenge.raw.headers.getlist("WWW-Authenticate"))
    sabre_answer = exchange("p00-discovery", "PROPFIND", "/principals/grace/", index=1)
    response = requests.request("PROPFIND", sabre_stack.base_url + "/principals/grace/",
                                data=sabre_answer["request"]["body"].encode(), headers={"Depth": "0"},
                                auth=HTTPDigestAuth("grace", "grace"), timeout=30)
    assert response.status_code == 207
    assert found_properties(response.text) == found_properties(sabre_answer["response"]["body"])


def test_current_user_principal_as_sabre(sabre_stack):
    entry = exchange("p00-discovery", "PROPFIND", "/", index=1)
    response = replay(sabre_stack, entry)
    assert response.status_code == 207
    assert found_properties(response.text) == found_properties(entry["response"]["body"])


# The last PROPFIND sabre answered on each principal is still its final state.
PRINCIPAL_PROPFINDS = [("p00-discovery", "/principals/frank/"), ("p00-discovery", "/principals/grace/"),
                       ("p00-discovery", "/principals/heidi/"), ("p15-proxy", "/principals/erin/"),
                       ("p15-proxy", "/principals/frank/calendar-proxy-read/")]


@pytest.mark.parametrize("step,path", PRINCIPAL_PROPFINDS)
def test_principal_properties_as_sabre(sabre_stack, step, path):
    entry = exchange(step, "PROPFIND", path)
    response = replay(sabre_stack, entry)
    assert response.status_code == 207
    assert found_properties(response.text) == found_properties(entry["response"]["body"])


def test_erin_principal_address_set_and_home(sabre_stack):
    # p00 asked before erin's proxy grant: the address data must still match it.
    entry = exchange("p00-discovery", "PROPFIND", "/principals/erin/")
    ours = found_properties(replay(sabre_stack, entry).text)["/principals/erin/"]
    sabre = found_properties(entry["response"]["body"])["/principals/erin/"]
    for name in (DAV + "displayname", DAV + "principal-URL", CALDAV + "calendar-home-set",
                 CALDAV + "calendar-user-address-set", CALDAV + "schedule-inbox-URL", CALDAV + "schedule-outbox-URL"):
        assert ours[name] == sabre[name], name


HOME_PROPERTIES = (DAV + "displayname", DAV + "sync-token", CS + "getctag", CALDAV + "supported-calendar-component-set",
                   APPLE + "calendar-color", DAV + "resourcetype")


@pytest.mark.parametrize("user", USERS)
def test_calendar_home_final_state_as_sabre(sabre_stack, user):
    entry = exchange("p17-final-state", "PROPFIND", f"/calendars/{user}/")
    response = replay(sabre_stack, entry)
    assert response.status_code == 207
    ours, sabre = found_properties(response.text), found_properties(entry["response"]["body"])
    assert set(ours) == set(sabre)
    for href, properties in sabre.items():
        for name in HOME_PROPERTIES:
            if name == DAV + "resourcetype":
                # sabre also marks its own calendars cs:shared-owner; the calendar/inbox/outbox types must agree.
                expected = {c[0] for c in properties[name][3]} - {CS + "shared-owner"}
                assert {c[0] for c in ours[href][name][3]} - {CS + "shared-owner"} == expected, href
            elif name in properties:
                assert ours[href].get(name) == properties[name], f"{href} {name}"
            else:
                assert name not in ours[href], f"{href} {name}: sabre had none"


def test_calendar_order_and_component_rows_unchanged(sabre_stack):
    expected = {("principals/frank", "tasks"): "VTODO"}
    rows = sabre_rows(sabre_stack, "SELECT ci.principaluri, ci.uri, c.components, ci.calendarorder FROM calendarinstances ci"
                                   " JOIN calendars c ON c.id = ci.calendarid ORDER BY ci.id")
    for principal, uri, components, order in rows:
        assert components == expected.get((principal, uri), "VEVENT,VTODO")
        response = requests.request(
            "PROPFIND", f"{sabre_stack.base_url}/calendars/{principal.split('/')[1]}/{uri}/",
            data='<D:propfind xmlns:D="DAV:" xmlns:A="http://apple.com/ns/ical/"><D:prop><A:calendar-order/>'
                 '</D:prop></D:propfind>', headers={"Depth": "0"},
            auth=HTTPBasicAuth(principal.split("/")[1], principal.split("/")[1]), timeout=30)
        value = ET.fromstring(response.text).find(f".//{APPLE}calendar-order")
        assert value is not None and (value.text or "").strip() == order


def calendar_objects(stack):
    return sabre_rows(stack, "SELECT ci.principaluri, ci.uri, o.uri, o.etag, LENGTH(o.calendardata), "
                             "MD5(o.calendardata) FROM calendarobjects o JOIN calendarinstances ci "
                             "ON ci.calendarid = o.calendarid AND ci.access = 1 ORDER BY o.id")


def test_every_object_get_bytes_and_etag_as_stored(sabre_stack):
    rows = calendar_objects(sabre_stack)
    assert len(rows) >= 12
    for principal, calendar, uri, etag, size, md5 in rows:
        user = principal.split("/")[1]
        response = requests.get(f"{sabre_stack.base_url}/calendars/{user}/{calendar}/{uri}",
                                auth=HTTPBasicAuth(user, user), timeout=30)
        assert response.status_code == 200, uri
        assert response.headers["ETag"] == f'"{etag}"'
        assert len(response.content) == int(size) and hashlib.md5(response.content).hexdigest() == md5 == etag
        assert response.headers["Content-Type"].startswith("text/calendar; charset=utf-8")


def test_object_gets_as_sabre_served_them(sabre_stack):
    """Every GET in the transcript whose object is unchanged since: same bytes, ETag, content type."""
    current = {f"/calendars/{p.split('/')[1]}/{c}/{u}": e for p, c, u, e, _, _ in calendar_objects(sabre_stack)}
    compared = 0
    for entry in transcript():
        request, answer = entry["request"], entry["response"]
        if request["method"] != "GET" or answer["status"] != 200 or "/inbox/" in request["path"]:
            continue
        if current.get(request["path"]) != hashlib.md5(answer["body"].encode()).hexdigest():
            continue  # changed later in the transcript
        response = replay(sabre_stack, entry)
        assert response.status_code == 200
        assert response.content == answer["body"].encode(), request["path"]
        assert response.headers["ETag"] == header(answer["headers"], "ETag")
        assert response.headers["Content-Type"] == header(answer["headers"], "Content-Type")
        compared += 1
    assert compared >= 3  # frank's task, the final meeting copies


@pytest.mark.parametrize("user", USERS)
def test_inbox_items_as_stored(sabre_stack, user):
    rows = sabre_rows(sabre_stack, f"SELECT uri, etag FROM schedulingobjects WHERE principaluri = 'principals/{user}'")
    response = requests.request(
        "PROPFIND", f"{sabre_stack.base_url}/calendars/{user}/inbox/", headers={"Depth": "1"},
        data='<D:propfind xmlns:D="DAV:"><D:prop><D:getetag/></D:prop></D:propfind>',
        auth=HTTPBasicAuth(user, user), timeout=30)
    assert response.status_code == 207
    listed = {href.rsplit("/", 1)[1]: props.get(DAV + "getetag", (0, ""))[1]
              for href, props in found_properties(response.text).items() if not href.endswith("/inbox/")}
    assert listed == {uri: f'"{etag}"' for uri, etag in rows}
    for uri, etag in rows:
        item = requests.get(f"{sabre_stack.base_url}/calendars/{user}/inbox/{uri}", auth=HTTPBasicAuth(user, user),
                            timeout=30)
        assert item.status_code == 200 and hashlib.md5(item.content).hexdigest() == etag


def test_frank_inbox_listing_as_sabre(sabre_stack):
    entry = exchange("p11-heidi-deletes", "PROPFIND", "/calendars/frank/inbox/")
    ours = found_properties(replay(sabre_stack, entry).text)
    sabre = found_properties(entry["response"]["body"])
    items = {h: p[DAV + "getetag"] for h, p in sabre.items() if DAV + "getetag" in p}
    assert {h: p[DAV + "getetag"] for h, p in ours.items() if DAV + "getetag" in p} == items
    for path in (h for h in items):
        get = exchange("p09-heidi-accepts", "GET", path) if any(
            e["request"]["path"] == path and e["request"]["method"] == "GET" for e in transcript()) else None
        if get:
            assert replay(sabre_stack, get).content == get["response"]["body"].encode()


def test_incremental_sync_from_sabres_token_as_sabre(sabre_stack):
    entry = exchange("p16-sync-incremental", "REPORT", "/calendars/erin/calendar/")
    response = replay(sabre_stack, entry)
    assert response.status_code == 207
    ours, sabre = ET.fromstring(response.text), ET.fromstring(entry["response"]["body"])
    assert ours.findtext(DAV + "sync-token") == sabre.findtext(DAV + "sync-token") == "http://sabre.io/ns/sync/8"

    def members(tree):
        out = {}
        for r in tree.iter(DAV + "response"):
            href = r.findtext(DAV + "href")
            if not href.endswith(".ics"):
                continue  # sabre lists the collection itself with a 404 propstat
            status = r.findtext(DAV + "status")
            out[href] = "404" if status and " 404" in status else r.findtext(f".//{DAV}getetag")
        return out

    assert members(ours) == members(sabre)


def test_calendar_query_by_uid_finds_sabres_delivered_copy(sabre_stack):
    entry = exchange("p08-grace-tentative", "REPORT", "/calendars/grace/calendar/")
    response = replay(sabre_stack, entry)
    assert response.status_code == 207
    # The copy's ETag changed later in the transcript (grace's answer, the reschedule): compare the hrefs.
    assert set(found_properties(response.text)) == set(found_properties(entry["response"]["body"])) == {
        "/calendars/grace/calendar/sabredav-cc921c0c-0849-4453-b7c9-96815cd34a7c.ics"}


def test_proxy_rows_and_read_proxy_cannot_write(sabre_stack):
    entry = exchange("p15-proxy", "PROPFIND", "/calendars/frank/calendar/")
    response = replay(sabre_stack, entry)
    assert response.status_code == 207
    ours, sabre = found_properties(response.text), found_properties(entry["response"]["body"])
    assert {h: p.get(DAV + "getetag") for h, p in ours.items() if h.endswith(".ics")} == \
        {h: p.get(DAV + "getetag") for h, p in sabre.items() if h.endswith(".ics")}
    denied = exchange("p15-proxy", "PUT", "/calendars/frank/calendar/b3b2db00-b4a7-479a-834e-1e4e7c2d847a.ics")
    assert replay(sabre_stack, denied).status_code == 403


# --- writes (after every read-only comparison above) ----------------------------------------


def replayed_writes(calendar_path):
    """sabre's MKCALENDAR/PUT/DELETE/PROPPATCH on one calendar, in order."""
    return [e for e in transcript() if e["request"]["path"].startswith(calendar_path)
            and e["request"]["method"] in ("MKCALENDAR", "PUT", "DELETE", "PROPPATCH")
            and e["response"]["status"] < 300]


@pytest.mark.parametrize("owner,calendar", [("erin", "calendar"), ("frank", "tasks"), ("heidi", "calendar")])
def test_rows_written_by_almanac_match_sabres(sabre_stack, unique, owner, calendar):
    """Replays sabre's writes on one calendar into a fresh Almanac calendar: same object rows, same change log."""
    source = f"/calendars/{owner}/{calendar}/"
    target = f"/calendars/{owner}/{unique('replay')}/"
    writes = replayed_writes(source)
    if owner == "heidi":
        # heidi's calendar also received an invitation by scheduling: replay only her own PUTs.
        writes = [e for e in writes if "sabredav-" not in e["request"]["path"]]
    assert writes[0]["request"]["method"] == "MKCALENDAR"
    auth = HTTPBasicAuth(owner, owner)
    for entry in writes:
        request = entry["request"]
        headers = {k: v for k, v in request["headers"] if k.lower() in ("content-type",)}
        path = target + request["path"][len(source):]
        response = requests.request(request["method"], sabre_stack.base_url + path,
                                    data=(request.get("body") or "").encode() or None, headers=headers, auth=auth,
                                    timeout=30)
        assert response.status_code == entry["response"]["status"], f"{request['method']} {path}: {response.text}"
        if request["method"] == "PUT":
            assert response.headers.get("ETag") == header(entry["response"]["headers"], "ETag")

    columns = "o.uri, o.etag, o.size, o.uid, o.componenttype, IFNULL(o.firstoccurence,'-'), IFNULL(o.lastoccurence,'-')"

    def objects(uri):
        return sorted(sabre_rows(sabre_stack, f"SELECT {columns} FROM calendarobjects o JOIN calendarinstances ci "
                                              f"ON ci.calendarid = o.calendarid WHERE ci.principaluri = "
                                              f"'principals/{owner}' AND ci.uri = '{uri}'"))

    def changes(uri):
        return sabre_rows(sabre_stack, "SELECT ch.uri, ch.operation, ch.synctoken FROM calendarchanges ch JOIN "
                                       "calendarinstances ci ON ci.calendarid = ch.calendarid WHERE ci.principaluri = "
                                       f"'principals/{owner}' AND ci.uri = '{uri}' ORDER BY ch.id")

    def synctoken(uri):
        return sabre_rows(sabre_stack, "SELECT c.synctoken, c.components FROM calendars c JOIN calendarinstances ci "
                                       f"ON ci.calendarid = c.id WHERE ci.principaluri = 'principals/{owner}' "
                                       f"AND ci.uri = '{uri}'")

    replay_uri = target.rstrip("/").rsplit("/", 1)[1]
    sabre_objects = [r for r in objects(calendar) if not r[0].startswith("sabredav-")]
    assert objects(replay_uri) == sabre_objects
    sabre_changes = [r for r in changes(calendar) if not r[0].startswith("sabredav-")]
    if owner != "heidi":
        assert changes(replay_uri) == sabre_changes
        assert synctoken(replay_uri) == synctoken(calendar)
    else:
        assert [r[:2] for r in changes(replay_uri)] == [r[:2] for r in sabre_changes]


def test_sync_from_sabres_last_token_returns_only_later_changes(sabre_stack, unique):
    """grace's calendar (no other test file writes there): sabre's last token for it comes from p17."""
    final = exchange("p17-final-state", "PROPFIND", "/calendars/grace/")["response"]["body"]
    token = found_properties(final)["/calendars/grace/calendar/"][DAV + "sync-token"][1]
    number = int(token.rsplit("/", 1)[1])
    auth = HTTPBasicAuth("grace", "grace")
    base = sabre_stack.base_url + "/calendars/grace/calendar/"
    report = ('<D:sync-collection xmlns:D="DAV:"><D:sync-token>' + token + '</D:sync-token>'
              '<D:sync-level>1</D:sync-level><D:prop><D:getetag/></D:prop></D:sync-collection>')
    before = requests.request("REPORT", base, data=report, headers={"Depth": "0"}, auth=auth, timeout=30)
    assert before.status_code == 207 and "<d:response>" not in before.text
    uid = unique("after-sabre")
    body = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Almanac e2e//EN\r\nBEGIN:VEVENT\r\n"
            f"UID:{uid}\r\nDTSTAMP:20270101T000000Z\r\nDTSTART:20270501T090000Z\r\nDTEND:20270501T100000Z\r\n"
            "SUMMARY:After migration\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    put = requests.put(base + uid + ".ics", data=body.encode(), headers={"Content-Type": "text/calendar"},
                       auth=auth, timeout=30)
    assert put.status_code == 201
    response = requests.request("REPORT", base, data=report, headers={"Depth": "0"}, auth=auth, timeout=30)
    assert response.status_code == 207
    tree = ET.fromstring(response.text)
    hrefs = [r.findtext(DAV + "href") for r in tree.iter(DAV + "response")]
    assert hrefs == [f"/calendars/grace/calendar/{uid}.ics"]
    assert tree.findtext(DAV + "sync-token") == f"http://sabre.io/ns/sync/{number + 1}"
    rows = sabre_rows(sabre_stack, "SELECT ch.uri, ch.synctoken, ch.operation FROM calendarchanges ch JOIN "
                                   "calendarinstances ci ON ci.calendarid = ch.calendarid WHERE ci.principaluri = "
                                   "'principals/grace' AND ci.uri = 'calendar' ORDER BY ch.id DESC LIMIT 1")
    assert rows == [[f"{uid}.ics", str(number), "1"]]
