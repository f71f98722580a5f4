"""notification read markers; every coupon has an end

Revision ID: 0014
Revises: 0017
Create Date: 2026-12-07 04:50:00.000000

Points earned by events no longer write a notification row each: the notifications are derived
on read from the event's ledger credit, and a per-user marker says how far they have been read.
Existing users start with every earlier event credit read (before this revision those were only
notified when the event definition asked for it, and those notifications are stored rows).

Coupons issued without a validity get the new ``couponValidDays`` default (365 days) from the day
they were issued, so every coupon carries a numeric ``validUntil``.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | Sequence[str] | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DEFAULT_COUPON_VALIDITY_MS = 365 * 86_400_000


def upgrade() -> None:
    op.create_table(
        "notification_read_markers",
        sa.Column("user_pk", sa.BigInteger(), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("ledger_id", sa.BigInteger(), nullable=False),
        sa.Column("ledger_ts", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("user_pk", name=op.f("pk_notification_read_markers")),
    )
    op.execute(
        "INSERT INTO notification_read_markers (user_pk, tenant_id, ledger_id, ledger_ts, updated_at) "
        "SELECT user_pk, MIN(tenant_id), MAX(id), MAX(created_at), 0 FROM ledger_entries "
        "WHERE source = 'event' AND kind = 'credit' GROUP BY user_pk"
    )
    op.execute(
        f"UPDATE coupons SET valid_until = created_at + {DEFAULT_COUPON_VALIDITY_MS} "  # noqa: S608
        "WHERE valid_until IS NULL"
    )


def downgrade() -> None:
    op.drop_table("notification_read_markers")
