"""Almanac on the real stack for the benchmark: private MariaDB, `almanac db
init`, `almanac user add`, `almanac serve` on a unix socket, nginx in front
(with the two ceiling locations), and the trivial FastCGI responder.

The command lines for the almanac binary live here and only here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import seed
from servers import ROOT, Ceiling, MariaDB, Nginx, Process, build_ceiling, free_port, wait_for

DATABASE = "almanac"


def binary() -> Path | None:
    """The almanac executable: $ALMANAC_BIN, else the release build."""
    explicit = os.environ.get("ALMANAC_BIN")
    if explicit:
        return Path(explicit)
    path = ROOT / ".build" / "release" / "almanac"
    return path if path.exists() else None


def workers() -> int:
    """Worker threads for both responders (Almanac's default: 2 x cores)."""
    return int(os.environ.get("BENCH_WORKERS", 2 * (os.cpu_count() or 1)))


class AlmanacStack:
    """Everything Almanac needs, under var/bench/<name>/."""

    def __init__(self, dir: Path, exe: Path | None):
        self.dir = dir
        self.exe = exe
        self.port = free_port()
        self.mariadb = MariaDB(dir / "mariadb")
        # Sockets and nginx under /tmp, like `make run`: nginx workers (www-data)
        # must traverse every folder above a socket, which a checkout may not allow.
        self.rundir = Path(tempfile.mkdtemp(prefix="almanac-bench-"))
        self.rundir.chmod(0o755)
        self.socket = self.rundir / "almanac.sock"
        self.ceiling_socket = self.rundir / "ceiling.sock"
        self.nginx = Nginx(self.rundir / "nginx", self.port, self.socket, self.ceiling_socket)
        self.ceiling: Ceiling | None = None
        self.serve: Process | None = None

    @property
    def env(self) -> dict[str, str]:
        return dict(os.environ, ALMANAC_DB_URL=self.mariadb.url(DATABASE), ALMANAC_CONFIG="none")

    def almanac(self, *args: str) -> subprocess.CompletedProcess:
        # cwd is our own folder: almanac reads ./var/almanac.conf, which belongs to `make run`.
        r = subprocess.run([str(self.exe), *args], env=self.env, capture_output=True, text=True, cwd=self.dir)
        if r.returncode != 0:
            raise RuntimeError(f"almanac {' '.join(args)} failed: {r.stderr.strip()[:800]}")
        return r

    def start_front(self) -> None:
        """nginx and the ceiling responder (works without Almanac), in a fresh folder."""
        if self.dir.exists():
            shutil.rmtree(self.dir)
        self.dir.mkdir(parents=True)
        self.ceiling = Ceiling(build_ceiling(ROOT / "bench" / "out"), self.ceiling_socket, workers(),
                               self.dir / "fcgi_hello.log")
        self.nginx.start()

    def start_almanac(self, users: int) -> None:
        """Private MariaDB with the schema and users, then `almanac serve`."""
        self.mariadb.start(fresh=True, database=DATABASE)
        self.almanac("db", "init")
        for u in range(users):
            name = seed.user_name(u)
            self.almanac("user", "add", name, "--password", name, "--email", seed.user_email(u),
                         "--display-name", f"Bench User {u:02d}")
        extra = os.environ.get("ALMANAC_SERVE_ARGS", "").split()
        self.serve = Process("almanac", [str(self.exe), "serve", "--listen", f"unix:{self.socket}",
                                         "--workers", str(workers()), *extra],
                             self.dir / "almanac.log", env=self.env, cwd=self.dir)
        wait_for(lambda: self.socket.exists() or not self.serve.alive(), "almanac socket")
        if not self.serve.alive():
            raise RuntimeError("almanac serve exited: " + self.serve.tail())
        os.chmod(self.socket, 0o777)

    def stop(self) -> None:
        self.stop_times = {}
        for name, part in (("nginx", self.nginx), ("almanac", self.serve), ("ceiling", self.ceiling),
                           ("mariadb", self.mariadb)):
            if part:
                t0 = time.monotonic()
                try:
                    part.stop()
                except Exception:  # keep stopping the rest
                    pass
                self.stop_times[name] = round(time.monotonic() - t0, 2)
        shutil.copytree(self.rundir / "nginx", self.dir / "nginx", dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("*_temp", "client_body", "fastcgi", "proxy", "uwsgi", "scgi"))
        shutil.rmtree(self.rundir, ignore_errors=True)
