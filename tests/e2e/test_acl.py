"""Access control through the whole stack (nginx -> FastCGI -> MariaDB): issue 4's negative matrix.

Runs against a live Almanac. The harness (or a person) says where it is:

  ALMANAC_URL        base URL, e.g. http://127.0.0.1:8080/   (or a pytest fixture `almanac_url`)
  ALMANAC_E2E_USERS  three existing users as name:password pairs, default alice:alice,bob:bob,carol:carol

Each test makes its own calendar in the first user's home and deletes it afterwards, so the
tests can run against a database that is in use.
"""

import os
import uuid
from urllib.parse import urlparse
import xml.etree.ElementTree as ET

import pytest
import requests

NS = {"d": "DAV:", "c": "urn:ietf:params:xml:ns:caldav", "cs": "http://calendarserver.org/ns/"}


@pytest.fixture(scope="module")
def base_url(request):
    url = os.environ.get("ALMANAC_URL")
    if not url:
        try:
            url = request.getfixturevalue("almanac_url")
        except pytest.FixtureLookupError:
            pytest.skip("no running Almanac: set ALMANAC_URL")
    return url.rstrip("/")


@pytest.fixture(scope="module")
def users():
    pairs = os.environ.get("ALMANAC_E2E_USERS", "alice:alice,bob:bob,carol:carol").split(",")
    return [tuple(pair.split(":", 1)) for pair in pairs]


class Client:
    def __init__(self, base, user, password):
        self.base, self.user = base, user
        self.session = requests.Session()
        self.session.auth = (user, password)

    def __call__(self, method, path, body=None, headers=None):
        data = body.encode() if isinstance(body, str) else body
        return self.session.request(method, self.base + path, data=data, headers=headers or {}, allow_redirects=False)


def event(uid, summary="Meeting"):
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//e2e//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{uid}\r\nDTSTAMP:20261125T082437Z\r\nSUMMARY:{summary}\r\n"
        "DTSTART:20270203T150000Z\r\nDTEND:20270203T160000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def members(base_path, names):
    hrefs = "".join(f"<D:href>{base_path}principals/{n}/</D:href>" for n in names)
    return (
        '<?xml version="1.0" encoding="utf-8"?><D:propertyupdate xmlns:D="DAV:"><D:set><D:prop>'
        f"<D:group-member-set>{hrefs}</D:group-member-set></D:prop></D:set></D:propertyupdate>"
    )


PROPPATCH = (
    '<?xml version="1.0" encoding="utf-8"?><D:propertyupdate xmlns:D="DAV:"><D:set><D:prop>'
    "<D:displayname>Hacked</D:displayname></D:prop></D:set></D:propertyupdate>"
)
QUERY = (
    '<?xml version="1.0" encoding="utf-8"?><C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
    '<D:prop><D:getetag/></D:prop><C:filter><C:comp-filter name="VCALENDAR"/></C:filter></C:calendar-query>'
)
PROPFIND = '<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:"><D:prop><D:displayname/></D:prop></D:propfind>'


@pytest.fixture
def space(base_url, users):
    """alice's fresh calendar with one event; clients for alice, bob and carol; proxy groups emptied after."""
    (a, ap), (b, bp), (c, cp) = users[:3]
    alice, bob, carol = Client(base_url, a, ap), Client(base_url, b, bp), Client(base_url, c, cp)
    base_path = urlparse(base_url).path.rstrip("/") + "/"
    name = "acl-" + uuid.uuid4().hex[:12]
    calendar = f"/calendars/{a}/{name}/"
    assert alice("MKCALENDAR", calendar).status_code == 201
    assert alice("PUT", calendar + "a.ics", event("a-" + name), {"Content-Type": "text/calendar"}).status_code == 201
    yield {
        "alice": alice, "bob": bob, "carol": carol, "calendar": calendar, "base_path": base_path, "owner": a,
        "uid": "a-" + name,
    }
    for group in ("calendar-proxy-read", "calendar-proxy-write"):
        alice("PROPPATCH", f"/principals/{a}/{group}/", members(base_path, []))
    alice("DELETE", calendar)


def refused(response):
    return response.status_code == 403 and b"need-privileges" in response.content


