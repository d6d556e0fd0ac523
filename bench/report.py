"""Write bench/RESULTS.md from a run (the dict bench.py builds)."""

from __future__ import annotations

import os
import platform
import subprocess
from pathlib import Path

import workloads as W
from servers import ROOT


def _cmd(argv: list[str]) -> str:
    try:
        r = subprocess.run(argv, capture_output=True, text=True, timeout=10)
        return (r.stdout or r.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return "?"


def machine() -> list[str]:
    model = "?"
    mem = "?"
    try:
        model = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
        kb = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal"))
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        pass
    commit = _cmd(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    branch = _cmd(["git", "-C", str(ROOT), "rev-parse", "--abbrev-ref", "HEAD"])
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    load = open("/proc/loadavg").read().split()[:3] if os.path.exists("/proc/loadavg") else ["?"]
    return [f"- machine: {os.cpu_count()} CPUs ({model}), {mem} RAM, {platform.system()} {platform.release()}",
            f"- load average at the end: {' '.join(load)} (other processes share these cores)",
            f"- commit: {commit} on {branch}{' (with uncommitted changes)' if dirty else ''}",
            f"- tools: {_cmd(['wrk', '-v'])}; {_cmd(['nginx', '-v'])}; {_cmd(['mariadbd', '--version'])}; "
            f"Radicale {_cmd(['/usr/bin/radicale', '--version'])}"]


def _ms(us) -> str:
    return "–" if us is None else (f"{us / 1000:.1f}" if us >= 10000 else f"{us / 1000:.2f}")


def _num(x, digits=0) -> str:
    if x is None:
        return "–"
    return f"{x:,.{digits}f}"


def _ratio(a, b) -> str:
    if not a or not b:
        return "–"
    r = a / b
    return f"{r:,.0f}×" if r >= 10 else f"{r:.1f}×"


def _run(entry: dict, c: int) -> dict | None:
    if not entry:
        return None
    r = entry.get("runs", {}).get(c) or entry.get("runs", {}).get(str(c))
    return r if r and "rps" in r else None


def table(size_entry: dict, conns: list[int]) -> list[str]:
    alm = size_entry["almanac"].get("workloads", {})
    rad = (size_entry.get("radicale") or {}).get("workloads", {})
    lines = ["| workload | conns | req/s | p50 ms | p99 ms | max ms | non-2xx/err | CPU s per 1k req: responder / mariadbd / nginx"
             " | SQL/req | items | peak RSS MB | Radicale req/s | × Radicale | × sabre (issue) |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for key, e in alm.items():
        if e.get("status") != "ok":
            lines.append(f"| {e['title']} | – | {e.get('status')} | | | | | | | | | | | |")
            continue
        for c in conns:
            r = _run(e, c)
            rr = _run(rad.get(key), c)
            if r is None:
                lines.append(f"| {e['title']} | {c} | failed | | | | | | | | | | | |")
                continue
            pct = r["latency"]["percentiles"]
            cpu = r["cpu_per_1000"]
            cpu_s = " / ".join("–" if cpu.get(k) is None else f"{cpu[k]:.3f}" for k in ("responder", "mariadb", "nginx"))
            errs = sum(r["errors"].values())
            sabre = W.SABRE.get(key) if c == 32 else None
            lines.append(
                f"| {e['title']} | {c} | {_num(r['rps'])} | {_ms(pct['50'])} | {_ms(pct['99'])} | "
                f"{_ms(r['latency']['max'])} | {errs} | {cpu_s} | {e['preflight'].get('sql') or 'n/a'} | {e['preflight'].get('items') or ''} | "
                f"{_num((r.get('peak_rss_kb') or 0) / 1024, 1) if r.get('peak_rss_kb') else '–'} | "
                f"{_num(rr['rps'], 1) if rr else '–'} | {_ratio(r['rps'], rr['rps'] if rr else None)} | "
                f"{_ratio(r['rps'], sabre)} |")
    return lines


def radicale_table(rad: dict, conns: list[int]) -> list[str]:
    lines = ["| workload | conns | req/s | p50 ms | p99 ms | max ms | non-2xx/err | CPU s per 1k req | peak RSS MB |"
             " items | Radicale 3.9 in the issue |", "|---|---|---|---|---|---|---|---|---|---|---|"]
    for key, e in rad.get("workloads", {}).items():
        for c in conns:
            r = _run(e, c)
            if r is None:
                lines.append(f"| {e['title']} | {c} | {e.get('status')} | | | | | | | | |")
                continue
            pct = r["latency"]["percentiles"]
            lines.append(f"| {e['title']} | {c} | {_num(r['rps'], 1)} | {_ms(pct['50'])} | {_ms(pct['99'])} | "
                         f"{_ms(r['latency']['max'])} | {sum(r['errors'].values())} | "
                         f"{_num(r['cpu_per_1000']['responder'], 2)} | "
                         f"{_num((r.get('peak_rss_kb') or 0) / 1024, 1)} | {e['preflight'].get('items') or ''} | "
                         f"{W.RADICALE_39.get(key, '–') if c == 32 else ''} |")
    return lines


def targets(run: dict) -> list[str]:
    """The issue's targets, each checked against this run."""
    out = []
    conns = run["connections"]
    top = max(conns)
    sizes = sorted(int(s) for s in run["sizes"])
    first = run["sizes"][sizes[0]] if sizes[0] in run["sizes"] else run["sizes"][str(sizes[0])]
    alm = first["almanac"].get("workloads", {})
    rad = (first.get("radicale") or {}).get("workloads", {})
    for key, e in alm.items():
        r = _run(e, top)
        if e.get("kind") == "ceiling" or r is None:
            continue
        sabre = W.SABRE.get(key)
        if sabre:
            ok = r["rps"] >= 10 * sabre
            out.append(f"- {key}: {r['rps']:,.0f} req/s vs sabre {sabre} → {_ratio(r['rps'], sabre)} "
                       f"({'meets' if ok else 'MISSES'} 10×)")
        rr = _run(rad.get(key), top)
        if rr:
            ok = r["rps"] >= 10 * rr["rps"]
            out.append(f"  - vs Radicale in this run: {_ratio(r['rps'], rr['rps'])} ({'meets' if ok else 'MISSES'} 10×)")
    fc, opt = _run(alm.get("fcgi"), top), _run(alm.get("options"), top)
    if fc and opt:
        share = opt["rps"] / fc["rps"]
        out.append(f"- trivial FastCGI request (OPTIONS /) at {share:.0%} of the libfcgi ceiling "
                   f"({'meets' if share >= 0.8 else 'MISSES'} ≥ 80%)")
    ng = _run(alm.get("nginx"), top)
    if ng and fc:
        out.append(f"- nginx→FastCGI ceiling is {fc['rps'] / ng['rps']:.0%} of nginx `return 200`")
    if ng:
        out.append(f"- calibration: nginx `return 200` here is {ng['rps']:,.0f} req/s, {ng['rps'] / W.SABRE['nginx']:.0%} "
                   "of the issue's machine (~90,000); the sabre ratios above are not normalised by it")
    for key, e in alm.items():
        r = _run(e, top)
        if r and r.get("rss_kb_before") and r.get("rss_kb_after"):
            growth = r["rss_kb_after"] - r["rss_kb_before"]
            if growth > 8 * 1024:
                out.append(f"- RSS grew {growth / 1024:.1f} MB during {key} at {top} connections")
    if len(sizes) > 1:
        big = run["sizes"][sizes[-1]]["almanac"].get("workloads", {})
        data = sizes[-1] / sizes[0]
        for key, limit, what in (("propfind", data, "≤ the data ratio"), ("query", 1.5, "about 1×")):
            r0, r1 = _run(alm.get(key), 1), _run(big.get(key), 1)
            if not r0 or not r1:
                continue
            cost = [sum(v for v in r["cpu_per_1000"].values() if v is not None) for r in (r0, r1)]
            if cost[0]:
                ratio = cost[1] / cost[0]
                out.append(f"- {key} CPU per request (almanac + mariadbd + nginx), N={sizes[-1]} vs N={sizes[0]}: "
                           f"{ratio:.1f}× ({'meets' if ratio <= limit else 'MISSES'} {what})")
    return out or ["- (no Almanac figures in this run)"]


def scaling(run: dict) -> list[str]:
    sizes = sorted(run["sizes"], key=int)
    if len(sizes) < 2:
        return []
    base = run["sizes"][sizes[0]]["almanac"].get("workloads", {})
    lines = ["", "## Scaling", "",
             "Cost ratio = (p50 latency at 1 connection, larger N) / (same at N=" + str(sizes[0]) +
             "); CPU ratios = CPU per request of almanac and of mariadbd, same comparison (CPU is the figure "
             "that other load on the machine disturbs least). The targets: PROPFIND ≤ the data ratio, "
             "calendar-query about 1× (index prefilter).", "",
             "| workload | " + " | ".join(f"N={s}: latency / almanac CPU / mariadbd CPU" for s in sizes[1:]) + " |",
             "|---|" + "---|" * (len(sizes) - 1)]
    for key, e in base.items():
        r0 = _run(e, 1)
        if r0 is None or e.get("kind") == "ceiling":
            continue
        cells = []
        for s in sizes[1:]:
            r = _run(run["sizes"][s]["almanac"].get("workloads", {}).get(key), 1)
            if r is None:
                cells.append("–")
                continue
            lat = r["latency"]["percentiles"]["50"] / max(1, r0["latency"]["percentiles"]["50"])
            parts = [f"{lat:.2f}×"]
            for k in ("responder", "mariadb"):
                c0, c1 = r0["cpu_per_1000"].get(k), r["cpu_per_1000"].get(k)
                parts.append(f"{c1 / c0:.2f}×" if c0 and c1 is not None else "–")
            cells.append(" / ".join(parts))
        lines.append(f"| {e['title']} | " + " | ".join(cells) + " |")
    return lines


def write(path: Path, run: dict) -> None:
    conns = run["connections"]
    md = ["# Benchmark results", "",
          "Written by `make bench` (bench/run.sh → bench/bench.py); do not edit by hand.",
          f"Run started {run['started']}; wrk runs of {run['duration']:g} s at {', '.join(map(str, conns))} "
          f"connection(s); {run['users']} users.", ""] + machine() + [
          "", "How: nginx → FastCGI unix socket → `almanac serve` (release build) → private MariaDB; wrk with "
          "bench/lua/bench.lua on loopback. CPU is utime+stime from /proc of the responder, mariadbd and nginx "
          "over the run; peak RSS is the responder's VmHWM. The ceilings: nginx `return 200`, and "
          "bench/ceiling/fcgi_hello.c (libfcgi, same threads and socket setup as almanac) through the same nginx.",
          "", "## Targets (issue 6)", ""] + targets(run)
    for size, entry in sorted(run["sizes"].items(), key=lambda kv: int(kv[0])):
        a = entry["almanac"]
        md += ["", f"## N = {size}", ""]
        if "seed" in a:
            s = a["seed"]
            md.append(f"Seeded {s['objects'] - s['failed']} objects by PUT in {s['seconds']:.1f} s "
                      f"({s['objects'] / max(s['seconds'], 1e-9):,.0f} PUT/s at 8 connections); tasks calendar: "
                      f"{'yes' if s['tasks'] else 'no (MKCALENDAR failed)'}."
                      + (f" {s['retried']} PUTs answered 503 (e.g. a deadlock) and were retried." if s.get('retried') else ""))
        if "error" in a:
            md.append(f"**Almanac: {a['error']}**")
            if a.get("log_tail"):
                md += ["```", a["log_tail"], "```"]
        md += [""] + table(entry, conns)
        for key, e in a.get("workloads", {}).items():
            if e.get("setup"):
                md += ["", f"Before `{key}` ({e['title']}), stored once by {e['setup'][0]['method']} as each user: "
                       + "; ".join(f"{s['user']} {s['note']} ({s['status']})" for s in e["setup"]) + "."]
        rad = entry.get("radicale")
        if rad:
            md += ["", f"### Radicale (same data, same run), N = {size}", ""]
            if "error" in rad:
                md.append(f"**Radicale: {rad['error']}**")
            md += radicale_table(rad, conns)
            if "warmup_seconds" in rad:
                md.append(f"\nRadicale's first PROPFIND (builds its item cache) took {rad['warmup_seconds']:.1f} s "
                          "and is not measured.")
    md += scaling(run)
    md += ["", "Workload bodies: bench/workloads.py; dataset: bench/seed.py (80% timed with VTIMEZONE, 15% "
           "recurring with EXDATE and override, 5% all-day, ~1.3 kB; 10% with 2–10 attendees; a tasks calendar; "
           "a few real invitations per user). Raw figures: bench/out/results.json.", ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(md))
