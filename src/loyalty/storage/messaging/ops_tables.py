"""Operations: the webhook outbox with its delivery attempts, and rate-limit counters.

The outbox is not a per-user table (not in ``USER_DATA_TABLES``): a ``user.deleted`` message must
survive the deletion sweep of the user it announces. A user's deletion instead redacts the user's
other messages, found by ``user_id`` (``app/messaging/outbox.py``).
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Index, Integer, String, Table, Text

from loyalty.storage.tables import BigId, metadata

# One row per (message, subscribed webhook): each receiver has its own status, attempts and backoff.
webhook_outbox = Table(
    "webhook_outbox",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("delivery_id", String(40), nullable=False, unique=True),
    Column("tenant_id", Integer, nullable=False),
    Column("webhook_id", String(200), nullable=False),
    Column("event_type", String(40), nullable=False),
    # The exact bytes that are signed and sent, so every retry sends the same body.
    Column("body", Text, nullable=False),
    Column("status", String(20), nullable=False),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("next_attempt_at", BigInteger, nullable=False),
    Column("retry_until", BigInteger, nullable=False),
    Column("lease_owner", String(64), nullable=True),
    Column("lease_until", BigInteger, nullable=True),
    Column("last_status_code", Integer, nullable=True),
    Column("last_error", Text, nullable=True),
    Column("created_at", BigInteger, nullable=False),
    Column("delivered_at", BigInteger, nullable=True),
    # The user the message is about (external id), so their deletion can redact it; null after that.
    Column("user_id", String(200), nullable=True),
    # Also finds finished messages past their retention: a settled row's next_attempt_at is when
    # it was delivered or failed.
    Index("ix_webhook_outbox_due", "status", "next_attempt_at"),
    Index("ix_webhook_outbox_webhook", "tenant_id", "webhook_id", "id"),
    Index("ix_webhook_outbox_user", "tenant_id", "user_id"),
    sqlite_autoincrement=True,
)

webhook_attempts = Table(
    "webhook_attempts",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("outbox_id", BigInteger, nullable=False),
    Column("attempted_at", BigInteger, nullable=False),
    Column("status_code", Integer, nullable=True),
    Column("error", Text, nullable=True),
    Column("duration_ms", Integer, nullable=False),
    Index("ix_webhook_attempts_outbox", "outbox_id"),
    sqlite_autoincrement=True,
)

# Fixed one-minute windows: one row per counter key, reset in place when a new window starts.
rate_limit_counters = Table(
    "rate_limit_counters",
    metadata,
    Column("key", String(300), primary_key=True),
    Column("window_start", BigInteger, nullable=False),
    Column("count", Integer, nullable=False),
)
