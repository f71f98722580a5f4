"""staff accounts; indexes for the dashboard's member search and audit paging

Revision ID: 0012
Revises: 0013
Create Date: 2026-12-07 04:40:00.000000

Staff accounts are the people who sign in to the dashboard (a role each, an argon2 password hash
or an OpenID Connect subject). The indexes let the member search (id prefix, group, tier, balance
range) and the audit page (by actor, newest first) page by key without scanning a tenant's rows.
The balance index gains ``user_pk`` so a balance range pages by (balance, user) from the index.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "staff_accounts",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=True),
        sa.Column("must_change_password", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("oidc_subject", sa.String(length=300), nullable=True),
        sa.Column("session_version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("last_sign_in_at", sa.BigInteger(), nullable=True),
        sa.Column("disabled_at", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_staff_accounts_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_accounts")),
        sa.UniqueConstraint("tenant_id", "email", name=op.f("uq_staff_accounts_tenant_id_email")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index("ix_audit_log_tenant_id", ["tenant_id", "id"], unique=False)
        batch_op.create_index("ix_audit_log_tenant_actor", ["tenant_id", "actor", "id"], unique=False)
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.create_index(
            "ix_users_tenant_group", ["tenant_id", "usergroup", "external_id"], unique=False
        )
    with op.batch_alter_table("user_tiers", schema=None) as batch_op:
        batch_op.create_index("ix_user_tiers_tenant_tier", ["tenant_id", "tier_id", "user_pk"], unique=False)
    with op.batch_alter_table("balances", schema=None) as batch_op:
        batch_op.drop_index("ix_balances_tenant_metric_balance")
        batch_op.create_index(
            "ix_balances_tenant_metric_balance", ["tenant_id", "metric", "balance", "user_pk"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("balances", schema=None) as batch_op:
        batch_op.drop_index("ix_balances_tenant_metric_balance")
        batch_op.create_index(
            "ix_balances_tenant_metric_balance", ["tenant_id", "metric", "balance"], unique=False
        )
    with op.batch_alter_table("user_tiers", schema=None) as batch_op:
        batch_op.drop_index("ix_user_tiers_tenant_tier")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index("ix_users_tenant_group")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_tenant_actor")
        batch_op.drop_index("ix_audit_log_tenant_id")
    op.drop_table("staff_accounts")
