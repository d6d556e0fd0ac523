"""Process management for the end-to-end tests: private MariaDB, almanac serve,
nginx and Apache, each in a directory of its own, on free loopback ports."""
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "scripts"


def almanac_binary():
    """The almanac executable under test: $ALMANAC_BIN, else the debug, else the release build."""
    if os.environ.get("ALMANAC_BIN"):
        return os.environ["ALMANAC_BIN"]
    for flavour in ("debug", "release"):
        path = ROOT / ".build" / flavour / "almanac"
        if path.exists():
            return str(path)
    raise RuntimeError("no almanac binary: run `swift build` first or set ALMANAC_BIN")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(check, timeout=10.0, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise RuntimeError(f"timed out waiting for {what}")


def port_open(port):
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def make_dir(prefix):
    """A temporary directory web-server workers (www-data) can traverse."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    path.chmod(0o755)
    return path


class MariaDB:
    """A private MariaDB server (scripts/mariadb.sh) with one socket."""

    def __init__(self, directory):
        self.directory = Path(directory)
        self.socket = self.directory / "mysqld.sock"
        subprocess.run([str(SCRIPTS / "mariadb.sh"), "start", str(self.directory), "almanac_admin"], check=True)

    def url(self, database):
        return f"mysql://root@localhost/{database}?socket={self.socket}"

    def create_database(self, name):
        self.sql(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci")
        return self.url(name)

    def sql(self, statement, database=None):
        """Runs SQL with the mariadb client; returns stdout (tab-separated rows)."""
        cmd = ["mariadb", "--no-defaults", f"--socket={self.socket}", "-uroot", "-N", "-B"]
        if database:
            cmd.append(database)
        return subprocess.run(cmd + ["-e", statement], check=True, capture_output=True, text=True).stdout

    def load(self, database, sql_file):
        with open(sql_file, "rb") as source:
            subprocess.run(
                ["mariadb", "--no-defaults", f"--socket={self.socket}", "-uroot", database], stdin=source, check=True
            )

    def stop(self):
        subprocess.run([str(SCRIPTS / "mariadb.sh"), "stop", str(self.directory)], check=False)


def almanac(db_url, *args, check=True):
    """Runs an almanac CLI command against db_url; returns the CompletedProcess."""
    env = dict(os.environ, ALMANAC_DB_URL=db_url, ALMANAC_CONFIG="none")
    result = subprocess.run([almanac_binary(), *args], env=env, capture_output=True, text=True)
    if check and result.returncode != 0:
        raise RuntimeError(f"almanac {' '.join(args)} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return result


class Responder:
    """`almanac serve` on a unix socket."""

    def __init__(self, directory, db_url, workers=4, extra=()):
        self.directory = Path(directory)
        self.socket = self.directory / "almanac.sock"
        self.log = open(self.directory / "almanac.log", "wb")
        env = dict(os.environ, ALMANAC_DB_URL=db_url, ALMANAC_CONFIG="none")
        self.process = subprocess.Popen(
            [almanac_binary(), "serve", "--listen", f"unix:{self.socket}", "--workers", str(workers),
             "--log-level", os.environ.get("ALMANAC_LOG_LEVEL", "info"), *extra],
            env=env, stdout=self.log, stderr=subprocess.STDOUT)
        wait_until(lambda: self.socket.exists() or self.process.poll() is not None, what="almanac socket")
        if self.process.poll() is not None:
            raise RuntimeError("almanac serve exited:\n" + (self.directory / "almanac.log").read_text())

    def stop(self, timeout=15):
        """SIGTERM and wait; returns the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
        return self.process.returncode


class Nginx:
    """A private nginx from nginx/standalone.conf + nginx/almanac.conf."""

    def __init__(self, directory, socket_path, max_body="10m"):
        self.directory = Path(directory)
        self.port = free_port()
        subprocess.run(
            [str(SCRIPTS / "render-nginx.sh"), str(self.directory), str(self.port), str(socket_path), max_body],
            check=True)
        self.process = subprocess.Popen(
            ["nginx", "-c", str(self.directory / "nginx.conf"), "-p", str(self.directory)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_until(lambda: port_open(self.port) or self.process.poll() is not None, what="nginx port")
        if self.process.poll() is not None:
            raise RuntimeError("nginx exited:\n" + (self.directory / "error.log").read_text())
        self.base_url = f"http://127.0.0.1:{self.port}"

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class Apache:
    """A private Apache httpd with mod_proxy_fcgi (apache/almanac.conf)."""

    def __init__(self, directory, socket_path=None, max_body_bytes=10 * 1024 * 1024, fcgid_config=None, binary=None):
        """mod_proxy_fcgi to socket_path, or (fcgid_config = an almanac.conf) mod_fcgid spawning almanac."""
        self.directory = Path(directory)
        self.port = free_port()
        user_lines = "User www-data\nGroup www-data" if os.getuid() == 0 else ""
        values = {"@LISTEN@": f"127.0.0.1:{self.port}", "@SERVER_NAME@": "localhost",
                  "@SOCKET@": str(socket_path), "@MAX_BODY_BYTES@": str(max_body_bytes),
                  "@ALMANAC@": str(binary or almanac_binary()), "@CONFIG@": str(fcgid_config), "@DOCROOT@": str(self.directory)}
        template = "almanac-fcgid.conf" if fcgid_config else "almanac.conf"
        vhost = (ROOT / "apache" / template).read_text()
        for key, value in values.items():
            vhost = vhost.replace(key, value)
        extra = ""
        if fcgid_config:
            extra = (f"LoadModule fcgid_module /usr/lib/apache2/modules/mod_fcgid.so\n"
                     f"FcgidIPCDir {self.directory}/fcgid\nFcgidProcessTableFile {self.directory}/fcgid.shm")
            (self.directory / "fcgid").mkdir()
            if os.getuid() == 0:
                shutil.chown(self.directory / "fcgid", "www-data", "www-data")
        (self.directory / "almanac-vhost.conf").write_text(vhost)
        main = (ROOT / "apache" / "standalone.conf").read_text()
        for key, value in {"@PORT@": str(self.port), "@RUNDIR@": str(self.directory),
                           "@USER_LINES@": user_lines, "@EXTRA_MODULES@": extra}.items():
            main = main.replace(key, value)
        (self.directory / "httpd.conf").write_text(main)
        self.process = subprocess.Popen(
            ["apache2", "-f", str(self.directory / "httpd.conf"), "-DFOREGROUND"],
            stdout=subprocess.DEVNULL, stderr=open(self.directory / "stderr.log", "wb"))
        wait_until(lambda: port_open(self.port) or self.process.poll() is not None, what="apache port")
        if self.process.poll() is not None:
            raise RuntimeError("apache exited:\n" + (self.directory / "stderr.log").read_text()
                               + (self.directory / "error.log").read_text()
                               if (self.directory / "error.log").exists() else "")
        self.base_url = f"http://127.0.0.1:{self.port}"

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def remove(directory):
    if not os.environ.get("ALMANAC_KEEP_E2E"):
        shutil.rmtree(directory, ignore_errors=True)