def test_stranger_cannot_touch_anything(space):
    bob, cal, owner = space["bob"], space["calendar"], space["owner"]
    home = f"/calendars/{owner}/"
    attempts = [
        ("PROPFIND", home, PROPFIND, {"Depth": "1"}),
        ("PROPFIND", cal, PROPFIND, {"Depth": "1"}),
        ("PROPFIND", f"/calendars/{owner}/inbox/", PROPFIND, {"Depth": "1"}),
        ("GET", cal + "a.ics", None, {}),
        ("PUT", cal + "a.ics", event("a"), {"Content-Type": "text/calendar"}),
        ("PUT", cal + "new.ics", event("new"), {"Content-Type": "text/calendar"}),
        ("DELETE", cal + "a.ics", None, {}),
        ("DELETE", cal, None, {}),
        ("REPORT", cal, QUERY, {"Depth": "1"}),
        ("PROPPATCH", cal, PROPPATCH, {}),
        ("MKCALENDAR", f"/calendars/{owner}/bobs-{uuid.uuid4().hex[:6]}/", None, {}),
    ]
    for method, path, body, headers in attempts:
        response = bob(method, path, body, headers)
        assert refused(response), f"{method} {path}: {response.status_code} {response.text[:200]}"
    # Moving one of bob's own objects into alice's calendar is refused too.
    bob_cal = f"/calendars/{bob.user}/acl-{uuid.uuid4().hex[:8]}/"
    assert bob("MKCALENDAR", bob_cal).status_code == 201
    try:
        assert bob("PUT", bob_cal + "b.ics", event("b-" + bob_cal), {"Content-Type": "text/calendar"}).status_code == 201
        move = bob("MOVE", bob_cal + "b.ics", None, {"Destination": bob.base + cal + "b.ics"})
        assert refused(move)
    finally:
        bob("DELETE", bob_cal)
    # Nothing changed.
    assert "SUMMARY:Meeting" in space["alice"]("GET", cal + "a.ics").text
    assert space["alice"]("GET", cal + "new.ics").status_code == 404


def test_read_proxy_reads_but_cannot_write(space):
    alice, bob, carol, cal, owner = space["alice"], space["bob"], space["carol"], space["calendar"], space["owner"]
    group = f"/principals/{owner}/calendar-proxy-read/"
    assert bob("PROPPATCH", group, members(space["base_path"], [bob.user])).status_code == 403
    assert alice("PROPPATCH", group, members(space["base_path"], [bob.user])).status_code == 207
    assert bob("GET", cal + "a.ics").status_code == 200
    assert bob("PROPFIND", cal, PROPFIND, {"Depth": "1"}).status_code == 207
    assert refused(bob("PUT", cal + "a.ics", event("a", "X"), {"Content-Type": "text/calendar"}))
    assert refused(bob("PUT", cal + "n.ics", event("n"), {"Content-Type": "text/calendar"}))
    assert refused(bob("DELETE", cal + "a.ics"))
    assert refused(bob("PROPPATCH", cal, PROPPATCH))
    assert refused(carol("GET", cal + "a.ics"))


def test_write_proxy_writes(space):
    alice, bob, cal, owner = space["alice"], space["bob"], space["calendar"], space["owner"]
    group = f"/principals/{owner}/calendar-proxy-write/"
    assert alice("PROPPATCH", group, members(space["base_path"], [bob.user])).status_code == 207
    assert bob("PUT", cal + "n.ics", event("n-" + cal), {"Content-Type": "text/calendar"}).status_code == 201
    assert bob("DELETE", cal + "n.ics").status_code == 204
    assert refused(bob("PROPPATCH", f"/principals/{owner}/", PROPPATCH))


