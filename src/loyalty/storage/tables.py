"""Table definitions shared by every repository. Timestamps are epoch milliseconds (BIGINT).

Per-user data references ``users.id`` (a surrogate key), not the external user id: deleting the
``users`` row makes all of a user's data unreachable at once, a re-created user with the same
external id starts clean, and the orphaned rows are removed in batches in the background.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

# SQLite only auto-increments an INTEGER PRIMARY KEY; PostgreSQL gets a BIGINT identity.
BigId = BigInteger().with_variant(Integer(), "sqlite")

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

tenants = Table(
    "tenants",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(100), nullable=False, unique=True),
    Column("jwt_secret", Text, nullable=True),
    Column("settings", JSON, nullable=False),
    Column("config_version", BigInteger, nullable=False, server_default="1"),
    Column("created_at", BigInteger, nullable=False),
)

api_keys = Table(
    "api_keys",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("tenant_id", Integer, ForeignKey("tenants.id", ondelete="CASCADE"), nullable=False),
    Column("key_id", String(100), nullable=False),
    Column("name", String(200), nullable=False),
    Column("role", String(20), nullable=False),
    Column("key_hash", String(64), nullable=False, unique=True),
    Column("prefix", String(16), nullable=False),
    Column("created_at", BigInteger, nullable=False),
    Column("revoked_at", BigInteger, nullable=True),
    UniqueConstraint("tenant_id", "key_id"),
)

config_items = Table(
    "config_items",
    metadata,
    Column("tenant_id", Integer, ForeignKey("tenants.id", ondelete="CASCADE"), primary_key=True),
    Column("kind", String(40), primary_key=True),
    Column("item_id", String(200), primary_key=True),
    Column("body", JSON, nullable=False),
    Column("version", Integer, nullable=False),
    Column("updated_at", BigInteger, nullable=False),
)

users = Table(
    "users",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("tenant_id", Integer, ForeignKey("tenants.id", ondelete="CASCADE"), nullable=False),
    Column("external_id", String(200), nullable=False),
    Column("usergroup", String(100), nullable=True),
    Column("time_zone", String(64), nullable=True),
    Column("profile", JSON, nullable=False),
    Column("created_at", BigInteger, nullable=False),
    Column("version", BigInteger, nullable=False, server_default="0"),
    # PostgreSQL: moved on by every logged event, the guard of the event path's one write (event_store).
    Column("birthday", String(5), nullable=True),  # MM-DD (docs/lifecycle-rewards.md)
    UniqueConstraint("tenant_id", "external_id"),
    # The dashboard's member search by group pages by external id inside a group.
    Index("ix_users_tenant_group", "tenant_id", "usergroup", "external_id"),
    # The worker's daily birthday and anniversary rewards.
    Index("ix_users_tenant_birthday", "tenant_id", "birthday"),
    Index("ix_users_tenant_created", "tenant_id", "created_at"),
    sqlite_autoincrement=True,
)

balances = Table(
    "balances",
    metadata,
    Column("user_pk", BigInteger, primary_key=True),
    Column("metric", String(100), primary_key=True),
    Column("tenant_id", Integer, nullable=False),
    Column("balance", BigInteger, nullable=False),
    Column("lifetime_earned", BigInteger, nullable=False, server_default="0"),
    Column("next_expiry_at", BigInteger, nullable=True),
    Column("updated_at", BigInteger, nullable=False),
    # user_pk last: the dashboard's balance-range search pages by (balance, user_pk) from the index.
    Index("ix_balances_tenant_metric_balance", "tenant_id", "metric", "balance", "user_pk"),
)

ledger_entries = Table(
    "ledger_entries",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("tenant_id", Integer, nullable=False),
    Column("user_pk", BigInteger, nullable=False),
    Column("metric", String(100), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("amount", BigInteger, nullable=False),
    Column("remaining", BigInteger, nullable=False, server_default="0"),
    Column("valid_until", BigInteger, nullable=True),
    Column("source", String(40), nullable=False),
    Column("reference", String(200), nullable=True),
    Column("description", Text, nullable=True),
    Column("site_code", String(100), nullable=True),
    Column("entry_key", String(100), nullable=True),
    Column("reversal_of", BigInteger, nullable=True),
    Column("balance_after", BigInteger, nullable=False),
    Column("created_at", BigInteger, nullable=False),
    Index("ix_ledger_entries_user_created", "user_pk", "metric", "created_at"),
    Index("ix_ledger_entries_open_credits", "user_pk", "metric", "remaining"),
    Index("ix_ledger_entries_tenant_key", "tenant_id", "entry_key"),
    # The worker's expiry reminders: a tenant's credits that expire within the next days.
    Index("ix_ledger_entries_tenant_expiry", "tenant_id", "valid_until"),
    sqlite_autoincrement=True,
)

ledger_allocations = Table(
    "ledger_allocations",
    metadata,
    Column("debit_id", BigInteger, primary_key=True),
    Column("credit_id", BigInteger, primary_key=True),
    Column("user_pk", BigInteger, nullable=False),
    Column("amount", BigInteger, nullable=False),
    Index("ix_ledger_allocations_credit", "credit_id"),
    Index("ix_ledger_allocations_user", "user_pk"),
)

history_entries = Table(
    "history_entries",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("tenant_id", Integer, nullable=False),
    Column("user_pk", BigInteger, nullable=False),
    Column("entry_id", String(300), nullable=False),
    Column("type", String(40), nullable=False),
    Column("ref_id", String(200), nullable=True),
    Column("points", BigInteger, nullable=False),
    Column("ts", BigInteger, nullable=False),
    Column("date_key", String(10), nullable=False),
    Column("title", JSON, nullable=True),
    Column("description", JSON, nullable=True),
    Column("image", Text, nullable=True),
    Column("details", JSON, nullable=True),
    Index("ix_history_entries_user_ts", "user_pk", "ts"),
    sqlite_autoincrement=True,
)

idempotency_keys = Table(
    "idempotency_keys",
    metadata,
    Column("tenant_id", Integer, primary_key=True),
    Column("key", String(200), primary_key=True),
    Column("request_hash", String(64), nullable=False),
    Column("status_code", Integer, nullable=False),
    Column("response_body", LargeBinary, nullable=True),
    Column("content_type", String(100), nullable=True),
    Column("created_at", BigInteger, nullable=False),
    Index("ix_idempotency_keys_created", "created_at"),
)

user_deletion_jobs = Table(
    "user_deletion_jobs",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("tenant_id", Integer, nullable=False),
    Column("user_pk", BigInteger, nullable=False),
    Column("external_id", String(200), nullable=False),
    Column("requested_at", BigInteger, nullable=False),
    Column("finished_at", BigInteger, nullable=True),
    Column("deleted_rows", BigInteger, nullable=False, server_default="0"),
    sqlite_autoincrement=True,
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("tenant_id", Integer, nullable=False),
    Column("actor", String(200), nullable=False),
    Column("action", String(60), nullable=False),
    Column("target", String(300), nullable=False),
    Column("before", JSON, nullable=True),
    Column("after", JSON, nullable=True),
    Column("created_at", BigInteger, nullable=False),
    Index("ix_audit_log_tenant_created", "tenant_id", "created_at"),
    # The audit page pages newest first by id, over everything or one actor's records.
    Index("ix_audit_log_tenant_id", "tenant_id", "id"),
    Index("ix_audit_log_tenant_actor", "tenant_id", "actor", "id"),
    sqlite_autoincrement=True,
)

# Tables that hold per-user rows keyed by ``user_pk``: the GDPR deletion sweeps and the export
# read exactly these. A feature that adds such a table appends it here.
USER_DATA_TABLES: list[Table] = [balances, ledger_entries, ledger_allocations, history_entries]
