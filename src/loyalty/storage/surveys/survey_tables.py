"""Survey answers (once per user), per-option counts, and the Lynes "last viewed" screen markers."""

from __future__ import annotations

from sqlalchemy import JSON, BigInteger, Column, Integer, PrimaryKeyConstraint, String, Table

from loyalty.storage.tables import USER_DATA_TABLES, metadata

# One row per user and survey: the primary key is what makes "answered once" hold under concurrency.
survey_answers = Table(
    "survey_answers",
    metadata,
    Column("tenant_id", Integer, nullable=False),
    Column("user_pk", BigInteger, nullable=False),
    Column("survey_id", String(200), nullable=False),
    Column("responses", JSON, nullable=False),
    Column("points", BigInteger, nullable=False),
    Column("ts", BigInteger, nullable=False),
    PrimaryKeyConstraint("user_pk", "survey_id"),
)

# Answers per option, incremented in the transaction that stores the answer.
survey_option_counts = Table(
    "survey_option_counts",
    metadata,
    Column("tenant_id", Integer, nullable=False),
    Column("survey_id", String(200), nullable=False),
    Column("option_id", String(200), nullable=False),
    Column("count", BigInteger, nullable=False),
    PrimaryKeyConstraint("tenant_id", "survey_id", "option_id"),
)

# When the user last viewed a screen (rewards, challenges, surveys); no row means never / reset.
notification_screens = Table(
    "notification_screens",
    metadata,
    Column("tenant_id", Integer, nullable=False),
    Column("user_pk", BigInteger, nullable=False),
    Column("screen", String(20), nullable=False),
    Column("viewed_at", BigInteger, nullable=False),
    PrimaryKeyConstraint("user_pk", "screen"),
)

USER_DATA_TABLES.extend([survey_answers, notification_screens])
