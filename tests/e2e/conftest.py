"""Fixtures for the end-to-end suite. See tests/e2e/README.md.

One session = one private MariaDB, one database with the schema and the users
below, one `almanac serve`, one nginx (and an Apache on demand). Tests share
that server: give calendars and objects unique names (uuid4) so tests do not
depend on each other.
"""
import os
import shutil
import uuid

import pytest
import requests
from requests.auth import HTTPBasicAuth, HTTPDigestAuth

import harness

# name -> (password, email, display name); each gets calendar /calendars/NAME/default/.
USERS = {
    "alice": ("alice-secret", "alice@example.com", "Alice Adams"),
    "bob": ("bob-secret", "bob@example.com", "Bob Brown"),
    "carol": ("carol-secret", "carol@example.com", "Carol Clark"),
}

# Tests written against a live server (test_acl.py) read their users from here.
os.environ.setdefault("ALMANAC_E2E_USERS", ",".join(f"{name}:{spec[0]}" for name, spec in USERS.items()))

# shared/ sits beside the project root (in CI too: a fresh clone with shared/ next to it).
SABRE_DUMP = str(harness.ROOT.parent / "shared" / "fixtures" / "sabre-4.7.1-public" / "sabre-public-dataset.sql")


@pytest.fixture(scope="session")
def e2e_dir():
    """A fresh directory for every process of this session (kept if ALMANAC_KEEP_E2E=1)."""
    path = harness.make_dir("almanac-e2e-")
    yield path
    harness.remove(path)


@pytest.fixture(scope="session")
def mariadb(e2e_dir):
    """The session's private MariaDB (harness.MariaDB: .url(db), .sql(stmt, db), .load(db, file))."""
    server = harness.MariaDB(e2e_dir / "mariadb")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def db_url(mariadb):
    """URL of the main test database: schema from `almanac db init`, USERS from `almanac user add`."""
    url = mariadb.create_database("almanac_e2e")
    harness.almanac(url, "db", "init")
    for name, (password, email, display) in USERS.items():
        harness.almanac(url, "user", "add", name, "--password", password, "--email", email, "--display-name", display)
    return url


@pytest.fixture(scope="session")
def almanac_cli(db_url):
    """almanac_cli("user", "list") runs the CLI against the main test database (CompletedProcess)."""
    return lambda *args, check=True: harness.almanac(db_url, *args, check=check)


@pytest.fixture(scope="session")
def responder(e2e_dir, db_url):
    """`almanac serve` on a unix socket (harness.Responder: .socket, .process)."""
    directory = e2e_dir / "almanac"
    directory.mkdir()
    directory.chmod(0o755)
    server = harness.Responder(directory, db_url)
    yield server
    status = server.stop()
    assert status == 0, "almanac serve did not exit cleanly on SIGTERM"


@pytest.fixture(scope="session")
def nginx(e2e_dir, responder):
    """nginx in front of the responder (harness.Nginx: .base_url, .port)."""
    directory = e2e_dir / "nginx"
    directory.mkdir()
    server = harness.Nginx(directory, responder.socket)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def base_url(nginx):
    """http://127.0.0.1:PORT of the nginx front (no trailing slash)."""
    return nginx.base_url


@pytest.fixture(scope="session")
def almanac_url(base_url):
    """The same as base_url, under the name tests written for a live server look for."""
    return base_url


@pytest.fixture(scope="session")
def apache_url(e2e_dir, responder):
    """http://127.0.0.1:PORT of an Apache (mod_proxy_fcgi) front on the same responder."""
    directory = e2e_dir / "apache"
    directory.mkdir()
    directory.chmod(0o755)
    server = harness.Apache(directory, responder.socket)
    yield server.base_url
    server.stop()


