"""Digest nonces across responders: with no digest_secret configured, every `almanac serve`
on one database shares the secret kept in almanac_settings, so a nonce one process issued
is accepted by another (mod_fcgid runs many processes; RFC 7616 section 3.3)."""
import hashlib
import re

import pytest
import requests

import harness
from conftest import USERS


def _challenge(base_url, path):
    response = requests.request("PROPFIND", base_url + path, headers={"Depth": "0"})
    assert response.status_code == 401
    header = response.headers["WWW-Authenticate"]
    digest = header[header.index("Digest"):]
    return dict(re.findall(r'(\w+)="([^"]*)"', digest))


def _authorization(user, password, method, path, challenge):
    md5 = lambda text: hashlib.md5(text.encode()).hexdigest()
    ha1 = md5(f"{user}:{challenge['realm']}:{password}")
    ha2 = md5(f"{method}:{path}")
    nc, cnonce = "00000001", "0a4f113b"
    response = md5(f"{ha1}:{challenge['nonce']}:{nc}:{cnonce}:auth:{ha2}")
    return (f'Digest username="{user}", realm="{challenge["realm"]}", nonce="{challenge["nonce"]}", '
            f'uri="{path}", qop=auth, nc={nc}, cnonce="{cnonce}", response="{response}", '
            f'opaque="{challenge["opaque"]}", algorithm=MD5')


@pytest.fixture(scope="module")
def second_front(e2e_dir, db_url, responder):
    """Another `almanac serve` process (its own nginx) on the main test database."""
    directory = e2e_dir / "second-responder"
    directory.mkdir()
    directory.chmod(0o755)
    server = harness.Responder(directory, db_url, workers=1)
    front_dir = e2e_dir / "second-nginx"
    front_dir.mkdir()
    front = harness.Nginx(front_dir, server.socket)
    yield front.base_url
    front.stop()
    assert server.stop() == 0


@pytest.mark.parametrize("order", ["first-then-second", "second-then-first"])
def test_nonce_from_one_responder_is_accepted_by_another(base_url, second_front, order):
    issuer, verifier = (base_url, second_front) if order == "first-then-second" else (second_front, base_url)
    path = "/calendars/alice/"
    challenge = _challenge(issuer, path)
    authorization = _authorization("alice", USERS["alice"][0], "PROPFIND", path, challenge)
    response = requests.request(
        "PROPFIND", verifier + path, headers={"Depth": "0", "Authorization": authorization})
    assert response.status_code == 207, response.headers.get("WWW-Authenticate")
    assert "stale" not in response.headers.get("WWW-Authenticate", "")


def test_secret_is_stored_once(mariadb, responder, second_front):
    rows = mariadb.sql("SELECT COUNT(*), MIN(LENGTH(value)) FROM almanac_settings WHERE name = 'digest_secret'",
                       database="almanac_e2e")
    assert rows.split() == ["1", "64"]