def test_read_sharee_cannot_write_and_unshare_removes(space):
    alice, bob, cal = space["alice"], space["bob"], space["calendar"]
    share = (
        '<?xml version="1.0" encoding="utf-8"?><D:share-resource xmlns:D="DAV:"><D:sharee>'
        f"<D:href>{space['base_path']}principals/{bob.user}/</D:href><D:share-access><D:read/></D:share-access>"
        "</D:sharee></D:share-resource>"
    )
    assert alice("POST", cal, share, {"Content-Type": "application/davsharing+xml"}).status_code == 200
    home = bob("PROPFIND", f"/calendars/{bob.user}/", '<?xml version="1.0"?><D:propfind xmlns:D="DAV:"><D:prop><D:share-resource-uri/></D:prop></D:propfind>', {"Depth": "1"})
    tree = ET.fromstring(home.content)
    shared = [
        r.find("d:href", NS).text
        for r in tree.findall("d:response", NS)
        if (r.find(".//d:share-resource-uri/d:href", NS) is not None and r.find(".//d:share-resource-uri/d:href", NS).text.endswith(cal))
    ]
    assert len(shared) == 1
    mine = shared[0].split("//", 1)[-1]
    mine = mine[mine.index("/calendars/"):]
    assert bob("GET", mine + "a.ics").status_code == 200
    assert refused(bob("PUT", mine + "b.ics", event("b"), {"Content-Type": "text/calendar"}))
    unshare = share.replace("<D:read/>", "<D:no-access/>")
    assert alice("POST", cal, unshare, {"Content-Type": "application/davsharing+xml"}).status_code == 200
    assert bob("GET", mine + "a.ics").status_code in (403, 404)


def test_dead_properties_stay_private(space):
    alice, bob, owner = space["alice"], space["bob"], space["owner"]
    secret = uuid.uuid4().hex
    set_body = (
        '<?xml version="1.0" encoding="utf-8"?><D:propertyupdate xmlns:D="DAV:" xmlns:X="urn:almanac:e2e"><D:set><D:prop>'
        f"<X:note>{secret}</X:note></D:prop></D:set></D:propertyupdate>"
    )
    assert alice("PROPPATCH", f"/principals/{owner}/", set_body).status_code == 207
    try:
        response = bob("PROPFIND", f"/principals/{owner}/", None, {"Depth": "0"})
        assert response.status_code == 207
        assert secret not in response.text
        assert secret in alice("PROPFIND", f"/principals/{owner}/", None, {"Depth": "0"}).text
    finally:
        remove = set_body.replace("<D:set>", "<D:remove>").replace("</D:set>", "</D:remove>")
        alice("PROPPATCH", f"/principals/{owner}/", remove)


LOCKINFO = (
    '<?xml version="1.0" encoding="utf-8"?><D:lockinfo xmlns:D="DAV:"><D:lockscope><D:exclusive/></D:lockscope>'
    "<D:locktype><D:write/></D:locktype><D:owner><D:href>mailto:e2e@example.com</D:href></D:owner></D:lockinfo>"
)


def test_locks_and_if_header(space):
    alice, bob, cal = space["alice"], space["bob"], space["calendar"]
    path, uid = cal + "a.ics", space["uid"]
    lock = alice("LOCK", path, LOCKINFO, {"Timeout": "Second-120", "Depth": "0"})
    assert lock.status_code == 200
    token = lock.headers["Lock-Token"]
    assert token.startswith("<opaquelocktoken:") and token.endswith(">")
    assert alice("LOCK", path, LOCKINFO, {"Depth": "0"}).status_code == 423
    ics = {"Content-Type": "text/calendar"}
    locked = alice("PUT", path, event(uid, "X"), ics)
    assert locked.status_code == 423 and b"lock-token-submitted" in locked.content
    assert alice("PUT", path, event(uid, "X"), {**ics, "If": "(<opaquelocktoken:nope>)"}).status_code == 412
    assert alice("PUT", path, event(uid, "Y"), {**ics, "If": f"({token})"}).status_code == 204
    etag = alice("GET", path).headers["ETag"]
    assert alice("PUT", path, event(uid, "Z"), {**ics, "If": f'({token} ["wrong"])'}).status_code == 412
    assert alice("PUT", path, event(uid, "Z"), {**ics, "If": f"({token} [{etag}])"}).status_code == 204
    assert refused(bob("PUT", path, event(uid, "B"), {**ics, "If": f"({token})"}))
    assert refused(bob("UNLOCK", path, None, {"Lock-Token": token}))
    assert alice("DELETE", path).status_code == 423
    discovery = alice(
        "PROPFIND", path,
        '<?xml version="1.0"?><D:propfind xmlns:D="DAV:"><D:prop><D:lockdiscovery/><D:supportedlock/></D:prop></D:propfind>',
        {"Depth": "0"})
    assert token[1:-1] in discovery.text and "<d:exclusive/>" in discovery.text
    assert alice("UNLOCK", path, None, {"Lock-Token": token}).status_code == 204
    assert alice("DELETE", path).status_code == 204
    assert alice("LOCK", cal + "nothing-here.ics", LOCKINFO, {"Depth": "0"}).status_code == 409


