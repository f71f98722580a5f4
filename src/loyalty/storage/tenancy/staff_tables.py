"""The people who run a tenant's programme in the dashboard: staff accounts with a role.

A person signs in with an email and a password (stored as an argon2 hash only) or through the
tenant's OpenID Connect provider (then ``oidc_subject`` ties the account to the provider's ``sub``).
``session_version`` is part of every session cookie: bumping it (a password change, a disable)
ends every session of that person at once.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, ForeignKey, Integer, String, Table, Text, UniqueConstraint

from loyalty.storage.tables import BigId, metadata

staff_accounts = Table(
    "staff_accounts",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("tenant_id", Integer, ForeignKey("tenants.id", ondelete="CASCADE"), nullable=False),
    Column("email", String(254), nullable=False),
    Column("role", String(20), nullable=False),
    Column("password_hash", Text, nullable=True),
    Column("must_change_password", Boolean, nullable=False, server_default="0"),
    Column("oidc_subject", String(300), nullable=True),
    Column("session_version", Integer, nullable=False, server_default="1"),
    Column("created_at", BigInteger, nullable=False),
    Column("last_sign_in_at", BigInteger, nullable=True),
    Column("disabled_at", BigInteger, nullable=True),
    UniqueConstraint("tenant_id", "email"),
    sqlite_autoincrement=True,
)
