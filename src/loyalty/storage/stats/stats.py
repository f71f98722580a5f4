"""SQL of the event statistics: the rollup upserts of the hot path and the range reads.

The hot path marks the (user, event, day/month) periods, moves the user's latest day when the day
is new to them, and adds to the daily rollup rows. On PostgreSQL that is one statement. On SQLite
it is one statement for a user's repeated event on a day and two for their first event of the day;
the rollup additions are summed over the events of a group commit and written with it
(:mod:`loyalty.storage.group_sums`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.app.stats.ports import ALL_EVENTS, DailyRow, EventTotalsRow
from loyalty.storage.driver import Driver, SqliteDriver, Statement, driver_of
from loyalty.storage.group_sums import Rows
from loyalty.storage.repository import Repository
from loyalty.storage.stats.stats_tables import HOURS, stats_event_daily

__all__ = ["ALL_EVENTS", "PG_SHARDS", "Hit", "SqlStats", "record"]

# PostgreSQL: concurrent events of a tenant spread over this many rows per day and event. A
# transaction holds its rollup rows from the event's write to commit, ~1 ms, so four
# rows allow ~4,000 events/s per tenant, above what the whole event path sustains on one
# PostgreSQL; every shard more is one more row for each day and event a query reads.
PG_SHARDS = 4
SQLITE_SHARD = 0
"""SQLite has one writer at a time: one row per day and event."""
COUNTERS = (
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

EVENT_TOTALS = ("events", "points", "day_users", "month_users", "last_users")


@dataclass(frozen=True)
class Hit:
    """One logged event as the rollups see it."""

    tenant_id: int
    user_pk: int
    event_id: str
    day: str
    hour: int
    points: int
    condition_met: bool
    limit_reached: bool


def month_period(day: str) -> str:
    # 'M' sorts after every digit, so a day range never takes in a month row.
    return "M" + day[:7]


KEY = ("tenant_id", "day_key", "event_id", "shard")
ROLLUP_COLUMNS = (*KEY, *COUNTERS)

# The hot-path statements are plain SQL written once (the same text on SQLite and PostgreSQL,
# which share the ON CONFLICT / RETURNING syntax): building and compiling a 37-column upsert per
# event cost more than running it.
_MARK = (
    "INSERT INTO stats_user_periods (user_pk, event_id, period, tenant_id) VALUES "
    "(:user_pk, :event_id, :day, :tenant_id), (:user_pk, :event_id, :month, :tenant_id), "
    "(:user_pk, :all_events, :day, :tenant_id), (:user_pk, :all_events, :month, :tenant_id) "
    "ON CONFLICT DO NOTHING RETURNING event_id, period"
)
MARK_SQL = Statement(_MARK)


@lru_cache(maxsize=4)
def _move_sql(rows: int) -> Statement:
    values = ", ".join(f"(:user_pk, :event_id_{i}, :tenant_id, :day, NULL)" for i in range(rows))
    # Only placeholders are interpolated.
    sql = (
        "INSERT INTO stats_user_last_day (user_pk, event_id, tenant_id, last_day, previous_day) "  # noqa: S608
        f"VALUES {values} ON CONFLICT (user_pk, event_id) DO UPDATE SET "
        "previous_day = stats_user_last_day.last_day, last_day = excluded.last_day "
        "WHERE stats_user_last_day.last_day < excluded.last_day RETURNING event_id, previous_day"
    )
    return Statement(sql)


def _rollup_row_sql() -> Statement:
    """SQLite: add one row's counters to the daily rollup."""
    values = ", ".join(f":{column}" for column in ROLLUP_COLUMNS)
    updates = ", ".join(f"{c} = stats_event_daily.{c} + excluded.{c}" for c in COUNTERS)
    # Only this module's column names and placeholders are interpolated.
    return Statement(
        f"INSERT INTO stats_event_daily ({', '.join(ROLLUP_COLUMNS)}) VALUES ({values}) "  # noqa: S608
        f"ON CONFLICT ({', '.join(KEY)}) DO UPDATE SET {updates}"
    )


_ROLLUP_ROW = _rollup_row_sql()


STATS_COUNTED = ("events", "points", "condition_met", "condition_failed", "limit_reached")


