"""Challenge progress and completions, inventory holdings, and the Audience transaction history."""

from __future__ import annotations

from sqlalchemy import JSON, BigInteger, Boolean, Column, Index, Integer, String, Table, false

from loyalty.storage.tables import USER_DATA_TABLES, BigId, metadata

# One row per user and challenge; the row is locked (upsert) before it is advanced, so concurrent
# activity of the same user on the same challenge applies one after the other.
challenge_progress = Table(
    "challenge_progress",
    metadata,
    Column("user_pk", BigInteger, primary_key=True),
    Column("challenge_id", String(200), primary_key=True),
    Column("tenant_id", Integer, nullable=False),
    Column("progress", BigInteger, nullable=False, server_default="0"),
    Column("missions", JSON, nullable=False),
    Column("round_done", Boolean, nullable=False, server_default=false()),
    Column("completions", Integer, nullable=False, server_default="0"),
    Column("period_key", String(20), nullable=False, server_default=""),
    Column("period_completions", Integer, nullable=False, server_default="0"),
    Column("completed_at", BigInteger, nullable=True),
    Column("updated_at", BigInteger, nullable=False),
)

# One row per paid round: the primary key is what makes a completion pay exactly once.
challenge_completions = Table(
    "challenge_completions",
    metadata,
    Column("user_pk", BigInteger, primary_key=True),
    Column("challenge_id", String(200), primary_key=True),
    Column("round_no", Integer, primary_key=True),
    Column("tenant_id", Integer, nullable=False),
    Column("period_key", String(20), nullable=False),
    Column("completed_at", BigInteger, nullable=False),
)

inventory_holdings = Table(
    "inventory_holdings",
    metadata,
    Column("user_pk", BigInteger, primary_key=True),
    Column("set_id", String(200), primary_key=True),
    Column("item_id", String(200), primary_key=True),
    Column("tenant_id", Integer, nullable=False),
    Column("acquired_at", BigInteger, nullable=False),
)

# The Audience face's ``GET /api/loyalty/history``: achievements and what they paid.
loyalty_transactions = Table(
    "loyalty_transactions",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("tenant_id", Integer, nullable=False),
    Column("user_pk", BigInteger, nullable=False),
    Column("type", String(40), nullable=False),
    Column("payload", JSON, nullable=False),
    Column("ts", BigInteger, nullable=False),
    Index("ix_loyalty_transactions_user_ts", "user_pk", "ts"),
    sqlite_autoincrement=True,
)

USER_DATA_TABLES.extend([challenge_progress, challenge_completions, inventory_holdings, loyalty_transactions])
