"""coupons.revoked_at and revoke_reason: a support agent withdraws an issued coupon

Revision ID: 0018
Revises: 0015
Create Date: 2026-12-07 07:00:00.000000

A revoked coupon keeps its row (the member's history and the audit trail still name it) but can no
longer be redeemed: redeeming checks ``revoked_at IS NULL`` in the same conditional statement that
checks ``redeemed``, so a revoke and a redemption of one coupon never both succeed.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | Sequence[str] | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("coupons", schema=None) as batch_op:
        batch_op.add_column(sa.Column("revoked_at", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("revoke_reason", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("coupons", schema=None) as batch_op:
        batch_op.drop_column("revoke_reason")
        batch_op.drop_column("revoked_at")
