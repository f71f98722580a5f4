"""Event statistics at 10 million events: query time of GET /v1/stats/event's reads.

Fills one tenant with the rollup rows that ~11 million events over 100 days would leave behind
(20 event types with Zipf-like popularity, 100,000 users, ~110,000 events a day, 4 shards on
PostgreSQL and 1 on SQLite, as the app writes them),
plus the per-user bookkeeping rows those events would write (latest active day per user and
event; user x day/month marks for ~90,000 active users a day), generated directly with bulk SQL
(PostgreSQL ``generate_series``, SQLite recursive CTEs). Then times the app's own read path
(``loyalty.app.stats.stats``) for the 90-day global and per-event statistics, median of 5 after one
warm-up, and prints the query plans.

    PYTHONPATH=src python bench/stats_10m.py sqlite:////tmp/stats-bench.db
    PYTHONPATH=src python bench/stats_10m.py postgresql://postgres@127.0.0.1:5432/postgres

A PostgreSQL URL names the server: the script creates a throwaway database there and drops it.
``--markdown FILE`` appends the figures to FILE.
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import secrets
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.stats import stats
from loyalty.app.tenancy.tenants import TenantCache, create_tenant
from loyalty.core import periods
from loyalty.settings import Settings
from loyalty.storage import migrate
from loyalty.storage.database import Database, async_url
from loyalty.storage.stats import stats as stats_repo
from loyalty.storage.stats.stats_tables import HOURS

DAYS = 100
EVENT_TYPES = 20
USERS = 100_000
EVENTS_PER_DAY = 110_000
ACTIVE_PERCENT = 90
# Sum of 1/(e+1) for e < 20: the Zipf weights below add up to one.
HARMONIC_20 = 3.597739657143682
# Share of a day's events in each hour (a day/evening curve), in per mille; sums to 1000.
HOUR_PROFILE = (6, 4, 3, 3, 4, 8, 18, 36, 52, 58, 60, 62, 66, 64, 60, 58, 60, 66, 72, 76, 70, 56, 30, 12)


def generate_statements(is_sqlite: bool, tenant_id: int, today: str) -> list[tuple[str, str]]:
    """(description, SQL) in order; every row is generated inside the database."""
    shards = 1 if is_sqlite else stats_repo.PG_SHARDS
    per_row = f"({EVENTS_PER_DAY}.0 / {shards} / (e.n + 1) / {HARMONIC_20})"
    if is_sqlite:
        rnd = "(0.85 + (abs(random()) % 300) / 1000.0)"
        series = (
            f"WITH RECURSIVE d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d WHERE n < {DAYS - 1}), "
            f"e(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM e WHERE n < {EVENT_TYPES - 1}), "
            f"s(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM s WHERE n < {shards - 1}) "
        )
        day_expr = f"date('{today}', '-' || d.n || ' days')"
        from_clause = "FROM d, e, s"
        users = (
            f"WITH RECURSIVE u(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM u WHERE n < {USERS}), "
            f"e(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM e WHERE n < {EVENT_TYPES}) "
        )
        users_days = (
            f"WITH RECURSIVE u(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM u WHERE n < {USERS}), "
            f"d(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM d WHERE n < {DAYS - 1}) "
        )
        last_day = f"date('{today}', '-' || ((u.n * 7 + e.n) % 30) || ' days')"
        user_day = f"date('{today}', '-' || d.n || ' days')"
    else:
        rnd = "(0.85 + random() * 0.3)"
        series = ""
        day_expr = f"to_char(date '{today}' - d.n, 'YYYY-MM-DD')"
        from_clause = (
            f"FROM generate_series(0, {DAYS - 1}) d(n), generate_series(0, {EVENT_TYPES - 1}) e(n), "
            f"generate_series(0, {shards - 1}) s(n)"
        )
        users = ""
        last_day = f"to_char(date '{today}' - ((u.n * 7 + e.n) % 30), 'YYYY-MM-DD')"
        user_day = f"to_char(date '{today}' - d.n, 'YYYY-MM-DD')"
        users_days = ""
    hours = ", ".join(f"CAST({per_row} * {share} / 1000.0 * {rnd} AS INTEGER)" for share in HOUR_PROFILE)
    columns = ", ".join(HOURS)
    zero_counters = "0, 0, 0, 0, 0, 0, 0, 0"
    event_rows = (
        f"{series}INSERT INTO stats_event_daily (tenant_id, day_key, event_id, shard, events, points, "
        f"condition_met, condition_failed, limit_reached, day_users, month_users, last_users, {columns}) "
        f"SELECT {tenant_id}, {day_expr}, 'event_' || e.n, s.n, {zero_counters}, {hours} {from_clause}"
    )
    hour_sum = " + ".join(HOURS)
    counters = (
        f"UPDATE stats_event_daily SET events = {hour_sum} WHERE tenant_id = {tenant_id}; "
        f"UPDATE stats_event_daily SET points = events * 7, condition_met = events - events / 20, "
        f"condition_failed = events / 20, limit_reached = events / 50, day_users = events * 9 / 10, "
        f"month_users = events / 12, last_users = events / 40 WHERE tenant_id = {tenant_id}"
    )
    sums = ", ".join(
        f"SUM({c})"
        for c in (
            "events",
            "points",
            "condition_met",
            "condition_failed",
            "limit_reached",
            "day_users",
            "month_users",
            "last_users",
            *HOURS,
        )
    )
    all_rows = (
        f"INSERT INTO stats_event_daily SELECT tenant_id, day_key, '', shard, {sums} "
        f"FROM stats_event_daily WHERE tenant_id = {tenant_id} GROUP BY tenant_id, day_key, shard"
    )
    scope = "CASE WHEN e.n = 0 THEN '' ELSE 'event_' || (e.n - 1) END"
    last_days = (
        f"{users}INSERT INTO stats_user_last_day (user_pk, event_id, tenant_id, last_day, previous_day) "
        f"SELECT u.n, {scope}, {tenant_id}, {last_day}, NULL "
        + (
            "FROM u, e"
            if is_sqlite
            else f"FROM generate_series(1, {USERS}) u(n), generate_series(0, {EVENT_TYPES}) e(n)"
        )
    )
    # ~90 % of users active each day: an "all events" day mark and one event's day mark each.
    active = f"(u.n * 31 + d.n * 17) % 100 < {ACTIVE_PERCENT}"
    day_marks = (
        f"{users_days}INSERT INTO stats_user_periods (user_pk, event_id, period, tenant_id) "
        f"SELECT u.n, x.event_id, {user_day}, {tenant_id} "
        + (
            "FROM u, d, (SELECT '' AS event_id UNION ALL SELECT 'event_' AS event_id) x"
            if is_sqlite
            else f"FROM generate_series(1, {USERS}) u(n), generate_series(0, {DAYS - 1}) d(n), "
            "(VALUES (''), ('event_')) x(event_id)"
        )
        + f" WHERE {active}"
    )
    # The event's mark names one event per user and day (the user's favourite, by popularity).
    day_marks = day_marks.replace(
        "x.event_id,",
        f"CASE WHEN x.event_id = '' THEN '' ELSE 'event_' || ((u.n + d.n) % {EVENT_TYPES}) END,",
    )
    return [
        (f"rollup rows of 20 events x 100 days x {shards} shard(s)", event_rows),
        ("counters from the hours", counters),
        ("'all events' rows", all_rows),
        ("latest active day of 100k users x 21 scopes", last_days),
        ("user x day marks (~90k active users a day, 2 marks each)", day_marks),
    ]


def ms_list(samples: list[float]) -> str:
    return ", ".join(f"{s:.1f}" for s in samples)


def machine() -> str:
    mem = subprocess.run(["free", "-h"], capture_output=True, text=True, check=False).stdout.strip()
    cpus = subprocess.run(["nproc"], capture_output=True, text=True, check=False).stdout.strip()
    return f"nproc {cpus}, {platform.platform()}, Python {platform.python_version()}\n\n```\n{mem}\n```"


async def explain(db: Database, query: Any) -> str:
    compiled = query.compile(dialect=db.engine.dialect, compile_kwargs={"literal_binds": True})
    prefix = "EXPLAIN QUERY PLAN " if db.is_sqlite else "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) "
    async with db.read() as conn:
        rows = (await conn.execute(text(prefix + str(compiled)))).all()
    return "\n".join(str(r[-1]) for r in rows)


async def timed(work: object, runs: int = 5) -> tuple[float, list[float]]:
    await work()  # type: ignore[operator]
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        await work()  # type: ignore[operator]
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), samples


HOT_PATH_EVENTS = 500
HOT_PATH_NOTE = {
    True: "2 and 1 statements; the rollup additions are summed and written with the group's commit",
    False: "its one statement goes with the event's other deferred writes; this is the BEGIN and building it",
}


async def hot_path(db: Database, tenant_id: int, now_ms: int) -> tuple[float, float]:
    """Median cost of ``record`` for a first and a repeated event of a user today."""
    day = datetime.fromtimestamp(now_ms / 1000, tz=UTC).date().isoformat()
    medians = []
    for _ in range(2):
        samples = []
        for user in range(USERS + 1, USERS + 1 + HOT_PATH_EVENTS):
            hit = stats_repo.Hit(tenant_id, user, "event_3", day, 12, 5, True, False)
            async with db.write() as conn:
                started = time.perf_counter()
                await stats_repo.record(conn, hit)
                samples.append((time.perf_counter() - started) * 1e6)
        medians.append(statistics.median(samples))
    return medians[0], medians[1]


async def run(url: str, markdown: Path | None) -> None:
    db = Database(url)
    await migrate.upgrade(db.engine, url)
    now_ms = time.time_ns() // 1_000_000
    tenant_id = await create_tenant(db.stores, f"bench{secrets.token_hex(3)}", jwt_secret=None, now=now_ms)
    today = datetime.fromtimestamp(now_ms / 1000, tz=UTC).date().isoformat()
    fill_log = []
    # The app's engine stops PostgreSQL statements after 30 s; the bulk fill may take longer.
    filler = db.engine if db.is_sqlite else create_async_engine(async_url(url))
    for description, sql in generate_statements(db.is_sqlite, tenant_id, today):
        started = time.perf_counter()
        async with filler.begin() as conn:
            for statement in sql.split("; "):
                await conn.execute(text(statement))
        fill_log.append(f"- {description}: {time.perf_counter() - started:.1f} s")
        print(fill_log[-1], flush=True)
    if filler is not db.engine:
        await filler.dispose()
    async with db.write() as conn:
        await conn.execute(text("ANALYZE"))
    if not db.is_sqlite:
        async with db.engine.connect() as conn:
            await (await conn.execution_options(isolation_level="AUTOCOMMIT")).execute(text("VACUUM ANALYZE"))
    async with db.read() as conn:
        total = (
            await conn.execute(
                text("SELECT SUM(events) FROM stats_event_daily WHERE tenant_id = :t AND event_id = ''"),
                {"t": tenant_id},
            )
        ).scalar_one()
        sizes = {
            table: (await conn.execute(text(f"SELECT COUNT(*) FROM {table}"))).scalar_one()
            for table in ("stats_event_daily", "stats_user_last_day", "stats_user_periods")
        }
    services = Services(
        settings=Settings(database_url=url), stores=db.stores, tenants=TenantCache(db.stores, 60.0)
    )
    principal = Principal(tenant_id, "bench", None, frozenset(), api_key_role="admin")
    rng = periods.resolve("90d", None, None, datetime.fromisoformat(today).date())
    start, end = rng.start.isoformat(), rng.end.isoformat()  # type: ignore[union-attr]
    global_ms, global_samples = await timed(lambda: stats.global_stats(services, principal, rng))
    event_ms, event_samples = await timed(lambda: stats.event_stats(services, principal, rng, "event_0"))
    view = await stats.global_stats(services, principal, rng)
    plans = {
        "days of all events": await explain(
            db, stats_repo.daily_rows_query(tenant_id, start=start, end=None, event_id=stats_repo.ALL_EVENTS)
        ),
        "eventBreakdown": await explain(
            db, stats_repo.totals_by_event_query(tenant_id, start=start, end=end)
        ),
        "days of one event": await explain(
            db, stats_repo.daily_rows_query(tenant_id, start=start, end=None, event_id="event_0")
        ),
    }
    first_us, repeat_us = await hot_path(db, tenant_id, now_ms)
    engine = "SQLite" if db.is_sqlite else "PostgreSQL"
    lines = [
        f"### {engine}",
        "",
        f"{datetime.now(tz=UTC):%Y-%m-%d %H:%M} UTC, `{' '.join(['python', *sys.argv])}`; {machine()}",
        "",
        f"Events represented: {total:,} over {DAYS} days; 90-day window {start} … {end} holds "
        f"{view.total_events:,} events, {len(view.breakdown)} event types.",
        "Rows: " + ", ".join(f"{t} {n:,}" for t, n in sizes.items()) + ".",
        "",
        "| query (app read path, `loyalty.app.stats.stats`) | median of 5 | runs (ms) |",
        "|---|---|---|",
        f"| `period=90d` global | {global_ms:.1f} ms | {ms_list(global_samples)} |",
        f"| `period=90d&eventId=event_0` | {event_ms:.1f} ms | {ms_list(event_samples)} |",
        "",
        f"Hot path (the stats reactor inside an event transaction, {HOT_PATH_EVENTS} events, median): "
        f"a user's first event of the day {first_us:.0f} µs, a repeated one {repeat_us:.0f} µs ({HOT_PATH_NOTE[db.is_sqlite]}).",
        "",
        "Fill:",
        *fill_log,
        "",
        *(f"Plan ({name}):\n\n```\n{plan}\n```\n" for name, plan in plans.items()),
    ]
    report = "\n".join(lines)
    print(report)
    if markdown is not None:
        with markdown.open("a") as out:
            out.write(report + "\n")
    await db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--markdown", type=Path)
    args = parser.parse_args()
    url: str = args.url
    if url.startswith("postgresql"):
        import asyncpg

        name = f"stats_bench_{secrets.token_hex(3)}"
        admin = url.rsplit("/", 1)[0] + "/postgres"

        async def admin_sql(sql: str) -> None:
            conn = await asyncpg.connect(admin)
            try:
                await conn.execute(sql)
            finally:
                await conn.close()

        asyncio.run(admin_sql(f'CREATE DATABASE "{name}"'))
        try:
            asyncio.run(run(url.rsplit("/", 1)[0] + "/" + name, args.markdown))
        finally:
            asyncio.run(admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    else:
        if url.startswith("sqlite:///"):
            Path(url[len("sqlite:///") :]).unlink(missing_ok=True)
        asyncio.run(run(url, args.markdown))


if __name__ == "__main__":
    main()
