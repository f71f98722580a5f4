"""Referrals: each user's code, and who registered with whose code (and whether it was paid).

Both are per-user tables: a deleted user's code stops working, and their registration goes.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, Index, Integer, String, Table, UniqueConstraint

from loyalty.storage.tables import USER_DATA_TABLES, metadata

referral_codes = Table(
    "referral_codes",
    metadata,
    Column("user_pk", BigInteger, primary_key=True),
    Column("tenant_id", Integer, nullable=False),
    Column("code", String(32), nullable=False),
    # Referrals that paid this user the referrer's points: the cap is a conditional increment.
    Column("paid_count", Integer, nullable=False, server_default="0"),
    Column("created_at", BigInteger, nullable=False),
    UniqueConstraint("tenant_id", "code", name="uq_referral_codes_tenant_code"),
)

referral_registrations = Table(
    "referral_registrations",
    metadata,
    # The referred user: the key makes a second registration impossible.
    Column("user_pk", BigInteger, primary_key=True),
    Column("tenant_id", Integer, nullable=False),
    Column("referral_id", String(200), nullable=False),
    Column("referrer_pk", BigInteger, nullable=False),
    Column("registered_at", BigInteger, nullable=False),
    # Set once, by the conditional update that pays the referral (NULL: not paid yet).
    Column("rewarded_at", BigInteger, nullable=True),
    Column("referrer_rewarded", Integer, nullable=False, server_default="0"),
    # referredCount of a referrer.
    Index("ix_referral_registrations_referrer", "referrer_pk"),
)

USER_DATA_TABLES.extend([referral_codes, referral_registrations])