@pytest.fixture(scope="session")
def fcgid_url(e2e_dir, mariadb, db_url):
    """http://127.0.0.1:PORT of an Apache whose mod_fcgid spawns `almanac serve --listen fd0`
    on the main test database (through a password login: the processes run as www-data)."""
    directory = e2e_dir / "fcgid"
    directory.mkdir()
    directory.chmod(0o755)
    mariadb.sql("CREATE USER IF NOT EXISTS 'almanac'@'localhost' IDENTIFIED BY 'fcgid-pw';"
                " GRANT ALL ON almanac_e2e.* TO 'almanac'@'localhost'")
    config = directory / "almanac.conf"
    config.write_text(f"db_url = mysql://almanac:fcgid-pw@localhost/almanac_e2e?socket={mariadb.socket}\n"
                      "digest_secret = e2e-fcgid-secret\nlog_level = warning\n")
    config.chmod(0o644)
    # A copy of the binary, so www-data can run it even from a private checkout.
    binary = directory / "almanac"
    shutil.copy2(harness.almanac_binary(), binary)
    binary.chmod(0o755)
    server = harness.Apache(directory, fcgid_config=config, binary=binary)
    yield server.base_url
    server.stop()


class DAV:
    """A requests.Session bound to a base URL, with WebDAV helpers.

    dav.request("PROPFIND", "/calendars/alice/", body=xml, depth=1) -> requests.Response
    Paths are joined to the base URL; absolute URLs are used as they are.
    """

    def __init__(self, base, auth=None):
        self.base = base
        self.session = requests.Session()
        self.session.auth = auth

    def url(self, path):
        return path if path.startswith("http") else self.base + path

    def request(self, method, path, body=None, headers=None, depth=None, **kwargs):
        headers = dict(headers or {})
        if depth is not None:
            headers["Depth"] = str(depth)
        if isinstance(body, str):
            body = body.encode()
            if method in ("PROPFIND", "PROPPATCH", "REPORT", "MKCALENDAR", "MKCOL"):
                headers.setdefault("Content-Type", "application/xml; charset=utf-8")
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", 30)
        return self.session.request(method, self.url(path), data=body, headers=headers, **kwargs)

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def put(self, path, body, content_type="text/calendar; charset=utf-8", headers=None, **kw):
        headers = dict(headers or {})
        headers.setdefault("Content-Type", content_type)
        return self.request("PUT", path, body=body, headers=headers, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)

    def propfind(self, path, body=None, depth=0, **kw):
        return self.request("PROPFIND", path, body=body, depth=depth, **kw)

    def report(self, path, body, depth=None, **kw):
        return self.request("REPORT", path, body=body, depth=depth, **kw)


@pytest.fixture
def dav(base_url):
    """dav(user="alice", digest=False, password=None, base=None) -> DAV with that user's credentials.
    dav(None) gives an anonymous client."""

    def make(user="alice", digest=False, password=None, base=None):
        auth = None
        if user is not None:
            secret = password if password is not None else USERS[user][0]
            auth = HTTPDigestAuth(user, secret) if digest else HTTPBasicAuth(user, secret)
        return DAV(base or base_url, auth)

    return make


@pytest.fixture
def unique():
    """A fresh lower-case name (uuid4 hex) for calendars, objects and UIDs."""
    return lambda prefix="t": f"{prefix}-{uuid.uuid4().hex}"


@pytest.fixture(scope="session")
def sabre_db(mariadb):
    """URL of a database holding the real sabre/dav 4.7.1 dump, untouched (not upgraded)."""
    mariadb.sql("CREATE DATABASE sabre_public CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci")
    mariadb.load("sabre_public", SABRE_DUMP)
    return mariadb.url("sabre_public")


@pytest.fixture(scope="session")
def sabre_stack(e2e_dir, mariadb):
    """Almanac serving a copy of the sabre dump (after `almanac db upgrade`) behind its own nginx.

    Yields an object with .base_url, .db_url, .database (name) and .mariadb.
    """
    mariadb.sql("CREATE DATABASE sabre_served CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci")
    mariadb.load("sabre_served", SABRE_DUMP)
    url = mariadb.url("sabre_served")
    harness.almanac(url, "db", "upgrade")
    directory = e2e_dir / "sabre"
    directory.mkdir()
    directory.chmod(0o755)
    (directory / "nginx").mkdir()
    responder = harness.Responder(directory, url)
    front = harness.Nginx(directory / "nginx", responder.socket)

    class Stack:
        base_url = front.base_url
        db_url = url
        database = "sabre_served"

    Stack.mariadb = mariadb
    yield Stack
    front.stop()
    responder.stop()
