"""Event statistics rollups: what ``GET /v1/stats/event`` reads, kept in the event's transaction.

``stats_event_daily`` holds one row per tenant, local day, event and shard, with the hours of the
day as 24 columns; the "all events" figures are rows with ``event_id = ''`` (no event id is empty).
A query over N days reads at most N x (events + 1) x shards rows, whatever the number of events.
On PostgreSQL, shards (``user_pk % 8``) keep concurrent events of one tenant off a single hot
row; SQLite has one writer at a time, so it keeps one shard.

The two per-user tables exist only so that unique users can be counted exactly at write time;
queries never read them.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Integer, SmallInteger, String, Table

from loyalty.app.stats.ports import HOURS
from loyalty.storage.tables import USER_DATA_TABLES, metadata

stats_event_daily = Table(
    "stats_event_daily",
    metadata,
    Column("tenant_id", Integer, primary_key=True),
    Column("day_key", String(10), primary_key=True),
    Column("event_id", String(200), primary_key=True),
    Column("shard", SmallInteger, primary_key=True),
    Column("events", BigInteger, nullable=False),
    Column("points", BigInteger, nullable=False),
    Column("condition_met", BigInteger, nullable=False),
    Column("condition_failed", BigInteger, nullable=False),
    Column("limit_reached", BigInteger, nullable=False),
    # Users whose first event of this day / of this day's month was on this day.
    Column("day_users", BigInteger, nullable=False),
    Column("month_users", BigInteger, nullable=False),
    # Users whose latest active day (so far) is this day: summing it over [start, today] counts
    # every user active in the range exactly once.
    Column("last_users", BigInteger, nullable=False),
    *(Column(name, BigInteger, nullable=False) for name in HOURS),
    # SQLite: the rows live in the primary-key b-tree, so a day range is one contiguous read.
    sqlite_with_rowid=False,
)

# A row per user, event (or '') and period ('YYYY-MM-DD' day, 'MYYYY-MM' month) with activity:
# inserting it tells whether this is the user's first event of that day or month.
stats_user_periods = Table(
    "stats_user_periods",
    metadata,
    Column("user_pk", BigInteger, primary_key=True),
    Column("event_id", String(200), primary_key=True),
    Column("period", String(10), primary_key=True),
    Column("tenant_id", Integer, nullable=False),
    sqlite_with_rowid=False,
)

# The latest local day each user was active, per event (or ''): moving it moves ``last_users``.
stats_user_last_day = Table(
    "stats_user_last_day",
    metadata,
    Column("user_pk", BigInteger, primary_key=True),
    Column("event_id", String(200), primary_key=True),
    Column("tenant_id", Integer, nullable=False),
    Column("last_day", String(10), nullable=False),
    # The day ``last_day`` replaced, kept by the same upsert so that it can return it.
    Column("previous_day", String(10), nullable=True),
    sqlite_with_rowid=False,
)


__all__ = ["HOURS", "stats_event_daily", "stats_user_last_day", "stats_user_periods"]

USER_DATA_TABLES.extend([stats_user_periods, stats_user_last_day])