def guarded_ctes() -> list[str]:
    """PostgreSQL: the statistics of one logged event as data-modifying CTEs that all hang on a
    CTE ``g`` (its one row is the user's key; no row, nothing written): mark the (user, event,
    day/month) periods, move the user's latest day when the day is new to them, and add to the
    daily rollup rows of the user's shard (the SQLite path below, in one statement). The current
    day's rows count the event (``cur`` = 1); a moved scope's previous day gets ``last_users - 1``
    and nothing else. Parameters are cast (values in a SELECT list have no type to infer)."""
    day, month = "CAST(:day AS VARCHAR)", "CAST(:month AS VARCHAR)"
    scopes = ("CAST(:event_id AS VARCHAR)", f"CAST('{ALL_EVENTS}' AS VARCHAR)")
    marks = " UNION ALL ".join(
        f"SELECT g.id, {scope}, {period}, CAST(:tenant_id AS INTEGER) FROM g"  # noqa: S608
        for scope in scopes
        for period in (day, month)
    )
    counted = ", ".join(
        f"r.cur * CAST(:{name} AS {'BIGINT' if name == 'points' else 'INTEGER'})" for name in STATS_COUNTED
    )
    hours = ", ".join(f"r.cur * CAST(:{hour} AS INTEGER)" for hour in HOURS)
    updates = ", ".join(f"{c} = stats_event_daily.{c} + excluded.{c}" for c in COUNTERS)
    # Only this module's column names, casts and placeholders are interpolated.
    return [
        "marked AS (INSERT INTO stats_user_periods (user_pk, event_id, period, tenant_id) "
        f"{marks} ON CONFLICT DO NOTHING RETURNING event_id, period)",
        "moved AS (INSERT INTO stats_user_last_day (user_pk, event_id, tenant_id, last_day, previous_day) "  # noqa: S608
        f"SELECT g.id, m.event_id, CAST(:tenant_id AS INTEGER), {day}, NULL FROM marked m, g "
        f"WHERE m.period = {day} ON CONFLICT (user_pk, event_id) DO UPDATE SET "
        "previous_day = stats_user_last_day.last_day, last_day = excluded.last_day "
        "WHERE stats_user_last_day.last_day < excluded.last_day RETURNING event_id, previous_day)",
        f"r AS (SELECT s.scope AS event_id, {day} AS day_key, 1 AS cur, "  # noqa: S608
        f"(SELECT count(*) FROM marked m WHERE m.event_id = s.scope AND m.period = {day}) AS day_users, "
        f"(SELECT count(*) FROM marked m WHERE m.event_id = s.scope AND m.period = {month}) AS month_users, "
        "(SELECT count(*) FROM moved v WHERE v.event_id = s.scope) AS last_users "
        f"FROM (VALUES ({scopes[0]}), ({scopes[1]})) AS s (scope), g "
        "UNION ALL SELECT v.event_id, v.previous_day, 0, 0, 0, -1 FROM moved v "
        "WHERE v.previous_day IS NOT NULL)",
        f"st AS (INSERT INTO stats_event_daily ({', '.join(ROLLUP_COLUMNS)}) "  # noqa: S608
        f"SELECT CAST(:tenant_id AS INTEGER), r.day_key, r.event_id, CAST(:shard AS INTEGER), {counted}, "
        f"r.day_users, r.month_users, r.last_users, {hours} FROM r "
        f"ON CONFLICT ({', '.join(KEY)}) DO UPDATE SET {updates})",
    ]


def guarded_params(hit: Hit) -> dict[str, Any]:
    """The parameters of :func:`guarded_ctes` for ``hit`` (``shard`` = the user's on PostgreSQL)."""
    params: dict[str, Any] = {
        "event_id": hit.event_id,
        "day": hit.day,
        "month": month_period(hit.day),
        "tenant_id": hit.tenant_id,
        "shard": hit.user_pk % PG_SHARDS,
        "events": 1,
        "points": hit.points,
        "condition_met": int(hit.condition_met),
        "condition_failed": int(not hit.condition_met),
        "limit_reached": int(hit.limit_reached),
    }
    params.update({hour: int(i == hit.hour) for i, hour in enumerate(HOURS)})
    return params


_RECORD_ALONE = Statement(
    f"WITH g AS (SELECT CAST(:user_pk AS BIGINT) AS id), {', '.join(guarded_ctes())} SELECT 1"
)


