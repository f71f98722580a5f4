"""leaderboard scores keyed by user first; the rank index covers the reads

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-24 05:40:00.000000

The key was (tenant, leaderboard, bucket, user): the four buckets one event adds to (all time,
month, week, day) were four pages far apart, and a fifth index found a user's rows. Keyed by
(user, leaderboard, bucket) they are neighbours and the key finds them. The rank index gains
``updated_at`` and ``user_pk``, the columns the leaderboard reads take from it, so they stay
index-only without the old key. A user belongs to one tenant, so the key stays unique.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_KEY = ["tenant_id", "leaderboard_id", "bucket", "user_pk"]
NEW_KEY = ["user_pk", "leaderboard_id", "bucket"]
OLD_RANK = ["tenant_id", "leaderboard_id", "bucket", "score"]
NEW_RANK = [*OLD_RANK, "updated_at", "user_pk"]


def upgrade() -> None:
    with op.batch_alter_table("leaderboard_scores", schema=None) as batch_op:
        batch_op.drop_index("ix_leaderboard_scores_user")
        batch_op.drop_index("ix_leaderboard_scores_rank")
        batch_op.drop_constraint("pk_leaderboard_scores", type_="primary")
        batch_op.create_primary_key("pk_leaderboard_scores", NEW_KEY)
        batch_op.create_index("ix_leaderboard_scores_rank", NEW_RANK, unique=False)


def downgrade() -> None:
    with op.batch_alter_table("leaderboard_scores", schema=None) as batch_op:
        batch_op.drop_index("ix_leaderboard_scores_rank")
        batch_op.drop_constraint("pk_leaderboard_scores", type_="primary")
        batch_op.create_primary_key("pk_leaderboard_scores", OLD_KEY)
        batch_op.create_index("ix_leaderboard_scores_rank", OLD_RANK, unique=False)
        batch_op.create_index("ix_leaderboard_scores_user", ["user_pk"], unique=False)
