"""The benchmark: starts ``loyalty serve`` as a user would, configures a realistic programme, loads
users, drives load with wrk and measures the pgbench reference on the same PostgreSQL.

Not a test: run it by hand (``bench/run events --store postgres --workers 2``) and copy the figures
into bench/RESULTS.md. ``--smoke`` makes a run of a few seconds (CI checks the harness works).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PG_BASE = os.environ.get("LOYALTY_BENCH_POSTGRES", "postgresql://postgres@127.0.0.1:5432")
PG_DATABASE = os.environ.get("LOYALTY_BENCH_DATABASE", "loyalty_bench")
"""The database the run creates afresh (another name lets two runs share a server)."""
SCENARIOS = ("events", "reads", "redeem", "scale", "sqlite", "stats")

sys.path.insert(0, str(BENCH))
from programme import CAMPAIGN, OPENING_POINTS, PROGRAMME, event_request  # noqa: E402


@dataclass
class LoadResult:
    name: str
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    requests: int
    errors: int
    non_2xx: int
    server_cpu_ms: float | None = None
    """utime + stime of every server process over the run ÷ requests."""
    db_cpu_ms: float | None = None
    """utime + stime of the PostgreSQL backends of the benchmark's database over the run ÷ requests."""


@dataclass
class RunReport:
    scenario: str
    store: str
    workers: int
    connections: int
    duration_s: int
    users: int
    date: str
    machine: str
    command: str
    loads: list[LoadResult] = field(default_factory=list)
    reference_tps: float | None = None
    reference_p50_ms: float | None = None
    reference_p99_ms: float | None = None
    reference_db_cpu_ms: float | None = None
    """PostgreSQL CPU per reference transaction (its backends, over the middle of the run)."""
    peak_rss_mb: list[float] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    plans: dict[str, str] = field(default_factory=dict)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def machine() -> str:
    mem = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) // 1024 // 1024} GiB"
    except OSError:
        pass
    return f"{platform.machine()}, {os.cpu_count()} cores, {mem}, Python {platform.python_version()}"


def loyalty(args: list[str], env: dict[str, str]) -> str:
    out = subprocess.run(
        [str(ROOT / ".venv/bin/loyalty"), *args], env=env, capture_output=True, text=True, check=True
    )
    return out.stdout


