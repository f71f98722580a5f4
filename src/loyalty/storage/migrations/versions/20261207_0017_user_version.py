"""users.version: the event path's guard for what it read of a user

Revision ID: 0017
Revises: 0011
Create Date: 2026-12-07 05:00:00.000000

An event reads one snapshot of the user's state (limit counter, challenge and streak progress),
decides, and writes the outcome in one statement that first moves the user's version on from the
one it read: when another event of the same user committed in between, the statement writes
nothing and the event is decided again. Existing users start at 0.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version", sa.BigInteger(), server_default="0", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("version")
