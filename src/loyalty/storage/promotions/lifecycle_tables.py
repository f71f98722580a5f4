"""What the worker's lifecycle jobs have done: one row per reward or reminder, its unique key.

A job inserts the row and pays (or queues the reminder) in one transaction; a second worker, or
the same one after a restart, finds the key taken and does nothing.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Index, Integer, String, Table

from loyalty.storage.tables import USER_DATA_TABLES, metadata

lifecycle_rewards = Table(
    "lifecycle_rewards",
    metadata,
    Column("user_pk", BigInteger, primary_key=True),
    Column("kind", String(20), primary_key=True),  # birthday or anniversary
    Column("year", Integer, primary_key=True),
    Column("tenant_id", Integer, nullable=False),
    Column("paid_at", BigInteger, nullable=False),
)

expiry_reminders = Table(
    "expiry_reminders",
    metadata,
    # The credit's ledger line: one reminder per credit.
    Column("entry_id", BigInteger, primary_key=True),
    Column("user_pk", BigInteger, nullable=False),
    Column("tenant_id", Integer, nullable=False),
    Column("sent_at", BigInteger, nullable=False),
    Index("ix_expiry_reminders_user", "user_pk"),
)

USER_DATA_TABLES.extend([lifecycle_rewards, expiry_reminders])
