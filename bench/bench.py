"""`make bench`: seed, start, hammer, compare, write bench/RESULTS.md.

usage: python3 bench/bench.py [SIZE ...]      (sizes: events in the measured calendar)
environment:
  BENCH_DURATION   seconds per wrk run (8)        BENCH_CONNECTIONS  "1 32"
  BENCH_USERS      users (12)                     BENCH_RADICALE     first | all | none  (first)
  BENCH_RESULTS    output file (bench/RESULTS.md) BENCH_WORKERS      responder threads (2 x cores)
  ALMANAC_BIN      almanac executable (.build/release/almanac)
  BENCH_OTHERS_N   cap on the events of the users other than the measured one (1000)
  BENCH_VAR, BENCH_OUT  state (var/bench) and scratch/JSON (bench/out) folders
  BENCH_WORKLOADS  only these workload keys, e.g. "propfind query nginx"
"""

from __future__ import annotations

import json
import os
import re
import signal
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import almanac  # noqa: E402
import client  # noqa: E402
import report  # noqa: E402
import seed  # noqa: E402
import workloads as W  # noqa: E402
import wrkrun  # noqa: E402
from servers import ROOT, Radicale, free_port  # noqa: E402

OWNER = 0


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def sync_token(c: client.Client, path: str) -> str | None:
    r = c.request("PROPFIND", path, '<?xml version="1.0"?><D:propfind xmlns:D="DAV:"><D:prop><D:sync-token/>'
                  '</D:prop></D:propfind>', {"Depth": "0", "Content-Type": W.XML})
    m = re.search(rb"<[^>]*sync-token>([^<]+)<", r.body)
    return m.group(1).decode() if m else None


def make_changes(c: client.Client, cal: str, count: int = 10) -> None:
    """The 10 changes the sync-collection workload reports."""
    for i in range(count):
        body = seed.new_event_template(OWNER).replace("@@ID@@", f"sync-change-{i}")
        r = c.request("PUT", f"{cal}sync-change-{i}.ics", body, {"Content-Type": W.ICS})
        if r.status not in (201, 204):
            raise RuntimeError(f"sync change PUT: {r.status} {r.body[:200]!r}")


def sql_delta(counter, before: dict, after: dict, baseline: dict) -> dict:
    return {k: after[k] - before[k] - baseline.get(k, 0) for k in after}


def quiet_baseline(counter, timeout: float = 10.0) -> dict:
    """What two back-to-back counter reads cost, once requests still running after a
    wrk run have drained (two equal, small readings in a row)."""
    deadline = time.monotonic() + timeout
    last = None
    while True:
        a = counter()
        d = sql_delta(None, a, counter(), {})
        if last is not None and d["Questions"] == last["Questions"] and d["Questions"] <= 3:
            return d
        if time.monotonic() > deadline:
            return min(d, last or d, key=lambda x: x["Questions"])
        last = d
        time.sleep(0.2)


