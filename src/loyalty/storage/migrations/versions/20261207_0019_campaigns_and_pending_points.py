"""campaigns and pending points: per-user campaign totals, campaign statistics, pending credits

Revision ID: 0019
Revises: 0015
Create Date: 2026-12-07 07:10:00.000000

``campaign_totals`` holds what each campaign gave each user (the event's write checks a
campaign's ``maxPointsPerUser`` against it), ``campaign_stats_daily`` the campaign points per
local day apart from the events' own, and ``pending_credits`` the points of events whose
definition sets ``pendingDays`` until the worker credits them (or the event is reversed first).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | Sequence[str] | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "campaign_totals",
        sa.Column("user_pk", sa.BigInteger(), nullable=False),
        sa.Column("campaign_id", sa.String(length=200), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("user_pk", "campaign_id", name=op.f("pk_campaign_totals")),
    )
    op.create_table(
        "campaign_stats_daily",
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.String(length=200), nullable=False),
        sa.Column("day_key", sa.String(length=10), nullable=False),
        sa.Column("shard", sa.Integer(), nullable=False),
        sa.Column("events", sa.BigInteger(), nullable=False),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(
            "tenant_id", "campaign_id", "day_key", "shard", name=op.f("pk_campaign_stats_daily")
        ),
    )
    op.create_table(
        "pending_credits",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("user_pk", sa.BigInteger(), nullable=False),
        sa.Column("logged_id", sa.BigInteger(), nullable=False),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.Column("matures_at", sa.BigInteger(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("settled_at", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pending_credits")),
        sa.UniqueConstraint("logged_id", name=op.f("uq_pending_credits_logged_id")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("pending_credits", schema=None) as batch_op:
        batch_op.create_index("ix_pending_credits_due", ["state", "matures_at"], unique=False)
        batch_op.create_index("ix_pending_credits_user", ["user_pk", "state"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("pending_credits", schema=None) as batch_op:
        batch_op.drop_index("ix_pending_credits_user")
        batch_op.drop_index("ix_pending_credits_due")
    op.drop_table("pending_credits")
    op.drop_table("campaign_stats_daily")
    op.drop_table("campaign_totals")
