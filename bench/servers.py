"""The processes `make bench` starts: MariaDB, almanac serve, nginx, the
FastCGI ceiling responder and Radicale. Every one runs on private paths under
var/bench/ and private loopback ports, and is stopped by its own pid.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"


def free_port() -> int:
    """A loopback TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(check, what: str, timeout: float = 30.0) -> None:
    """Poll check() until it is true or raise after timeout seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.05)
    raise RuntimeError(f"timed out waiting for {what}")


def port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0


class Process:
    """One child process with its log file; stop() ends exactly that pid."""

    def __init__(self, name: str, argv: list[str], log: Path, env: dict | None = None, cwd=None):
        self.name = name
        self.argv = argv
        log.parent.mkdir(parents=True, exist_ok=True)
        self.log = log
        self._out = open(log, "ab")
        self.proc = subprocess.Popen(argv, stdout=self._out, stderr=subprocess.STDOUT,
                                     env=env, cwd=cwd, start_new_session=True)

    @property
    def pid(self) -> int:
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc.poll() is None

    def tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self, sig=signal.SIGTERM, timeout: float = 10.0) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self._out.close()


class MariaDB:
    """A private mariadbd on a unix socket (no TCP), data under `dir`."""

    def __init__(self, dir: Path):
        self.dir = dir
        self.datadir = dir / "data"
        self.socket = dir / "mysqld.sock"
        self.process: Process | None = None
        self.script_pid: int | None = None

    SCRIPT = ROOT / "scripts" / "mariadb.sh"

    def start(self, fresh: bool = True, database: str = "almanac") -> None:
        """Start (and create `database`) with the stack's scripts/mariadb.sh when the
        tree has it (the same server settings as `make run`), else directly."""
        if fresh and self.dir.exists():
            shutil.rmtree(self.dir)
        self.dir.mkdir(parents=True, exist_ok=True)
        if self.SCRIPT.exists():
            subprocess.run(["bash", str(self.SCRIPT), "start", str(self.dir), database], check=True)
            self.script_pid = int((self.dir / "mysqld.pid").read_text().strip())
            return
        if not (self.datadir / "mysql").exists():
            subprocess.run(["mariadb-install-db", "--no-defaults", "--user=root", f"--datadir={self.datadir}",
                            "--auth-root-authentication-method=socket", "--skip-test-db"],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.process = Process("mariadbd", [
            "mariadbd", "--no-defaults", "--user=root", f"--datadir={self.datadir}",
            f"--socket={self.socket}", "--skip-networking", f"--pid-file={self.dir / 'mysqld.pid'}",
            "--character-set-server=utf8mb4", "--collation-server=utf8mb4_general_ci",
            "--max-connections=500"], self.dir / "mariadbd.log")
        wait_for(lambda: self.sql("SELECT 1") is not None, "mariadbd")
        self.sql(f"CREATE DATABASE IF NOT EXISTS {database} CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci")

    def sql(self, statement: str, database: str | None = None) -> str | None:
        argv = ["mariadb", "--no-defaults", f"--socket={self.socket}", "-uroot", "-N", "-B", "-e", statement]
        if database:
            argv.insert(4, database)
        r = subprocess.run(argv, capture_output=True, text=True)
        return r.stdout if r.returncode == 0 else None

    COUNTERS = ("Questions", "Com_stmt_execute", "Com_stmt_prepare", "Com_select", "Com_insert", "Com_update",
                "Com_delete")

    def counters(self) -> dict[str, int]:
        """The server's global statement counters (SHOW GLOBAL STATUS), to count the
        statements a request causes; the SHOW itself is taken out by a baseline."""
        names = ", ".join(f"'{n}'" for n in self.COUNTERS)
        text = self.sql(f"SHOW GLOBAL STATUS WHERE Variable_name IN ({names})") or ""
        out = {n: 0 for n in self.COUNTERS}
        for line in text.splitlines():
            k, _, v = line.partition("\t")
            if k in out:
                out[k] = int(v)
        return out

    @property
    def pid(self) -> int:
        return self.script_pid or self.process.pid

    def url(self, database: str) -> str:
        return f"mysql://root@localhost/{database}?socket={self.socket}"

    def stop(self) -> None:
        if self.script_pid:
            subprocess.run(["bash", str(self.SCRIPT), "stop", str(self.dir)], capture_output=True)
            self.script_pid = None
            return
        if self.process and self.process.alive():
            subprocess.run(["mariadb-admin", "--no-defaults", f"--socket={self.socket}", "-uroot", "shutdown"],
                           capture_output=True)
            try:
                self.process.proc.wait(20)
            except subprocess.TimeoutExpired:
                pass
            self.process.stop()


CEILING_SERVER = """
# Added by bench/servers.py: the ceilings, in the same nginx as Almanac, on the
# same port, chosen by the Host header (bench/workloads.py sends it).
server {
    listen 127.0.0.1:@PORT@;
    server_name ceiling.bench;
    location = /__bench/return200 {
        default_type text/plain;
        return 200 "ok\\n";
    }
    location = /__bench/fcgi {
        include /etc/nginx/fastcgi_params;
        fastcgi_pass unix:@CEILING_SOCKET@;
    }
}
"""


class Nginx:
    """nginx as `make run` configures it (scripts/render-nginx.sh: nginx/standalone.conf
    + the production server block nginx/almanac.conf), plus a ceiling server block."""

    def __init__(self, dir: Path, port: int, almanac_socket: Path, ceiling_socket: Path):
        self.dir = dir
        self.port = port
        self.almanac_socket = almanac_socket
        self.ceiling_socket = ceiling_socket
        self.process: Process | None = None

    def start(self) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        subprocess.run(["bash", str(ROOT / "scripts" / "render-nginx.sh"), str(self.dir), str(self.port),
                        str(self.almanac_socket), "10m"], check=True)
        ceiling = CEILING_SERVER.replace("@PORT@", str(self.port)).replace("@CEILING_SOCKET@", str(self.ceiling_socket))
        (self.dir / "bench-ceiling.conf").write_text(ceiling)
        conf = self.dir / "nginx.conf"
        text = conf.read_text().rstrip()
        assert text.endswith("}"), "unexpected nginx.conf shape"
        conf.write_text(text[:-1] + f"    include {self.dir / 'bench-ceiling.conf'};\n}}\n")
        self.process = Process("nginx", ["nginx", "-p", str(self.dir), "-c", str(conf)], self.dir / "nginx.out")
        wait_for(lambda: port_open(self.port) or not self.process.alive(), "nginx")
        if not self.process.alive():
            raise RuntimeError("nginx exited: " + (self.dir / "error.log").read_text()[-2000:])

    def worker_pids(self) -> list[int]:
        """The master and its workers (CPU is summed over all of them)."""
        pids = [self.process.pid]
        try:
            for line in Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split():
                pids.append(int(line))
        except OSError:
            pass
        return pids

    def stop(self) -> None:
        if self.process:
            self.process.stop(signal.SIGQUIT)


def build_ceiling(out: Path) -> Path:
    """Compile the trivial libfcgi responder (gcc -O2) into out/."""
    out.mkdir(parents=True, exist_ok=True)
    binary = out / "fcgi_hello"
    source = BENCH / "ceiling" / "fcgi_hello.c"
    if not binary.exists() or binary.stat().st_mtime < source.stat().st_mtime:
        subprocess.run(["gcc", "-O2", "-o", str(binary), str(source), "-lfcgi", "-lpthread"], check=True)
    return binary


class Ceiling:
    """The trivial FastCGI responder on a unix socket."""

    def __init__(self, binary: Path, socket_path: Path, threads: int, log: Path):
        self.process = Process("fcgi_hello", [str(binary), str(socket_path), str(threads)], log)
        wait_for(lambda: socket_path.exists(), "fcgi_hello socket")

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self) -> None:
        self.process.stop()


class Radicale:
    """Debian's Radicale with htpasswd (plain) auth and a private storage folder."""

    def __init__(self, dir: Path, port: int, users: dict[str, str]):
        self.dir = dir
        self.port = port
        self.storage = dir / "collections"
        if dir.exists():  # fresh storage: earlier runs' PUTs would change the figures
            shutil.rmtree(dir)
        dir.mkdir(parents=True)
        (dir / "users").write_text("".join(f"{u}:{p}\n" for u, p in users.items()))
        (dir / "config").write_text(
            "[server]\n"
            f"hosts = 127.0.0.1:{port}\n"
            "[auth]\n"
            "type = htpasswd\n"
            f"htpasswd_filename = {dir / 'users'}\n"
            "htpasswd_encryption = plain\n"
            "delay = 0\n"
            "[storage]\n"
            f"filesystem_folder = {self.storage}\n"
            "[rights]\n"
            "type = owner_only\n"
            "[web]\n"
            "type = none\n"
            "[logging]\n"
            "level = warning\n")
        self.process: Process | None = None

    def load_files(self, user: str, calendar: str, objects, components: str = "VEVENT") -> None:
        """Write a calendar collection straight into Radicale's storage layout
        (one .ics per item plus .Radicale.props): the same bytes a PUT stores,
        without Radicale's ~15 PUT/s."""
        import json
        col = self.storage / "collection-root" / user / calendar
        col.mkdir(parents=True, exist_ok=True)
        (col.parent / ".Radicale.props").write_text("{}") if not (col.parent / ".Radicale.props").exists() else None
        (col / ".Radicale.props").write_text(json.dumps(
            {"C:supported-calendar-component-set": components, "D:displayname": calendar, "tag": "VCALENDAR"}))
        for o in objects:
            (col / o.name).write_bytes(o.body)

    def start(self) -> None:
        self.process = Process("radicale", ["/usr/bin/radicale", "--config", str(self.dir / "config")],
                               self.dir / "radicale.log")
        wait_for(lambda: port_open(self.port), "radicale")

    @property
    def pid(self) -> int:
        return self.process.pid

    def stop(self) -> None:
        if self.process:
            self.process.stop()