def preflight(c: client.Client, w: W.Workload, tag: str, counter=None, repeat: int = 3) -> dict:
    """The request by hand (repeat times): status, size, items in a multistatus,
    and SQL statements per request, from the responder's X-Almanac-SQL-Statements
    header or else from MariaDB's own counters around the request (min of the repeats)."""
    if not w.auth:
        c = client.Client(c.port)
    h = dict(w.headers)
    if w.body:
        h.setdefault("Content-Type", W.XML)
    baseline = {}
    if counter:
        baseline = quiet_baseline(counter)
    sql_runs = []
    for i in range(repeat):
        ident = f"preflight-{tag}-{i}"
        path = w.paths[0].replace("@@ID@@", ident)
        body = w.body.replace("@@ID@@", ident) if w.body else None
        before = counter() if counter else None
        r = c.request(w.method, path, body, h)
        if counter:
            sql_runs.append(sql_delta(counter, before, counter(), baseline))
        if r.status not in w.expect:
            break
    out = {"status": r.status, "bytes": len(r.body), "sql": r.header("x-almanac-sql-statements"),
           "ok": r.status in w.expect, "path": path,
           "items": len(re.findall(rb"<(?:[A-Za-z0-9_]+:)?response[\s>]", r.body))}
    if sql_runs:
        best = sorted(sql_runs, key=lambda d: d["Questions"])[len(sql_runs) // 2]  # median
        out["mariadb"] = best
        if out["sql"] is None:
            out["sql"] = f"{best['Questions']} ({best['Com_stmt_prepare']} prep)" if best["Com_stmt_prepare"] \
                else str(best["Questions"])
    if w.key == "put-attendees" and out["ok"]:
        got = c.request("GET", path)
        if b"SCHEDULE-STATUS" not in got.body:
            out.update(ok=False, na="no implicit scheduling (no SCHEDULE-STATUS on the organizer copy)")
    if w.must_contain and out["ok"] and w.must_contain not in r.body:
        out.update(ok=False, na=w.na or f"the answer lacks {w.must_contain!r}")
    if not out["ok"] and "na" not in out:
        out["error"] = r.body[:300].decode(errors="replace")
        if w.kind == "scheduling":
            out["na"] = f"scheduling not available (status {r.status})"
    return out


def run_setup(port: int, w: W.Workload) -> tuple[list[dict], str | None]:
    """The workload's one-off requests (each as its own user); the first failure's reason, if any."""
    done = []
    for s in w.setup:
        c = client.Client(port, s.user, s.user)
        try:
            r = c.request(s.method, s.path, s.body, s.headers)
        finally:
            c.close()
        ok = r.status in s.expect and (s.must_contain is None or s.must_contain in r.body)
        done.append({"user": s.user, "method": s.method, "path": s.path, "status": r.status, "ok": ok,
                     "bytes": len(s.body), "note": s.note})
        if not ok:
            return done, (f"setup {s.method} {s.path} answered {r.status}: "
                          f"{r.body[:200].decode(errors='replace')}")
    return done, None


def hammer(port: int, auth: str | None, ws: list[W.Workload], measured: wrkrun.Measured, conns: list[int],
           duration: float, tag: str, out: Path, counter=None) -> dict:
    results = {}
    pre_client = client.Client(port, seed.user_name(OWNER), seed.user_name(OWNER))
    only = os.environ.get("BENCH_WORKLOADS", "").split()
    for w in ws:
        if only and w.key not in only:
            continue
        entry = results[w.key] = {"title": w.title, "kind": w.kind, "runs": {}}
        if w.setup:
            try:
                entry["setup"], failure = run_setup(port, w)
            except Exception as e:
                entry["setup"], failure = [], f"setup: {type(e).__name__}: {e}"
            if failure:
                entry["status"] = f"n/a: {failure}" if w.kind == "scheduling" else f"failed: {failure}"
                log(f"  {w.key}: {entry['status']}")
                continue
            log(f"  {w.key}: setup {len(entry['setup'])} × {w.setup[0].method} ok")
        try:
            entry["preflight"] = pre = preflight(pre_client, w, f"{tag}-{w.key}", counter)
        except Exception as e:  # a dead server must not stop the rest of the table
            entry["preflight"] = pre = {"ok": False, "error": f"{type(e).__name__}: {e}"}
        if not pre["ok"]:
            entry["status"] = pre.get("na") or f"failed: {pre.get('status')} {pre.get('error', '')[:200]}"
            log(f"  {w.key}: {entry['status']}")
            continue
        entry["status"] = "ok"
        spec = w.spec_path(out, auth)
        for c in conns:
            try:
                r = wrkrun.run(port, spec, c, duration, f"{tag}-{w.key}-c{c}", measured)
            except Exception as e:
                entry["runs"][c] = {"error": str(e)}
                log(f"  {w.key} c={c}: {e}")
                continue
            r.pop("wrk_stdout", None)
            entry["runs"][c] = r
            bad = sum(r["errors"].values())
            log(f"  {w.key:14s} c={c:<3d} {r['rps']:10.1f} req/s  p50 {r['latency']['percentiles']['50'] / 1000:8.2f} ms"
                f"  p99 {r['latency']['percentiles']['99'] / 1000:8.2f} ms  errors {bad}")
    pre_client.close()
    return results


def run_almanac(size: int, ds: seed.Dataset, exe, conns, duration, var: Path, out: Path) -> dict:
    res: dict = {"target": "almanac"}
    stack = almanac.AlmanacStack(var / f"almanac-{size}", exe)
    try:
        stack.start_front()
        nginx_only = wrkrun.Measured([], [], stack.nginx.worker_pids())
        ceil_measured = wrkrun.Measured([stack.ceiling.pid], [], stack.nginx.worker_pids())
        if exe is None:
            res["error"] = "no almanac binary (build with `swift build -c release` or set ALMANAC_BIN)"
            res["workloads"] = hammer(stack.port, None, W.ceilings()[:1], nginx_only, conns, duration, "ceil", out)
            res["workloads"].update(hammer(stack.port, None, W.ceilings()[1:2], ceil_measured, conns, duration,
                                           "ceil", out))
            return res
        stack.start_almanac(ds.users)
        measured = wrkrun.Measured([stack.serve.pid], [stack.mariadb.pid], stack.nginx.worker_pids())
        res["seed"] = load_almanac(stack.port, ds)
        owner = seed.user_name(OWNER)
        c = client.Client(stack.port, owner, owner)
        cal = W.ALMANAC.calendar(owner)
        token = sync_token(c, cal)
        make_changes(c, cal)
        names = [o.name for o in ds.of(OWNER)]
        auth = client.basic(owner, owner)
        ws = W.reads(W.ALMANAC, owner, names, token) + W.writes(W.ALMANAC, OWNER, ds.users) \
            + W.scheduling(W.ALMANAC, OWNER, ds.users)
        res["workloads"] = hammer(stack.port, auth, ws, measured, conns, duration, f"a{size}", out,
                                  stack.mariadb.counters)
        ceil = hammer(stack.port, None, W.ceilings()[:1], nginx_only, conns, duration, "ceil", out)
        ceil.update(hammer(stack.port, None, W.ceilings()[1:2], ceil_measured, conns, duration, "ceil", out))
        ceil.update(hammer(stack.port, None, W.ceilings()[2:], measured, conns, duration, "opt", out))
        res["workloads"].update(ceil)
        res["rss_kb"] = wrkrun.memory_kb(stack.serve.pid)
    except Exception as e:
        res["error"] = f"{type(e).__name__}: {e}"
        log("almanac: " + traceback.format_exc())
        if stack.serve is not None:
            res["log_tail"] = stack.serve.tail()
    finally:
        t0 = time.monotonic()
        stack.stop()
        log(f"stopped the almanac stack in {time.monotonic() - t0:.1f} s {getattr(stack, 'stop_times', '')}")
    return res


def ensure_collections(port: int, users: int, layout: W.Layout) -> dict[str, int]:
    """MKCALENDAR 'calendar' (VEVENT) and 'tasks' (VTODO) unless they exist."""
    statuses = {}
    for u in range(users):
        name = seed.user_name(u)
        c = client.Client(port, name, name)
        for cal, comp in (("calendar", "VEVENT"), ("tasks", "VTODO")):
            body = ('<?xml version="1.0" encoding="utf-8"?><C:mkcalendar xmlns:D="DAV:" '
                    'xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop>'
                    f'<D:displayname>{cal}</D:displayname><C:supported-calendar-component-set>'
                    f'<C:comp name="{comp}"/></C:supported-calendar-component-set></D:prop></D:set>'
                    '</C:mkcalendar>')
            r = c.request("MKCALENDAR", layout.calendar(name, cal), body, {"Content-Type": W.XML})
            statuses[f"{name}/{cal}"] = r.status
        c.close()
    return statuses


def load_almanac(port: int, ds: seed.Dataset) -> dict:
    mk = ensure_collections(port, ds.users, W.ALMANAC)
    has_tasks = all(s in (201, 405) for k, s in mk.items() if k.endswith("/tasks"))
    objs = [o for o in ds.objects if o.calendar != "tasks" or has_tasks]
    t0 = time.monotonic()
    retries: list = []
    fails = client.put_all(port, objs, lambda u: (seed.user_name(u), seed.user_name(u)),
                           lambda u, cal: W.ALMANAC.calendar(seed.user_name(u), cal), retries=retries)
    if retries:
        log(f"  {len(retries)} PUTs answered 503 and were retried, e.g. {retries[0]}")
    seconds = time.monotonic() - t0
    log(f"seeded {len(objs) - len(fails)}/{len(objs)} objects in {seconds:.1f} s "
        f"({len(objs) / seconds:.0f} PUT/s); mkcalendar {sorted(set(mk.values()))}")
    if fails:
        log(f"  first failures: {fails[:3]}")
    if len(fails) > len(objs) // 100:
        raise RuntimeError(f"{len(fails)} of {len(objs)} seed PUTs failed, e.g. {fails[:2]}")
    return {"objects": len(objs), "failed": len(fails), "retried": len(retries), "seconds": seconds, "tasks": has_tasks,
            "mkcalendar": sorted(set(mk.values()))}


def run_radicale(size: int, ds: seed.Dataset, conns, duration, var: Path, out: Path) -> dict:
    res: dict = {"target": "radicale"}
    owner = seed.user_name(OWNER)
    rad = Radicale(var / f"radicale-{size}", free_port(), {seed.user_name(u): seed.user_name(u)
                                                           for u in range(ds.users)})
    try:
        rad.load_files(owner, "calendar", ds.of(OWNER))
        rad.load_files(owner, "tasks", ds.of(OWNER, "tasks"), "VTODO")
        rad.start()
        c = client.Client(rad.port, owner, owner, timeout=600)
        cal = W.RADICALE.calendar(owner)
        t0 = time.monotonic()
        warm = c.request("PROPFIND", cal, W.PROPFIND_BODY, {"Depth": "1", "Content-Type": W.XML})
        res["warmup_seconds"] = time.monotonic() - t0
        log(f"radicale warm-up PROPFIND {warm.status} in {res['warmup_seconds']:.1f} s")
        token = sync_token(c, cal)
        make_changes(c, cal)
        ws = W.reads(W.RADICALE, owner, [o.name for o in ds.of(OWNER)], token) + W.writes(W.RADICALE, OWNER, ds.users)
        measured = wrkrun.Measured([rad.pid], [], [])
        res["workloads"] = hammer(rad.port, client.basic(owner, owner), ws, measured, conns, duration,
                                  f"r{size}", out)
        res["rss_kb"] = wrkrun.memory_kb(rad.pid)
    except Exception as e:
        res["error"] = f"{type(e).__name__}: {e}"
        log("radicale: " + traceback.format_exc())
    finally:
        rad.stop()
    return res


def main(argv: list[str]) -> int:
    sizes = [int(x) for a in argv for x in re.split(r"[ ,]+", a) if x] or [1000]
    duration = float(os.environ.get("BENCH_DURATION", "8"))
    conns = [int(x) for x in os.environ.get("BENCH_CONNECTIONS", "1 32").split()]
    users = int(os.environ.get("BENCH_USERS", "12"))
    others = int(os.environ.get("BENCH_OTHERS_N", "1000"))
    radicale = os.environ.get("BENCH_RADICALE", "first")
    results_path = Path(os.environ.get("BENCH_RESULTS", ROOT / "bench" / "RESULTS.md"))
    var = Path(os.environ.get("BENCH_VAR", ROOT / "var" / "bench"))
    out = Path(os.environ.get("BENCH_OUT", ROOT / "bench" / "out"))
    exe = almanac.binary()
    log(f"sizes {sizes}, {users} users, {duration:g} s runs, connections {conns}, almanac {exe}")
    run = {"sizes": {}, "duration": duration, "connections": conns, "users": users,
           "started": time.strftime("%Y-%m-%d %H:%M:%S %Z"), "binary": str(exe) if exe else None}
    for i, size in enumerate(sizes):
        ds = seed.build(users, size, others_n=others)
        log(f"N={size}: {len(ds.objects)} objects generated")
        entry = run["sizes"][size] = {"almanac": run_almanac(size, ds, exe, conns, duration, var, out)}
        if radicale == "all" or (radicale == "first" and i == 0):
            entry["radicale"] = run_radicale(size, ds, conns, duration, var, out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(run, indent=1, default=str))
    report.write(results_path, run)
    log(f"wrote {results_path}")
    failed = [s for s, e in run["sizes"].items() if "error" in e["almanac"]]
    return 1 if failed and exe is not None else 0


if __name__ == "__main__":
    # SIGTERM (Ctrl-C's sibling from a supervisor) must run the finally blocks
    # that stop MariaDB, nginx and the responders, or they outlive the run.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sys.exit(main(sys.argv[1:]))
