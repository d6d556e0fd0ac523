"""The stack itself: nginx/Apache -> FastCGI -> almanac -> MariaDB, and the CLI."""
import hashlib

import harness
from conftest import SABRE_DUMP, USERS

EVENT = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Almanac e2e//EN\r\nBEGIN:VEVENT\r\nUID:{uid}\r\n"
    "DTSTAMP:20270101T000000Z\r\nDTSTART:20270203T163000Z\r\nDTEND:20270203T173000Z\r\n"
    "SUMMARY:Stack test\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)

PROPFIND_NAME = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<D:propfind xmlns:D="DAV:"><D:prop><D:displayname/><D:resourcetype/></D:prop></D:propfind>'
)


def test_options_needs_no_auth(dav):
    response = dav(None).request("OPTIONS", "/")
    assert response.status_code == 200
    assert "calendar-access" in response.headers.get("DAV", "")


def test_unauthenticated_request_gets_basic_and_digest_challenges(dav):
    response = dav(None).propfind("/calendars/alice/", PROPFIND_NAME, depth=0)
    assert response.status_code == 401
    challenges = response.headers.get("WWW-Authenticate", "")
    assert "Basic" in challenges and "Digest" in challenges
    assert 'realm="SabreDAV"' in challenges


def test_wrong_password_is_refused(dav):
    assert dav("alice", password="wrong").propfind("/calendars/alice/", PROPFIND_NAME).status_code == 401


def test_basic_auth_lists_the_default_calendar(dav):
    response = dav("alice").propfind("/calendars/alice/", PROPFIND_NAME, depth=1)
    assert response.status_code == 207
    assert "/calendars/alice/default/" in response.text


def test_digest_auth(dav):
    response = dav("bob", digest=True).propfind("/calendars/bob/", PROPFIND_NAME, depth=1)
    assert response.status_code == 207
    assert "/calendars/bob/default/" in response.text


def test_well_known_caldav_redirects(dav):
    response = dav(None).request("PROPFIND", "/.well-known/caldav", body=PROPFIND_NAME, depth=0)
    assert response.status_code == 301
    assert response.headers["Location"].endswith("/")


def test_put_get_delete_write_rows_like_sabre(dav, mariadb, unique):
    client = dav("alice")
    uid = unique("uid")
    body = EVENT.format(uid=uid)
    path = f"/calendars/alice/default/{uid}.ics"
    put = client.put(path, body, headers={"If-None-Match": "*"})
    assert put.status_code == 201
    etag = hashlib.md5(body.encode()).hexdigest()
    assert put.headers.get("ETag") == f'"{etag}"'
    got = client.get(path)
    assert got.status_code == 200
    assert got.content == body.encode()
    row = mariadb.sql(
        f"SELECT etag, size, componenttype, uid, firstoccurence, lastoccurence FROM calendarobjects "
        f"WHERE uri = '{uid}.ics'", "almanac_e2e").split("\t")
    assert [value.strip() for value in row] == [etag, str(len(body)), "VEVENT", uid, "1801672200", "1801675800"]
    changes = mariadb.sql(f"SELECT operation FROM calendarchanges WHERE uri = '{uid}.ics' ORDER BY id", "almanac_e2e")
    assert changes.split() == ["1"]
    assert client.delete(path).status_code == 204
    assert client.get(path).status_code == 404
    changes = mariadb.sql(f"SELECT operation FROM calendarchanges WHERE uri = '{uid}.ics' ORDER BY id", "almanac_e2e")
    assert changes.split() == ["1", "3"]


def test_apache_mod_proxy_fcgi_passes_authorization(apache_url, dav):
    client = dav("carol", base=apache_url)
    response = client.propfind("/calendars/carol/", PROPFIND_NAME, depth=1)
    assert response.status_code == 207
    assert "/calendars/carol/default/" in response.text
    assert dav(None, base=apache_url).request("OPTIONS", "/").status_code == 200


def test_apache_digest_auth(apache_url, dav):
    response = dav("alice", digest=True, base=apache_url).propfind("/calendars/alice/", PROPFIND_NAME, depth=0)
    assert response.status_code == 207


def test_body_over_our_limit_gets_413_even_where_apache_forwards_it(apache_url, dav):
    # mod_proxy_fcgi does not enforce LimitRequestBody on forwarded bodies: almanac must.
    big = "X" * (10 * 1024 * 1024 + 1)
    response = dav("alice", base=apache_url).put("/calendars/alice/default/big.ics", big)
    assert response.status_code == 413


def test_nginx_body_limit(dav):
    big = "X" * (10 * 1024 * 1024 + 1)
    assert dav("alice").put("/calendars/alice/default/big.ics", big).status_code == 413


def test_responder_stops_cleanly_on_sigterm(e2e_dir, db_url):
    directory = e2e_dir / "shutdown"
    directory.mkdir()
    responder = harness.Responder(directory, db_url, workers=2)
    assert responder.socket.exists()
    assert responder.stop() == 0
    assert not responder.socket.exists()


def test_db_init_schema_matches_the_sabre_contract(almanac_cli):
    result = almanac_cli("db", "check")
    assert "OK: the sabre/dav 4.x tables match" in result.stdout
    assert "UPGRADE" not in result.stdout


