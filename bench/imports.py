"""The import figures of issue 23: 100,000 balance rows, and 100,000 back-dated events, on a fresh
store, through the ``loyalty import`` command a user runs.

    .venv/bin/python bench/imports.py balances --store postgres
    .venv/bin/python bench/imports.py events --store sqlite [--rows 100000] [--users 20000]

Each run: a fresh store (SQLite file in a temporary directory, or the PostgreSQL database
``loyalty_bench_import`` on ``LOYALTY_BENCH_POSTGRES``), a tenant with the benchmark programme
(``bench/programme.py``: a TRANSACTION event with a condition and a daily limit, a challenge, a
weekly streak with a milestone, a leaderboard, statistics), the generated file, then
``loyalty import KIND FILE`` timed wall-clock (and the CLI's CPU), the same command again (every
row skipped), and ``loyalty ledger verify``. Prints one Markdown table row for ``bench/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from harness import PG_BASE, machine, psql  # noqa: E402
from programme import PROGRAMME  # noqa: E402

PG_DATABASE = "loyalty_bench_import"
DAY_MS = 86_400_000


def fresh_store(store: str, workdir: Path) -> str:
    if store == "sqlite":
        return f"sqlite:///{workdir / 'import.db'}"
    asyncio.run(psql(PG_BASE + "/postgres", f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)'))
    asyncio.run(psql(PG_BASE + "/postgres", f'CREATE DATABASE "{PG_DATABASE}"'))
    return f"{PG_BASE}/{PG_DATABASE}"


def balances_file(path: Path, rows: int, users: int) -> None:
    """One credit per row, ``users`` members, expiring 2031-01-01, each with a reference."""
    rng = random.Random(23)
    with path.open("w") as out:
        out.write("userId,points,validUntil,reference\n")
        for i in range(rows):
            out.write(f"m{i % users},{rng.randint(1, 500)},2031-01-01T00:00:00Z,legacy-{i}\n")


def events_file(path: Path, rows: int, users: int, now_ms: int) -> None:
    """A year of history before ``now_ms``, in time order: four purchases (random amounts) for
    every login, by random members."""
    rng = random.Random(23)
    start = now_ms - 365 * DAY_MS
    step = (365 * DAY_MS) // rows
    with path.open("w") as out:
        for i in range(rows):
            user = f"m{rng.randrange(users)}"
            at = datetime.fromtimestamp((start + i * step) / 1000, tz=UTC).isoformat().replace("+00:00", "Z")
            if i % 5 == 4:
                row = {"eventId": "app_login", "userId": user, "occurredAt": at}
            else:
                amount = round(rng.uniform(1, 200), 2)
                row = {
                    "eventId": "purchase_completed",
                    "userId": user,
                    "metadata": {"amount": amount},
                    "occurredAt": at,
                }
            out.write(json.dumps(row) + "\n")


def loyalty(args: list[str], env: dict[str, str], *, check: bool = True) -> subprocess.CompletedProcess[str]:
    # This checkout's code, whatever the virtual environment has installed.
    env = {**env, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "loyalty", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, check=check)


def timed(args: list[str], env: dict[str, str]) -> tuple[float, float, float, str]:
    """(wall s, user s, system s, stdout) of one command; CPU from the children's usage."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    done = loyalty(args, env)
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime, done.stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=("balances", "events"))
    parser.add_argument("--store", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--users", type=int, default=20_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        url = fresh_store(args.store, workdir)
        env = {**os.environ, "LOYALTY_DATABASE_URL": url}
        loyalty(["migrate"], env)
        loyalty(["tenant", "create", "bench"], env)
        programme: dict[str, dict[str, object]] = {}
        for kind, item_id, body in PROGRAMME:
            programme.setdefault(kind, {})[item_id] = body
        config = workdir / "programme.yaml"
        config.write_text(yaml.safe_dump({"format": 1, "items": programme}, sort_keys=False))
        loyalty(["config", "apply", str(config), "--tenant", "bench"], env)
        if args.kind == "balances":
            file = workdir / "balances.csv"
            balances_file(file, args.rows, args.users)
        else:
            file = workdir / "events.jsonl"
            events_file(file, args.rows, args.users, int(time.time() * 1000) - DAY_MS)
        command = ["import", args.kind, str(file), "--tenant", "bench"]
        load = os.getloadavg()[0]
        wall, user, system, summary = timed(command, env)
        again, _, _, rerun = timed(command, env)
        verify = loyalty(["ledger", "verify"], env, check=False)
        when = datetime.now(tz=UTC).strftime("%Y-%m-%d %H:%M UTC")
        print(f"# {when}; {machine()}; load average before: {load:.2f}", file=sys.stderr)
        print(f"# {summary} / re-run: {rerun} / ledger verify exit {verify.returncode}", file=sys.stderr)
        print(
            f"| {args.store} | {args.kind} | {args.rows:,} rows, {args.users:,} members | {wall:.1f} s "
            f"({user:.1f} s user, {system:.1f} s system of the CLI; {args.rows / wall:,.0f} rows/s) "
            f"| {again:.1f} s | {'clean' if verify.returncode == 0 else 'NOT clean'} |"
        )
        if args.store == "postgres":
            asyncio.run(psql(PG_BASE + "/postgres", f'DROP DATABASE IF EXISTS "{PG_DATABASE}" WITH (FORCE)'))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
