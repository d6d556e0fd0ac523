"""Small HTTP client for seeding and pre-flight checks (stdlib only)."""

from __future__ import annotations

import base64
import http.client
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass


def basic(user: str, password: str) -> str:
    """An HTTP Basic Authorization value."""
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


class Client:
    """One keep-alive connection to 127.0.0.1:port; reconnects when closed."""

    def __init__(self, port: int, user: str | None = None, password: str | None = None, timeout: float = 120):
        self.port = port
        self.timeout = timeout
        self.auth = basic(user, password) if user else None
        self.conn: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, body: bytes | str | None = None,
                headers: dict[str, str] | None = None) -> Reply:
        if isinstance(body, str):
            body = body.encode()
        h = dict(headers or {})
        if self.auth and "Authorization" not in h:
            h["Authorization"] = self.auth
        for attempt in range(2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            try:
                self.conn.request(method, path, body=body, headers=h)
                r = self.conn.getresponse()
                data = r.read()
                reply = Reply(r.status, {k.lower(): v for k, v in r.getheaders()}, data)
                if r.getheader("Connection", "").lower() == "close":
                    self.close()
                return reply
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.close()
                if attempt:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.conn:
            self.conn.close()
            self.conn = None


def put_all(port: int, items, credentials, prefix, threads: int = 8, retries: list | None = None) -> list:
    """PUT every (user, calendar, name, body) in parallel over keep-alive
    connections, retrying a 503 up to 3 times (noted in `retries`); returns the
    failures as (path, status, body)."""
    items = list(items)
    failures: list = []
    retries = [] if retries is None else retries
    lock = threading.Lock()
    chunks = [items[i::threads] for i in range(threads)]

    def work(chunk):
        clients: dict[int, Client] = {}
        for o in chunk:
            c = clients.get(o.user)
            if c is None:
                user, password = credentials(o.user)
                c = clients[o.user] = Client(port, user, password)
            path = prefix(o.user, o.calendar) + o.name
            for attempt in range(4):
                r = c.request("PUT", path, o.body, {"Content-Type": "text/calendar; charset=utf-8"})
                if r.status != 503:
                    break
                with lock:  # a transient failure (e.g. a deadlock) a client would retry
                    retries.append((path, r.body[:200]))
            if r.status not in (200, 201, 204):
                with lock:
                    failures.append((path, r.status, r.body[:300]))
        for c in clients.values():
            c.close()

    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(work, chunks))
    return failures
