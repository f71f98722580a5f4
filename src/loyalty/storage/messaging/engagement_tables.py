"""Notifications (seed 001 shape) and the Lynes "unseen" flags of seed 000."""

from __future__ import annotations

from sqlalchemy import JSON, BigInteger, Column, Index, Integer, String, Table, Text

from loyalty.storage.tables import USER_DATA_TABLES, BigId, metadata

notifications = Table(
    "notifications",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("tenant_id", Integer, nullable=False),
    Column("user_pk", BigInteger, nullable=False),
    Column("type", String(40), nullable=False),
    Column("display", String(20), nullable=False),
    Column("title", Text, nullable=True),
    Column("message", Text, nullable=True),
    # Translations of title and message (``{"title": {"en": …}, "message": {…}}``), localised on read.
    Column("texts", JSON, nullable=True),
    Column("payload", JSON, nullable=False),
    # Which Lynes overview flag this moves: rewards, challenges or surveys.
    Column("section", String(20), nullable=True),
    Column("ts", BigInteger, nullable=False),
    Column("read_at", BigInteger, nullable=True),
    Index("ix_notifications_user_unread", "user_pk", "read_at", "ts"),
    sqlite_autoincrement=True,
)

# How far the user has read the notifications derived from ledger lines (points earned by events,
# which write no notification row of their own): lines up to (``ledger_ts``, ``ledger_id``) are read.
notification_read_markers = Table(
    "notification_read_markers",
    metadata,
    Column("user_pk", BigInteger, primary_key=True),
    Column("tenant_id", Integer, nullable=False),
    Column("ledger_id", BigInteger, nullable=False),
    Column("ledger_ts", BigInteger, nullable=False),
    Column("updated_at", BigInteger, nullable=False),
)

USER_DATA_TABLES.extend([notifications, notification_read_markers])