async def psql(url: str, sql: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(url)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


def fresh_database(store: str, workdir: Path) -> str:
    if store == "sqlite":
        return f"sqlite:///{workdir / 'bench.db'}"
    name = PG_DATABASE
    asyncio.run(psql(PG_BASE + "/postgres", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    asyncio.run(psql(PG_BASE + "/postgres", f'CREATE DATABASE "{name}"'))
    return f"{PG_BASE}/{name}"


async def load_users(url: str, tenant: str, count: int, *, opening_points: int = 0) -> None:
    """Bulk-insert users straight through the storage layer, each with an opening credit (a
    ledger line and its balance, as ``loyalty ledger verify`` expects) when ``opening_points``."""
    from sqlalchemy import select

    from loyalty.storage.database import Database
    from loyalty.storage.tables import balances, ledger_entries, users

    db = Database(url)
    try:
        async with db.stores.read() as store:
            row = await store.tenants.get_by_name(tenant)
        assert row is not None
        now = time.time_ns() // 1_000_000
        batch = 5000
        for start in range(1, count + 1, batch):
            rows = [
                {"tenant_id": row["id"], "external_id": f"u{i}", "profile": {}, "created_at": now}
                for i in range(start, min(start + batch, count + 1))
            ]
            async with db.write() as conn:
                await conn.execute(users.insert(), rows)
                if not opening_points:
                    continue
                ids = [
                    r[0]
                    for r in await conn.execute(
                        select(users.c.id).where(
                            users.c.tenant_id == row["id"],
                            users.c.external_id.in_([u["external_id"] for u in rows]),
                        )
                    )
                ]
                await conn.execute(
                    ledger_entries.insert(),
                    [
                        {
                            "tenant_id": row["id"],
                            "user_pk": pk,
                            "metric": "points",
                            "kind": "credit",
                            "amount": opening_points,
                            "remaining": opening_points,
                            "source": "bench",
                            "balance_after": opening_points,
                            "created_at": now,
                        }
                        for pk in ids
                    ],
                )
                await conn.execute(
                    balances.insert(),
                    [
                        {
                            "user_pk": pk,
                            "metric": "points",
                            "tenant_id": row["id"],
                            "balance": opening_points,
                            "lifetime_earned": opening_points,
                            "updated_at": now,
                        }
                        for pk in ids
                    ],
                )
    finally:
        await db.dispose()


def configure(base: str, admin_key: str, report: RunReport, *, campaign: bool = False) -> None:
    headers = {"X-API-Key": admin_key}
    programme = [*PROGRAMME, CAMPAIGN] if campaign else PROGRAMME
    if campaign:
        report.notes.append(
            "campaign active: every purchase doubled plus 5, capped per user (checked in the write)"
        )
    with httpx.Client(base_url=base, headers=headers, timeout=30) as http:
        for kind, item_id, body in programme:
            if http.get(f"/v1/admin/{kind}").status_code == 404:
                report.notes.append(f"kind '{kind}' not available: {item_id} not configured")
                continue
            r = http.put(f"/v1/admin/{kind}/{item_id}", json=body)
            if r.status_code != 200:
                raise SystemExit(f"configuring {kind}/{item_id} failed: {r.status_code} {r.text}")


def start_server(url: str, workers: int, port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    # The settings a user gets by default (the access log on): the log goes where the server's
    # stderr goes.
    server_env = {**env, "LOYALTY_DATABASE_URL": url}
    # The log goes to a file: a pipe nobody drains would block the server once 64 KiB are written.
    log = tempfile.TemporaryFile()  # noqa: SIM115  (open as long as the server runs; closed with the process)
    proc = subprocess.Popen(
        [str(ROOT / ".venv/bin/loyalty"), "serve", "--port", str(port), "--workers", str(workers)],
        env=server_env,
        stdout=subprocess.DEVNULL,
        stderr=log,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            log.seek(0)
            raise SystemExit(f"server exited: {log.read().decode(errors='replace')[-2000:]}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise SystemExit("server did not become ready")


def server_pids(proc: subprocess.Popen[bytes]) -> list[int]:
    pids = [proc.pid]
    out = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True, check=False).stdout
    pids += [int(p) for p in out.split()]
    return pids


def peak_rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process (``/proc/PID/stat`` fields 14 and 15); 0 once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def backend_pids(url: str | None) -> list[int]:
    """The PostgreSQL backends connected to the benchmark's database (none for SQLite)."""
    if url is None or not url.startswith("postgres"):
        return []
    args, name = connection_args(url)
    sql = f"SELECT pid FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()"
    out = subprocess.run(
        ["psql", *args, "-At", "-c", sql, "postgres"], capture_output=True, text=True, check=True
    ).stdout
    return [int(p) for p in out.split()]


class CpuMeter:
    """CPU of a set of processes over a window: server processes, and database backends that may
    connect during it (a backend first seen at the end counts from zero)."""

    def __init__(self, server: list[int], url: str | None) -> None:
        self.server, self.url = server, url
        self.start_server = sum(cpu_seconds(p) for p in server)
        self.start_db = {p: cpu_seconds(p) for p in backend_pids(url)}

    def stop(self, count: int) -> tuple[float | None, float | None]:
        """(server ms, database ms) per one of ``count`` requests."""
        server = sum(cpu_seconds(p) for p in self.server) - self.start_server
        db = None
        if self.url is not None and self.url.startswith("postgres"):
            ends = {p: cpu_seconds(p) for p in backend_pids(self.url)}
            db = sum(ends[p] - self.start_db.get(p, 0.0) for p in ends)
            db = round(1000 * db / max(count, 1), 3)
        return round(1000 * server / max(count, 1), 3), db


def wrk_script(
    path: Path, kind: str, users: int, api_key: str, extra: dict[str, Any], *, pause_ms: float | None = None
) -> None:
    """``pause_ms`` paces each connection: a random pause of that mean before each request (wrk's
    ``delay()``), so the load is an open stream at a chosen rate, not a closed loop at saturation."""
    body = event_request("__USER__")
    lua = ""
    if pause_ms is not None:
        lua += f"delay = function() return math.floor(-math.log(1 - math.random()) * {pause_ms:.3f}) end\n"
    lua += f"""
local users = {users}
local key = "{api_key}"
math.randomseed(os.time() + tonumber(tostring({{}}):sub(8), 16))
local headers = {{["Content-Type"] = "application/json", ["X-API-Key"] = key}}
request = function()
  local uid = math.random(1, users)
"""
    if kind == "events":
        body_lua = json.dumps(body).replace('"__USER__"', "\"u' .. uid .. '\"")
        lua += f"  return wrk.format('POST', '/v1/event', headers, '{body_lua}')\nend\n"
    elif kind == "points":
        lua += "  return wrk.format('GET', '/v1/user/u' .. uid .. '/points', headers)\nend\n"
    elif kind == "history":
        lua += "  return wrk.format('GET', '/v1/user/u' .. uid .. '/history?showAll=true', headers)\nend\n"
    elif kind == "challenges":
        lua += "  return wrk.format('GET', '/v1/user/u' .. uid .. '/challenge', headers)\nend\n"
    elif kind == "redeem":
        offer = extra["offer"]
        lua += f"  return wrk.format('POST', '/v1/user/u' .. uid .. '/offer/{offer}/redeem', headers, '{{}}')\nend\n"
    else:
        raise ValueError(kind)
    path.write_text(lua)


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    return float(match.group(1)) * _UNITS[match.group(2)] if match else float("nan")


def run_wrk(name: str, base: str, script: Path, connections: int, duration: int) -> LoadResult:
    # A 10 s timeout (wrk's default is 2 s): a slow answer counts in the latency, not as lost.
    cmd = [
        "wrk",
        "-t2",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout",
        "10s",
        "--latency",
        "-s",
        str(script),
        base,
    ]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    total = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    max_ms = _ms(re.search(r"Latency\s+\S+\s+\S+\s+(\S+)", out).group(1))  # type: ignore[union-attr]
    non_2xx = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out)) else 0
    errors = 0
    if m := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out):
        errors = sum(int(x) for x in m.groups())
    return LoadResult(name, rps, p50, p99, max_ms, total, errors, non_2xx)


def connection_args(url: str) -> tuple[list[str], str]:
    """``psql``/``pgbench`` options for ``postgresql://user@host:port/name``, and the name."""
    db = url.replace("postgresql://", "")
    user_host, _, name = db.rpartition("/")
    user, _, host_port = user_host.rpartition("@")
    host, _, port = host_port.partition(":")
    return ["-h", host, "-p", port or "5432", "-U", user or "postgres"], name


def run_reference(
    url: str, users: int, connections: int, duration: int, workdir: Path
) -> tuple[float, float, float, float]:
    """pgbench's TPS for the reference transaction at as many clients as wrk's connections, the
    p50 and p99 of its transactions in ms (from its per-transaction log), and the PostgreSQL CPU
    per transaction in ms."""
    env = {**os.environ, "PGOPTIONS": "-c synchronous_commit=on"}
    args, name = connection_args(url)
    subprocess.run(
        ["psql", *args, "-q", "-v", f"maxuser={users}", "-f", str(BENCH / "reference_setup.sql"), name],
        env=env,
        check=True,
        capture_output=True,
    )
    logs = workdir / "pgbench-log"
    logs.mkdir(exist_ok=True)
    pgbench = subprocess.Popen(
        [
            "pgbench",
            *args,
            "-n",
            f"-c{connections}",
            "-j2",
            f"-T{duration}",
            "-D",
            f"maxuser={users}",
            "--log",
            f"--log-prefix={logs / 'tx'}",
            "-f",
            str(BENCH / "reference.sql"),
            name,
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # The backends' CPU over the middle of the run (they connect at its start and leave at its end).
    margin = min(2.0, duration / 4)
    time.sleep(margin)
    start = time.time()
    backends = {p: cpu_seconds(p) for p in backend_pids(url)}
    time.sleep(max(duration - 2 * margin, 0.1))
    used = sum(cpu_seconds(p) - before for p, before in backends.items())
    end = time.time()
    out, err = pgbench.communicate()
    if pgbench.returncode != 0:
        raise SystemExit(f"pgbench failed: {err}")
    tps = float(re.search(r"tps = ([\d.]+)", out).group(1))  # type: ignore[union-attr]
    # One line per transaction: client, transaction number, its latency in µs, script, and the
    # epoch seconds and µs it ended at.
    lines = [line.split() for log in logs.iterdir() for line in log.open()]
    latencies = sorted(int(fields[2]) for fields in lines)
    in_window = sum(1 for fields in lines if start <= int(fields[4]) + int(fields[5]) / 1e6 <= end)
    db_cpu_ms = round(1000 * used / max(in_window, 1), 3)
    return tps, percentile_ms(latencies, 0.50), percentile_ms(latencies, 0.99), db_cpu_ms


def percentile_ms(sorted_us: list[int], share: float) -> float:
    return sorted_us[min(len(sorted_us) - 1, int(len(sorted_us) * share))] / 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("scenario", nargs="?", default="events", choices=SCENARIOS)
    parser.add_argument("--store", choices=("sqlite", "postgres"), default=None)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--duration", type=int, default=20)
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--smoke", action="store_true", help="a few seconds, few users: checks the harness")
    parser.add_argument("--json", type=Path, help="also write the report as JSON here")
    parser.add_argument(
        "--campaign", action="store_true", help="configure a campaign on the benchmark's purchase event"
    )
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk")
    store = args.store or ("sqlite" if args.scenario == "sqlite" else "postgres")
    workers = args.workers or (1 if store == "sqlite" else 2)
    if args.smoke:
        args.duration, args.users, args.connections = 2, min(args.users, 500), min(args.connections, 8)
    report = RunReport(
        scenario=args.scenario,
        store=store,
        workers=workers,
        connections=args.connections,
        duration_s=args.duration,
        users=args.users,
        date=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        machine=machine(),
        command=" ".join(["bench/run", *sys.argv[1:]]),
    )
    with tempfile.TemporaryDirectory(prefix="loyalty-bench-") as tmp:
        workdir = Path(tmp)
        if args.scenario == "scale":
            if store != "postgres":
                raise SystemExit("the scale scenario runs on PostgreSQL")
            measure(args, store, workers, workdir, report, label="events (empty store)")
            url = measure(args, store, workers, workdir, report, label="events (filled store)", fill=True)
        else:
            url = measure(args, store, workers, workdir, report)
        if store == "postgres" and args.scenario in ("events", "scale"):
            (
                report.reference_tps,
                report.reference_p50_ms,
                report.reference_p99_ms,
                report.reference_db_cpu_ms,
            ) = run_reference(url, args.users, args.connections, args.duration, workdir)
    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(asdict(report), indent=2))
    return 0


def measure(
    args: argparse.Namespace,
    store: str,
    workers: int,
    workdir: Path,
    report: RunReport,
    *,
    label: str | None = None,
    fill: bool = False,
) -> str:
    """One fresh store, tenant, users and server; runs the scenario's loads into ``report``.
    ``fill`` pre-fills the store of the ``scale`` scenario (``SCALE_USERS`` users, 10 ledger lines
    and 10 history entries each) and records the query plans of the reads that must stay on index."""
    url = fresh_database(store, workdir)
    env = {**os.environ, "LOYALTY_DATABASE_URL": url}
    loyalty(["migrate"], env)
    secret = secrets.token_urlsafe(32)
    created = json.loads(loyalty(["tenant", "create", "bench", "--jwt-secret", secret], env))
    admin_key = created["adminKey"]
    users = (min(SCALE_USERS, 10 * args.users) if args.smoke else SCALE_USERS) if fill else args.users
    if fill:
        prefill(url, users)
        report.notes.append(
            f"filled store: {users} users, {10 * users} ledger lines, {10 * users} history entries"
        )
    else:
        opening = OPENING_POINTS if args.scenario == "redeem" else 0
        asyncio.run(load_users(url, "bench", users, opening_points=opening))
    port = free_port()
    proc = start_server(url, workers, port, env)
    base = f"http://127.0.0.1:{port}"
    try:
        configure(base, admin_key, report, campaign=args.campaign)
        pids = server_pids(proc)
        for name, kind, extra in plan(args.scenario):
            script = workdir / f"{name}.lua"
            wrk_script(script, kind, users, admin_key, extra)
            run_wrk(name, base, script, args.connections, min(3, args.duration))  # warm-up
            meter = CpuMeter(pids, url)
            result = run_wrk(name, base, script, args.connections, args.duration)
            result.server_cpu_ms, result.db_cpu_ms = meter.stop(result.requests)
            if label:
                result.name = label
            report.loads.append(result)
            if kind == "events" and args.scenario != "scale":
                report.loads.append(paced_run(base, workdir, users, admin_key, pids, url, result, args))
        report.peak_rss_mb = [round(peak_rss_mb(p), 1) for p in pids]
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    if fill:
        report.plans = asyncio.run(query_plans(url))
    return url


PACED_CONNECTIONS = 16


def paced_run(
    base: str,
    workdir: Path,
    users: int,
    admin_key: str,
    pids: list[int],
    url: str,
    saturated: LoadResult,
    args: argparse.Namespace,
) -> LoadResult:
    """Latency as a user meets it: 16 connections sending, together, about half the rate the
    server sustained at saturation (a closed loop's latency is only connections ÷ throughput)."""
    connections = min(PACED_CONNECTIONS, args.connections)
    target = max(saturated.requests_per_s / 2, 1.0)
    script = workdir / "paced.lua"
    wrk_script(script, "events", users, admin_key, {}, pause_ms=1000 * connections / target)
    meter = CpuMeter(pids, url)
    result = run_wrk(f"paced ~{target:.0f}/s", base, script, connections, args.duration)
    result.server_cpu_ms, result.db_cpu_ms = meter.stop(result.requests)
    return result


SCALE_USERS = 1_000_000


def prefill(url: str, users: int) -> None:
    """The scale store, written by PostgreSQL itself (``scale_prefill.sql``): minutes, not hours."""
    started = time.monotonic()
    args, name = connection_args(url)
    tenant = asyncio.run(_tenant_id(url))
    variables = {"tenant": tenant, "users": users, "now": time.time_ns() // 1_000_000}
    subprocess.run(
        ["psql", *args, "-q", "-v", "ON_ERROR_STOP=1"]
        + [f"--set={key}={value}" for key, value in variables.items()]
        + ["-f", str(BENCH / "scale_prefill.sql"), name],
        check=True,
        capture_output=True,
    )
    print(
        f"prefilled {users} users, {10 * users} ledger lines and history entries in {time.monotonic() - started:.0f}s"
    )


async def _tenant_id(url: str) -> int:
    import asyncpg

    conn = await asyncpg.connect(url)
    try:
        return int(await conn.fetchval("SELECT id FROM tenants WHERE name = 'bench'"))
    finally:
        await conn.close()


PLAN_QUERIES = {
    "history page (GET /v1/user/{id}/history)": (
        "SELECT * FROM history_entries WHERE user_pk = {pk} ORDER BY ts DESC, id DESC LIMIT 1000"
    ),
    "challenge progress (GET /v1/user/{id}/challenge)": (
        "SELECT * FROM challenge_progress WHERE user_pk = {pk}"
    ),
    "open lots of a debit": (
        "SELECT id, remaining FROM ledger_entries WHERE user_pk = {pk} AND metric = 'points' AND remaining > 0 "
        "ORDER BY valid_until IS NULL, valid_until, created_at, id LIMIT 50"
    ),
    "user lookup (every request)": (
        "SELECT id FROM users WHERE tenant_id = {tenant} AND external_id = 'u{pk}'"
    ),
}


async def query_plans(url: str) -> dict[str, str]:
    import asyncpg

    conn = await asyncpg.connect(url)
    try:
        pk = int(
            await conn.fetchval(
                "SELECT id FROM users ORDER BY id OFFSET (SELECT count(*) / 2 FROM users) LIMIT 1"
            )
        )
        tenant = int(await conn.fetchval("SELECT id FROM tenants WHERE name = 'bench'"))
        plans = {}
        for title, sql in PLAN_QUERIES.items():
            rows = await conn.fetch("EXPLAIN (ANALYZE, BUFFERS) " + sql.format(pk=pk, tenant=tenant))
            plans[title] = "\n".join(r[0] for r in rows)
        return plans
    finally:
        await conn.close()


def plan(scenario: str) -> list[tuple[str, str, dict[str, Any]]]:
    if scenario in ("events", "sqlite", "scale"):
        return [("events", "events", {})]
    if scenario == "reads":
        return [("points", "points", {}), ("history", "history", {}), ("challenges", "challenges", {})]
    if scenario == "redeem":
        return [("redeem", "redeem", {"offer": "coffee"})]
    raise SystemExit(f"scenario {scenario!r} has its own script or is not written yet: see bench/README.md")


def print_report(report: RunReport) -> None:
    print(
        f"\n{report.scenario} on {report.store}, {report.workers} worker(s), {report.connections} connections, "
        f"{report.duration_s}s, {report.users} users — {report.date}"
    )
    print(f"machine: {report.machine}\ncommand: {report.command}")
    for load in report.loads:
        cpu = f"   server CPU {load.server_cpu_ms:.2f} ms/req" if load.server_cpu_ms is not None else ""
        if load.db_cpu_ms is not None:
            cpu += f"   PostgreSQL CPU {load.db_cpu_ms:.2f} ms/req"
        print(
            f"  {load.name:<11} {load.requests_per_s:>9.0f} req/s   p50 {load.p50_ms:.1f} ms   "
            f"p99 {load.p99_ms:.1f} ms   max {load.max_ms:.1f} ms   errors {load.errors}   non-2xx {load.non_2xx}"
            + cpu
        )
    if report.reference_tps:
        ratio = report.loads[0].requests_per_s / report.reference_tps
        print(
            f"  reference  {report.reference_tps:>9.0f} tps   p50 {report.reference_p50_ms:.1f} ms   "
            f"p99 {report.reference_p99_ms:.1f} ms   PostgreSQL CPU {report.reference_db_cpu_ms:.2f} ms/tx   "
            f"(pgbench, the event's three writes on per-user rows)  ratio {ratio:.2f}"
        )
    print(f"  peak RSS per server process (MB): {report.peak_rss_mb}")
    for note in report.notes:
        print(f"  note: {note}")
    if len(report.loads) == 2 and report.scenario == "scale":
        ratio = report.loads[1].requests_per_s / report.loads[0].requests_per_s
        print(f"  filled ÷ empty: {ratio:.2f}")
    for title, text in report.plans.items():
        print(f"\n  plan: {title}\n" + "\n".join("    " + line for line in text.splitlines()))


if __name__ == "__main__":
    sys.exit(main())
