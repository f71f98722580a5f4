"""Issued coupons: one row per code handed to a user (from a redeemed offer, a challenge, …)."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

from loyalty.storage.tables import USER_DATA_TABLES, BigId, metadata

coupons = Table(
    "coupons",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("tenant_id", Integer, nullable=False),
    Column("user_pk", BigInteger, nullable=False),
    Column("offer_id", String(200), nullable=True),
    Column("code", String(100), nullable=False),
    Column("title", Text, nullable=True),
    Column("description", Text, nullable=True),
    Column("valid_until", BigInteger, nullable=True),
    Column("redeemed", Boolean, nullable=False, server_default=false()),
    Column("redeemed_at", BigInteger, nullable=True),
    # Withdrawn by a person who runs the programme: never redeemable afterwards.
    Column("revoked_at", BigInteger, nullable=True),
    Column("revoke_reason", Text, nullable=True),
    # The ledger line that paid for it (null when the coupon was a free reward).
    Column("ledger_entry_id", BigInteger, nullable=True),
    Column("metadata", JSON, nullable=False),
    Column("created_at", BigInteger, nullable=False),
    # Codes are unique per tenant: issuing retries with a fresh code on a collision.
    UniqueConstraint("tenant_id", "code"),
    Index("ix_coupons_user_offer", "user_pk", "offer_id"),
    sqlite_autoincrement=True,
)

USER_DATA_TABLES.append(coupons)