async def record(conn: AsyncConnection, hit: Hit) -> None:
    scopes = (hit.event_id, ALL_EVENTS)
    month = month_period(hit.day)
    sql = await driver_of(conn)
    params: dict[str, Any] = {
        "user_pk": hit.user_pk,
        "event_id": hit.event_id,
        "all_events": ALL_EVENTS,
        "day": hit.day,
        "month": month,
        "tenant_id": hit.tenant_id,
    }
    if not sql.is_sqlite:
        await sql.execute(_RECORD_ALONE, {**guarded_params(hit), "user_pk": hit.user_pk})
        return
    assert isinstance(sql, SqliteDriver)
    marked = await sql.fetch(MARK_SQL, params)
    new_periods = {(row[0], row[1]) for row in marked}
    new_day = [e for e in scopes if (e, hit.day) in new_periods]
    moved_from: dict[str, str | None] = {}
    if new_day:
        moved_from = await _move_last_day(sql, hit, new_day)
    counts = {"events": 1, "points": hit.points, HOURS[hit.hour]: 1}
    counts["condition_met" if hit.condition_met else "condition_failed"] = 1
    if hit.limit_reached:
        counts["limit_reached"] = 1
    for scope in scopes:
        row = dict(counts)
        if (scope, hit.day) in new_periods:
            row["day_users"] = 1
        if (scope, month) in new_periods:
            row["month_users"] = 1
        if scope in moved_from:
            row["last_users"] = 1
        sql.add_to_row(ROLLUP, (hit.tenant_id, hit.day, scope, SQLITE_SHARD), row)
    for scope, previous in moved_from.items():
        if previous is not None:  # the user's previous latest day no longer is: one fewer there
            sql.add_to_row(ROLLUP, (hit.tenant_id, previous, scope, SQLITE_SHARD), {"last_users": -1})


class _Rollup:
    """SQLite: adds summed counters to daily rollup rows (see :mod:`loyalty.storage.group_sums`),
    each row one step of the same prepared upsert."""

    def add_rows(self, conn: sqlite3.Connection, rows: Rows) -> None:
        values = [[*cast(tuple[Any, ...], key), *(n.get(c, 0) for c in COUNTERS)] for key, n in rows]
        conn.executemany(_ROLLUP_ROW.sqlite, values)


ROLLUP = _Rollup()
"""The rows of ``stats_event_daily``, keyed (tenant_id, day_key, event_id, shard)."""


async def _move_last_day(sql: Driver, hit: Hit, scopes: Sequence[str]) -> dict[str, str | None]:
    """Set the user's latest day to ``hit.day`` where it is later; returns scope -> previous day.

    One statement: the update keeps the old day in ``previous_day`` and returns it. A scope missing
    from the answer already had a later day (an event that arrived out of order), so the user's
    latest day, and ``last_users``, stay as they are.
    """
    params: dict[str, Any] = {"user_pk": hit.user_pk, "tenant_id": hit.tenant_id, "day": hit.day}
    params.update({f"event_id_{i}": scope for i, scope in enumerate(scopes)})
    moved = await sql.fetch(_move_sql(len(scopes)), params)
    return {row[0]: row[1] for row in moved}


def daily_rows_query(tenant_id: int, *, start: str | None, end: str | None, event_id: str) -> Select[Any]:
    """Per day sums over the shards of one event, or of all events (``event_id=''``).

    A primary-key range (tenant, days of the range): the cost is days x (events + 1) x shards.
    Without ``end`` it also returns days after the range (normally none), in one round trip.
    """
    table = stats_event_daily
    query = select(
        table.c.day_key,
        table.c.event_id,
        *(func.sum(table.c[name]).label(name) for name in COUNTERS),
    ).where(table.c.tenant_id == tenant_id)
    if end is not None:
        query = query.where(table.c.day_key <= end)
    if start is not None:
        query = query.where(table.c.day_key >= start)
    query = query.where(table.c.event_id == event_id)
    return query.group_by(table.c.day_key, table.c.event_id).order_by(table.c.day_key)


def totals_by_event_query(tenant_id: int, *, start: str | None, end: str) -> Select[Any]:
    table = stats_event_daily
    query = select(table.c.event_id, *(func.sum(table.c[n]).label(n) for n in EVENT_TOTALS)).where(
        table.c.tenant_id == tenant_id, table.c.day_key <= end, table.c.event_id != ALL_EVENTS
    )
    if start is not None:
        query = query.where(table.c.day_key >= start)
    return query.group_by(table.c.event_id)


class SqlStats(Repository):
    """The range reads of the rollups (:class:`loyalty.app.stats.ports.Stats`)."""

    async def daily_rows(
        self, tenant_id: int, *, start: str | None, end: str | None, event_id: str
    ) -> list[DailyRow]:
        query = daily_rows_query(tenant_id, start=start, end=end, event_id=event_id)
        return [
            DailyRow(
                day_key=row["day_key"],
                event_id=row["event_id"],
                counts={name: int(row[name]) for name in COUNTERS},
            )
            for row in (await self.conn.execute(query)).mappings()
        ]

    async def totals_by_event(self, tenant_id: int, *, start: str | None, end: str) -> list[EventTotalsRow]:
        """Per event sums over the range (counts, points and the unique-user counters)."""
        query = totals_by_event_query(tenant_id, start=start, end=end)
        return [
            EventTotalsRow(event_id=row["event_id"], counts={name: int(row[name]) for name in EVENT_TOTALS})
            for row in (await self.conn.execute(query)).mappings()
        ]
