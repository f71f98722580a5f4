"""offer stock, per-user counts and code pools

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23 17:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "offer_stock",
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("offer_id", sa.String(length=200), nullable=False),
        sa.Column("issued", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("tenant_id", "offer_id", name=op.f("pk_offer_stock")),
    )
    op.create_table(
        "offer_user_counts",
        sa.Column("user_pk", sa.BigInteger(), nullable=False),
        sa.Column("offer_id", sa.String(length=200), nullable=False),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("redeemed", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("user_pk", "offer_id", name=op.f("pk_offer_user_counts")),
    )
    op.create_table(
        "offer_codes",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("offer_id", sa.String(length=200), nullable=False),
        sa.Column("code", sa.String(length=100), nullable=False),
        sa.Column("imported_at", sa.BigInteger(), nullable=False),
        sa.Column("claimed_by", sa.BigInteger(), nullable=True),
        sa.Column("claimed_at", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_offer_codes")),
        sa.UniqueConstraint("tenant_id", "code", name=op.f("uq_offer_codes_tenant_id_code")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("offer_codes", schema=None) as batch_op:
        batch_op.create_index("ix_offer_codes_free", ["tenant_id", "offer_id", "claimed_by"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("offer_codes", schema=None) as batch_op:
        batch_op.drop_index("ix_offer_codes_free")
    op.drop_table("offer_codes")
    op.drop_table("offer_user_counts")
    op.drop_table("offer_stock")
