"""Per-user progress of the gamification features: streaks, tiers and leaderboard scores."""

from __future__ import annotations

from sqlalchemy import JSON, BigInteger, Column, Index, Integer, PrimaryKeyConstraint, String, Table

from loyalty.storage.tables import USER_DATA_TABLES, metadata

streak_progress = Table(
    "streak_progress",
    metadata,
    Column("user_pk", BigInteger, primary_key=True),
    Column("streak_id", String(200), primary_key=True),
    Column("tenant_id", Integer, nullable=False),
    Column("time_frame", String(10), nullable=False),
    Column("current_count", Integer, nullable=False),
    Column("longest", Integer, nullable=False),
    Column("current_start", BigInteger, nullable=True),
    # Ordinal of the last counted period (core.streaks numbering for ``time_frame``).
    Column("last_period", Integer, nullable=True),
    Column("last_completed_at", BigInteger, nullable=True),
    Column("missed_count", Integer, nullable=False),
    Column("freezes_used", Integer, nullable=False),
    Column("completed_dates", JSON, nullable=False),
    Column("milestones_claimed", JSON, nullable=False),
    # Optimistic concurrency: every write is ``UPDATE … WHERE version = :read``.
    Column("version", Integer, nullable=False),
    Column("updated_at", BigInteger, nullable=False),
    # Streak analytics aggregate over one streak's rows.
    Index("ix_streak_progress_tenant_streak", "tenant_id", "streak_id", "last_period"),
)

user_tiers = Table(
    "user_tiers",
    metadata,
    Column("user_pk", BigInteger, primary_key=True),
    Column("set_id", String(200), primary_key=True),
    Column("tenant_id", Integer, nullable=False),
    Column("tier_id", String(200), nullable=True),
    Column("updated_at", BigInteger, nullable=False),
    # The dashboard's member search by tier.
    Index("ix_user_tiers_tenant_tier", "tenant_id", "tier_id", "user_pk"),
)

leaderboard_scores = Table(
    "leaderboard_scores",
    metadata,
    Column("tenant_id", Integer, nullable=False),
    Column("leaderboard_id", String(200), nullable=False),
    Column("bucket", String(20), nullable=False),
    Column("user_pk", BigInteger, nullable=False),
    Column("score", BigInteger, nullable=False),
    # When the score last changed: among equal scores, who got there first is listed first.
    Column("updated_at", BigInteger, nullable=False),
    # Keyed by the user first: the buckets one event adds to are neighbours in the key's b-tree
    # (one page to change, not one per bucket), and a user's rows are found without another index.
    PrimaryKeyConstraint("user_pk", "leaderboard_id", "bucket"),
    # Top N, "how many score more than me" and the sums of a floating window are range reads of
    # this index alone: it holds every column they read, in the order they list ties.
    Index(
        "ix_leaderboard_scores_rank",
        *("tenant_id", "leaderboard_id", "bucket", "score", "updated_at", "user_pk"),
    ),
)


USER_DATA_TABLES.extend([streak_progress, user_tiers, leaderboard_scores])
