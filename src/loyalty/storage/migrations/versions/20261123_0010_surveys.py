"""surveys, option counts, notification screens and notification texts

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-23 17:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "survey_answers",
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("user_pk", sa.BigInteger(), nullable=False),
        sa.Column("survey_id", sa.String(length=200), nullable=False),
        sa.Column("responses", sa.JSON(), nullable=False),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.Column("ts", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("user_pk", "survey_id", name=op.f("pk_survey_answers")),
    )
    op.create_table(
        "survey_option_counts",
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("survey_id", sa.String(length=200), nullable=False),
        sa.Column("option_id", sa.String(length=200), nullable=False),
        sa.Column("count", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("tenant_id", "survey_id", "option_id", name=op.f("pk_survey_option_counts")),
    )
    op.create_table(
        "notification_screens",
        sa.Column("tenant_id", sa.Integer(), nullable=False),
        sa.Column("user_pk", sa.BigInteger(), nullable=False),
        sa.Column("screen", sa.String(length=20), nullable=False),
        sa.Column("viewed_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("user_pk", "screen", name=op.f("pk_notification_screens")),
    )
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.add_column(sa.Column("texts", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.drop_column("texts")
    op.drop_table("notification_screens")
    op.drop_table("survey_option_counts")
    op.drop_table("survey_answers")
