"""Logged events (what each one awarded, so it can be reversed) and the per-user limit counters."""

from __future__ import annotations

from sqlalchemy import JSON, BigInteger, Column, Index, Integer, String, Table

from loyalty.storage.tables import USER_DATA_TABLES, BigId, metadata

logged_events = Table(
    "logged_events",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("tenant_id", Integer, nullable=False),
    Column("user_pk", BigInteger, nullable=False),
    Column("user_id", String(200), nullable=False),
    Column("event_id", String(200), nullable=False),
    Column("ts", BigInteger, nullable=False),
    Column("points", BigInteger, nullable=False),
    Column("usergroup", String(100), nullable=False),
    Column("condition_reached", Integer, nullable=False),
    Column("limit_reached", Integer, nullable=False),
    # The counter bucket this occurrence was counted in (NULL when it was not counted).
    Column("period_key", String(20), nullable=True),
    Column("metadata", JSON, nullable=True),
    Column("reversed_at", BigInteger, nullable=True),
    Column("reversed_points", BigInteger, nullable=True),
    Index("ix_logged_events_user_ts", "user_pk", "ts"),
    Index("ix_logged_events_tenant_event_ts", "tenant_id", "event_id", "ts"),
    sqlite_autoincrement=True,
)

# One row per user, event and limit period; ``n`` counts rewarded occurrences in that period.
event_limit_counters = Table(
    "event_limit_counters",
    metadata,
    Column("user_pk", BigInteger, primary_key=True),
    Column("event_id", String(200), primary_key=True),
    Column("period_key", String(20), primary_key=True),
    Column("tenant_id", Integer, nullable=False),
    Column("n", Integer, nullable=False),
)

USER_DATA_TABLES.extend([logged_events, event_limit_counters])
