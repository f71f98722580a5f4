"""Offer stock, per-user redemption counts and imported code pools.

Every limit is enforced by one conditional statement on these rows (see
``storage/offers/offers.py``): a counter only moves while it is below the configured limit, and a
pool code is claimed by an ``UPDATE … WHERE claimed_by IS NULL``.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Index, Integer, String, Table, UniqueConstraint

from loyalty.storage.tables import USER_DATA_TABLES, BigId, metadata

# How many coupons an offer has handed out (stock is the offer's configured ``stock``).
offer_stock = Table(
    "offer_stock",
    metadata,
    Column("tenant_id", Integer, primary_key=True),
    Column("offer_id", String(200), primary_key=True),
    Column("issued", BigInteger, nullable=False),
)

# How many times a user redeemed an offer (the offer's ``perUserLimit``).
offer_user_counts = Table(
    "offer_user_counts",
    metadata,
    Column("user_pk", BigInteger, primary_key=True),
    Column("offer_id", String(200), primary_key=True),
    Column("tenant_id", Integer, nullable=False),
    Column("redeemed", BigInteger, nullable=False),
)

# Codes imported from a shop system; each is handed out once (claimed_by is the user's key).
offer_codes = Table(
    "offer_codes",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("tenant_id", Integer, nullable=False),
    Column("offer_id", String(200), nullable=False),
    Column("code", String(100), nullable=False),
    Column("imported_at", BigInteger, nullable=False),
    Column("claimed_by", BigInteger, nullable=True),
    Column("claimed_at", BigInteger, nullable=True),
    UniqueConstraint("tenant_id", "code"),
    Index("ix_offer_codes_free", "tenant_id", "offer_id", "claimed_by"),
    sqlite_autoincrement=True,
)

USER_DATA_TABLES.append(offer_user_counts)