def test_db_check_accepts_a_real_sabre_database(sabre_db):
    result = harness.almanac(sabre_db, "db", "check")
    assert result.returncode == 0
    assert "OK: the sabre/dav 4.x tables match" in result.stdout
    assert "DIFFERENT" not in result.stdout
    # Almanac's additions are reported as missing, not as differences.
    assert "UPGRADE: Almanac addition missing: column calendarobjects.almanac_scheduletag" in result.stdout


def test_db_check_names_each_difference(mariadb):
    url = mariadb.create_database("almanac_broken")
    harness.almanac(url, "db", "init")
    mariadb.sql("ALTER TABLE calendarobjects MODIFY etag VARBINARY(40); DROP TABLE cards;"
                " ALTER TABLE locks DROP INDEX token", "almanac_broken")
    result = harness.almanac(url, "db", "check", check=False)
    assert result.returncode == 1
    assert "column calendarobjects.etag: type is varbinary(40), expected varbinary(32)" in result.stdout
    assert "table cards: missing" in result.stdout
    assert "index locks.token: missing" in result.stdout


def test_db_upgrade_is_idempotent_and_keeps_sabre_tables(mariadb):
    mariadb.sql("CREATE DATABASE sabre_upgrade")
    mariadb.load("sabre_upgrade", SABRE_DUMP)
    url = mariadb.url("sabre_upgrade")
    before = mariadb.sql("SELECT id, etag FROM calendarobjects ORDER BY id", "sabre_upgrade")
    assert "added" in harness.almanac(url, "db", "upgrade").stdout
    assert "up to date" in harness.almanac(url, "db", "upgrade").stdout
    check = harness.almanac(url, "db", "check")
    assert "OK" in check.stdout and "UPGRADE" not in check.stdout
    assert mariadb.sql("SELECT id, etag FROM calendarobjects ORDER BY id", "sabre_upgrade") == before


def test_db_init_refuses_a_database_with_tables(sabre_db):
    result = harness.almanac(sabre_db, "db", "init", check=False)
    assert result.returncode != 0
    assert "not empty" in result.stderr + result.stdout


def test_user_cli_writes_sabre_rows(almanac_cli, mariadb, dav):
    almanac_cli("user", "add", "dave", "--password", "pw1", "--email", "dave@example.com")
    digest = hashlib.md5(b"dave:SabreDAV:pw1").hexdigest()
    assert mariadb.sql("SELECT digesta1 FROM users WHERE username = 'dave'", "almanac_e2e").strip() == digest
    principals = mariadb.sql("SELECT uri, IFNULL(email, '-') FROM principals WHERE uri LIKE 'principals/dave%' ORDER BY uri",
                             "almanac_e2e").splitlines()
    assert principals == ["principals/dave\tdave@example.com", "principals/dave/calendar-proxy-read\t-",
                          "principals/dave/calendar-proxy-write\t-"]
    calendar = mariadb.sql("SELECT ci.uri, ci.access, c.components, c.synctoken FROM calendarinstances ci "
                           "JOIN calendars c ON c.id = ci.calendarid WHERE ci.principaluri = 'principals/dave'",
                           "almanac_e2e").split()
    assert calendar == ["default", "1", "VEVENT,VTODO", "1"]
    assert "dave" in almanac_cli("user", "list").stdout
    assert dav("dave", password="pw1").propfind("/calendars/dave/", PROPFIND_NAME, depth=1).status_code == 207
    almanac_cli("user", "passwd", "dave", "--password", "pw2")
    assert dav("dave", password="pw1").propfind("/calendars/dave/", PROPFIND_NAME).status_code == 401
    assert dav("dave", password="pw2").propfind("/calendars/dave/", PROPFIND_NAME).status_code == 207
    almanac_cli("user", "delete", "dave")
    for table, where in [("users", "username = 'dave'"), ("principals", "uri LIKE 'principals/dave%'"),
                         ("calendarinstances", "principaluri = 'principals/dave'")]:
        assert mariadb.sql(f"SELECT COUNT(*) FROM {table} WHERE {where}", "almanac_e2e").strip() == "0"
    assert "dave" not in almanac_cli("user", "list").stdout


def test_sabre_database_served_as_is(sabre_stack, dav):
    client = dav("erin", password="erin", base=sabre_stack.base_url)
    response = client.get("/calendars/erin/calendar/e205eef4-a155-405b-a93a-347cab1d3b5a.ics")
    assert response.status_code == 200
    assert response.headers.get("ETag") == '"9c67df957a09e4bb570e6cf01bf2ee4d"'
    assert hashlib.md5(response.content).hexdigest() == "9c67df957a09e4bb570e6cf01bf2ee4d"


def test_users_fixture_is_complete(almanac_cli):
    listed = almanac_cli("user", "list").stdout
    for name, (_, email, _) in USERS.items():
        assert name in listed and email in listed


def test_apache_mod_fcgid_spawns_the_responder_on_fd0(fcgid_url, dav):
    assert dav(None, base=fcgid_url).request("OPTIONS", "/").status_code == 200
    response = dav("bob", base=fcgid_url).propfind("/calendars/bob/", PROPFIND_NAME, depth=1)
    assert response.status_code == 207
    assert "/calendars/bob/default/" in response.text
    assert dav("bob", digest=True, base=fcgid_url).propfind("/calendars/bob/", PROPFIND_NAME).status_code == 207
