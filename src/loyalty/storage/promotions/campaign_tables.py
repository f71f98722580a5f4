"""Campaigns and pending points: what each campaign gave each user, campaign statistics, and the
points of events that are pending until their return window closes."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Index, Integer, String, Table, Text

from loyalty.storage.tables import USER_DATA_TABLES, BigId, metadata

# What a campaign has added to one user's points: its ``maxPointsPerUser`` is checked against this
# in the event's write (PostgreSQL: in the guard; SQLite: the writer's transaction).
campaign_totals = Table(
    "campaign_totals",
    metadata,
    Column("user_pk", BigInteger, primary_key=True),
    Column("campaign_id", String(200), primary_key=True),
    Column("tenant_id", Integer, nullable=False),
    Column("points", BigInteger, nullable=False),
    Column("updated_at", BigInteger, nullable=False),
)

# Campaign points per local day, apart from the events' own (one row per shard of users, so
# concurrent events of different users do not wait on one row).
campaign_stats_daily = Table(
    "campaign_stats_daily",
    metadata,
    Column("tenant_id", Integer, primary_key=True),
    Column("campaign_id", String(200), primary_key=True),
    Column("day_key", String(10), primary_key=True),
    Column("shard", Integer, primary_key=True),
    Column("events", BigInteger, nullable=False),
    Column("points", BigInteger, nullable=False),
)

# An event's points while they are pending: ``state`` moves from ``pending`` to ``matured`` (the
# worker credits them) or ``reversed`` (the event was reversed first), exactly once each.
pending_credits = Table(
    "pending_credits",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("tenant_id", Integer, nullable=False),
    Column("user_pk", BigInteger, nullable=False),
    Column("logged_id", BigInteger, nullable=False, unique=True),
    Column("points", BigInteger, nullable=False),
    Column("matures_at", BigInteger, nullable=False),
    Column("state", String(10), nullable=False),
    Column("description", Text, nullable=True),
    Column("created_at", BigInteger, nullable=False),
    Column("settled_at", BigInteger, nullable=True),
    Index("ix_pending_credits_due", "state", "matures_at"),
    Index("ix_pending_credits_user", "user_pk", "state"),
    sqlite_autoincrement=True,
)

USER_DATA_TABLES.extend([campaign_totals, pending_credits])
