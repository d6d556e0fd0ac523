"""Run wrk with bench/lua/bench.lua and measure the server processes."""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

LUA = Path(__file__).resolve().parent / "lua" / "bench.lua"
TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pids: list[int]) -> float:
    """utime + stime of the processes (all their threads), in seconds."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14, 15)
        except (OSError, IndexError, ValueError):
            pass
    return total / TICK


def memory_kb(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM (peak RSS) of a process, in kB."""
    out = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[key] = int(value.split()[0])
    except OSError:
        pass
    return out


@dataclass
class Measured:
    """Processes whose CPU and memory a run reports."""

    responder: list[int]
    mariadb: list[int]
    nginx: list[int]


def run(port: int, spec: Path, connections: int, duration: float, tag: str, measured: Measured,
        timeout: float = 60.0) -> dict:
    """One wrk run; returns wrk's figures plus CPU and RSS of the measured processes."""
    threads = 1 if connections == 1 else min(2, connections)
    argv = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration:g}s", f"--timeout={timeout:g}s",
            "--latency", "-s", str(LUA), f"http://127.0.0.1:{port}/"]
    env = dict(os.environ, BENCH_SPEC=str(spec), BENCH_TAG=tag)
    keys = [k for k in ("responder", "mariadb", "nginx") if getattr(measured, k)]
    before = {k: cpu_seconds(getattr(measured, k)) for k in keys}
    rss_before = memory_kb(measured.responder[0]) if measured.responder else {}
    proc = subprocess.run(argv, env=env, capture_output=True, text=True)
    after = {k: cpu_seconds(getattr(measured, k)) for k in keys}
    rss_after = memory_kb(measured.responder[0]) if measured.responder else {}
    line = next((l for l in proc.stdout.splitlines() if l.startswith("BENCHJSON ")), None)
    if proc.returncode != 0 or line is None:
        raise RuntimeError(f"wrk failed ({proc.returncode}): {proc.stderr.strip()[:500]} {proc.stdout[-500:]}")
    r = json.loads(line[len("BENCHJSON "):])
    seconds = r["duration_us"] / 1e6
    n = r["requests"]
    r["rps"] = n / seconds if seconds else 0.0
    r["connections"] = connections
    r["cpu"] = {k: after[k] - before[k] for k in before}
    r["cpu_per_1000"] = {k: (r["cpu"][k] * 1000 / n if k in r["cpu"] and n else None)
                         for k in ("responder", "mariadb", "nginx")}
    r["rss_kb_before"] = rss_before.get("VmRSS")
    r["rss_kb_after"] = rss_after.get("VmRSS")
    r["peak_rss_kb"] = rss_after.get("VmHWM")
    r["wrk_stdout"] = proc.stdout
    return r