def test_delegation_discovery_and_principal_search(space):
    alice, bob, owner = space["alice"], space["bob"], space["owner"]
    group = f"/principals/{owner}/calendar-proxy-write/"
    assert alice("PROPPATCH", group, members(space["base_path"], [bob.user])).status_code == 207
    expand = (
        '<?xml version="1.0" encoding="utf-8"?><D:expand-property xmlns:D="DAV:">'
        '<D:property name="calendar-proxy-write-for" namespace="http://calendarserver.org/ns/">'
        '<D:property name="displayname"/><D:property name="calendar-user-address-set" namespace="urn:ietf:params:xml:ns:caldav"/>'
        "</D:property></D:expand-property>"
    )
    response = bob("REPORT", f"/principals/{bob.user}/", expand, {"Depth": "0"})
    assert response.status_code == 207
    assert f"/principals/{owner}/" in response.text
    search = (
        '<?xml version="1.0" encoding="utf-8"?><D:principal-property-search xmlns:D="DAV:" '
        'xmlns:C="urn:ietf:params:xml:ns:caldav" test="anyof"><D:property-search><D:prop><C:calendar-user-address-set/>'
        f"</D:prop><D:match>{owner}</D:match></D:property-search><D:prop><D:displayname/></D:prop>"
        "</D:principal-property-search>"
    )
    found = bob("REPORT", "/principals/", search, {"Depth": "0"})
    assert found.status_code == 207 and f"/principals/{owner}/" in found.text
    listing = bob("PROPFIND", "/principals/", PROPFIND, {"Depth": "1"})
    assert f"/principals/{owner}/" in listing.text and "calendar-proxy" not in listing.text


def test_calendarserver_share_and_reply(space):
    alice, bob, carol, cal = space["alice"], space["bob"], space["carol"], space["calendar"]
    share = (
        '<?xml version="1.0" encoding="utf-8"?><CS:share xmlns:D="DAV:" xmlns:CS="http://calendarserver.org/ns/">'
        f"<CS:set><D:href>{space['base_path']}principals/{bob.user}/</D:href><CS:read-write/></CS:set></CS:share>"
    )
    assert refused(carol("POST", cal, share, {"Content-Type": "application/xml"}))
    assert alice("POST", cal, share, {"Content-Type": "application/xml"}).status_code == 200
    reply = (
        '<?xml version="1.0" encoding="utf-8"?><CS:invite-reply xmlns:D="DAV:" xmlns:CS="http://calendarserver.org/ns/">'
        f"<D:href>mailto:x</D:href><CS:invite-accepted/><CS:hosturl><D:href>{space['base_path']}{cal[1:]}</D:href>"
        "</CS:hosturl><CS:in-reply-to>x</CS:in-reply-to></CS:invite-reply>"
    )
    accepted = bob("POST", f"/calendars/{bob.user}/", reply, {"Content-Type": "application/xml"})
    assert accepted.status_code == 200
    shared_as = ET.fromstring(accepted.content).find("d:href", NS).text
    mine = shared_as[shared_as.index("/calendars/"):]
    assert bob("PUT", mine + "b.ics", event("b-" + mine), {"Content-Type": "text/calendar"}).status_code == 201
    assert alice("GET", cal + "b.ics").status_code == 200
    invite = alice("PROPFIND", cal, '<?xml version="1.0"?><D:propfind xmlns:D="DAV:" xmlns:CS="http://calendarserver.org/ns/"><D:prop><CS:invite/></D:prop></D:propfind>', {"Depth": "0"})
    assert "<cs:read-write/>" in invite.text
    remove = share.replace("<CS:set>", "<CS:remove>").replace("<CS:read-write/></CS:set>", "</CS:remove>")
    assert alice("POST", cal, remove, {"Content-Type": "application/xml"}).status_code == 200
    assert bob("GET", mine + "b.ics").status_code in (403, 404)
