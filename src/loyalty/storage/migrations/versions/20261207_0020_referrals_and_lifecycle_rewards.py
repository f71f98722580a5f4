"""referrals, birthdays and anniversaries, expiry reminders

Revision ID: 0020
Revises: 0015
Create Date: 2026-12-07 07:00:00.000000

Each user's referral code and who registered with whose code; a user's ``birthday`` (MM-DD); one
row per lifecycle reward paid and per expiry reminder sent (their keys make the worker's jobs run
exactly once); indexes for the worker's daily scans.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020"
down_revision: str | Sequence[str] | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "referral_codes",
        sa.Column("user_pk", sa.BigInteger(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("paid_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("user_pk", name=op.f("pk_referral_codes")),
        sa.UniqueConstraint("tenant_id", "code", name="uq_referral_codes_tenant_code"),
    )
    op.create_table(
        "referral_registrations",
        sa.Column("user_pk", sa.BigInteger(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("referral_id", sa.String(length=200), nullable=False),
        sa.Column("referrer_pk", sa.BigInteger(), nullable=False),
        sa.Column("registered_at", sa.BigInteger(), nullable=False),
        sa.Column("rewarded_at", sa.BigInteger(), nullable=True),
        sa.Column("referrer_rewarded", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("user_pk", name=op.f("pk_referral_registrations")),
    )
    op.create_index(
        "ix_referral_registrations_referrer", "referral_registrations", ["referrer_pk"], unique=False
    )
    op.create_table(
        "lifecycle_rewards",
        sa.Column("user_pk", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("paid_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("user_pk", "kind", "year", name=op.f("pk_lifecycle_rewards")),
    )
    op.create_table(
        "expiry_reminders",
        sa.Column("entry_id", sa.BigInteger(), nullable=False),
        sa.Column("user_pk", sa.BigInteger(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("sent_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("entry_id", name=op.f("pk_expiry_reminders")),
    )
    op.create_index("ix_expiry_reminders_user", "expiry_reminders", ["user_pk"], unique=False)
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("birthday", sa.String(length=5), nullable=True))
        batch_op.create_index("ix_users_tenant_birthday", ["tenant_id", "birthday"], unique=False)
        batch_op.create_index("ix_users_tenant_created", ["tenant_id", "created_at"], unique=False)
    with op.batch_alter_table("ledger_entries", schema=None) as batch_op:
        batch_op.create_index("ix_ledger_entries_tenant_expiry", ["tenant_id", "valid_until"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("ledger_entries", schema=None) as batch_op:
        batch_op.drop_index("ix_ledger_entries_tenant_expiry")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index("ix_users_tenant_created")
        batch_op.drop_index("ix_users_tenant_birthday")
        batch_op.drop_column("birthday")
    op.drop_index("ix_expiry_reminders_user", table_name="expiry_reminders")
    op.drop_table("expiry_reminders")
    op.drop_table("lifecycle_rewards")
    op.drop_index("ix_referral_registrations_referrer", table_name="referral_registrations")
    op.drop_table("referral_registrations")
    op.drop_table("referral_codes")
