"""The user lookup of an event together with the progress rows its reactors will read first.

On PostgreSQL every statement is a round trip, and an event's challenge and streak reactors each
began with a read of the user's rows (challenge progress; streak progress and the user's time
zone). The event's user lookup reads them as well, in the same statement, so the reactors start
from that snapshot instead; it also counts the occurrence against the event's limit (the
conditional upsert of ``events.count_if_below``) when there is one, and takes the id the logged
event will have, so that the event's own rows need no round trip of their own. The reads are the
ones the reactors did — unlocked: the challenge reactor still locks the row it advances and the
streak write is conditional on the version read.
SQLite runs the separate reads (a few microseconds each there).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.storage.driver import Statement, driver_of
from loyalty.storage.repositories import challenges as challenge_repo
from loyalty.storage.repositories import streaks as streak_repo


@dataclass(frozen=True)
class UserSnapshot:
    user_pk: int
    usergroup: str | None
    time_zone: str | None
    challenges: dict[str, dict[str, Any]] | None
    """Challenge id -> progress row, as ``challenges.states_of_user``; None when not read."""
    streaks: dict[str, dict[str, Any] | None] = field(default_factory=dict)
    """Streak id -> progress row (None when not started), for the streaks that were read."""
    limit_counted: bool = False
    """True when the limit counter was written: ``limit_count`` is then its new value, or None when
    the limit was already reached (nothing counted)."""
    limit_count: int | None = None
    logged_id: int | None = None
    """The id the event's logged row will have (PostgreSQL's ``nextval``), taken in the same round
    trip so that the logged event and its history entry can go with the event's last statement."""


@dataclass(frozen=True)
class LimitCount:
    """Count one more occurrence of ``event_id`` in ``period_key`` unless ``limit`` is reached."""

    event_id: str
    period_key: str
    limit: int


@lru_cache(maxsize=32)
def _snapshot_sql(challenges: bool, streaks: int, limit: bool) -> Statement:
    columns = ["u.id", "u.usergroup", "u.time_zone", "nextval('logged_events_id_seq')"]
    counting = ""
    if limit:
        counting = (
            ", lim AS (INSERT INTO event_limit_counters (tenant_id, user_pk, event_id, period_key, n) "
            "SELECT :tenant_id, u.id, :event_id, :period_key, 1 FROM u "
            "ON CONFLICT (user_pk, event_id, period_key) DO UPDATE SET n = event_limit_counters.n + 1 "
            "WHERE event_limit_counters.n < :limit RETURNING n)"
        )
        columns.append("(SELECT n FROM lim)")
    if challenges:
        row = ", ".join(f"c.{name}" for name in challenge_repo.COLUMNS)
        columns.append(
            f"(SELECT json_agg(json_build_array({row})) FROM challenge_progress c WHERE c.user_pk = u.id)"  # noqa: S608
        )
    if streaks:
        row = ", ".join(f"s.{name}" for name in streak_repo.COLUMNS)
        ids = ", ".join(f":streak_{i}" for i in range(streaks))
        columns.append(
            f"(SELECT json_agg(json_build_array({row})) FROM streak_progress s "  # noqa: S608
            f"WHERE s.user_pk = u.id AND s.streak_id IN ({ids}))"
        )
    # Only column names and placeholders are interpolated.
    return Statement(
        "WITH u AS (SELECT id, usergroup, time_zone FROM users "  # noqa: S608
        f"WHERE tenant_id = :tenant_id AND external_id = :external_id){counting} "
        f"SELECT {', '.join(columns)} FROM u"
    )


async def read(
    conn: AsyncConnection,
    tenant_id: int,
    external_id: str,
    *,
    challenges: bool,
    streak_ids: tuple[str, ...],
    limit: LimitCount | None = None,
) -> UserSnapshot | None:
    """The user and the rows asked for (counting ``limit``); None when the user does not exist."""
    sql = await driver_of(conn)
    params: dict[str, Any] = {"tenant_id": tenant_id, "external_id": external_id}
    params.update({f"streak_{i}": streak_id for i, streak_id in enumerate(streak_ids)})
    if limit is not None:
        params.update(event_id=limit.event_id, period_key=limit.period_key, limit=limit.limit)
    row = await sql.fetchrow(_snapshot_sql(challenges, len(streak_ids), limit is not None), params)
    if row is None:
        return None
    states = None
    rest = list(row[4:])
    count = rest.pop(0) if limit is not None else None
    if challenges:
        states = {}
        for values in sql.json_out(rest.pop(0)) or []:
            state = challenge_repo.state_from_row(sql, values)
            states[state["challenge_id"]] = state
    streaks: dict[str, dict[str, Any] | None] = dict.fromkeys(streak_ids)
    if streak_ids:
        for values in sql.json_out(rest.pop(0)) or []:
            progress = streak_repo.progress_from_row(sql, values)
            streaks[progress["streak_id"]] = progress
    return UserSnapshot(
        int(row[0]),
        row[1],
        row[2],
        states,
        streaks,
        limit is not None,
        None if count is None else int(count),
        logged_id=int(row[3]),
    )
