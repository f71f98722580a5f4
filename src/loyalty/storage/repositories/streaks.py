"""Streak progress rows. Writes are conditional on the version read, so concurrent events of one
user never lose an update (the loser re-reads and re-applies)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, bindparam, case, func, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.storage.progress_tables import streak_progress
from loyalty.storage.tables import users

_LOAD = (
    select(users.c.time_zone, streak_progress)
    .select_from(
        users.outerjoin(
            streak_progress,
            and_(
                streak_progress.c.user_pk == users.c.id,
                streak_progress.c.streak_id == bindparam("streak_id"),
            ),
        )
    )
    .where(users.c.id == bindparam("user_pk"))
)
_UPDATE_IF_VERSION = update(streak_progress).where(
    streak_progress.c.user_pk == bindparam("key_user_pk"),
    streak_progress.c.streak_id == bindparam("key_streak_id"),
    streak_progress.c.version == bindparam("key_version"),
)


async def load(
    conn: AsyncConnection, user_pk: int, streak_id: str
) -> tuple[str | None, dict[str, Any] | None]:
    """The user's own time zone and their progress row (None when not started), in one read."""
    row = (await conn.execute(_LOAD, {"streak_id": streak_id, "user_pk": user_pk})).mappings().first()
    if row is None:
        return None, None
    progress = dict(row) if row["streak_id"] is not None else None
    if progress is not None:
        progress.pop("time_zone", None)
    return row["time_zone"], progress


async def insert_if_absent(db_insert: Any, conn: AsyncConnection, values: dict[str, Any]) -> bool:
    stmt = (
        db_insert(streak_progress)
        .values(**values, version=1)
        .on_conflict_do_nothing(index_elements=["user_pk", "streak_id"])
        .returning(streak_progress.c.version)
    )
    return (await conn.execute(stmt)).scalar_one_or_none() is not None


async def update_if_version(
    conn: AsyncConnection, user_pk: int, streak_id: str, version: int, values: dict[str, Any]
) -> bool:
    params = {
        **values,
        "version": version + 1,
        "key_user_pk": user_pk,
        "key_streak_id": streak_id,
        "key_version": version,
    }
    result = await conn.execute(_UPDATE_IF_VERSION, params)
    return result.rowcount == 1


async def list_for_user(conn: AsyncConnection, user_pk: int) -> list[dict[str, Any]]:
    rows = await conn.execute(
        select(streak_progress)
        .where(streak_progress.c.user_pk == user_pk)
        .order_by(streak_progress.c.streak_id)
    )
    return [dict(r) for r in rows.mappings()]


async def aggregate(
    conn: AsyncConnection, *, tenant_id: int, streak_id: str, time_frame: str, alive_from: int, freezes: int
) -> dict[str, Any]:
    """Participants, live runs (their count and total length) and the longest run of one streak.

    A run is alive when its last counted period is recent enough for the remaining freezes to
    bridge the gap up to now: ``last_period + 1 + freezes - freezes_used >= alive_from``.
    """
    sp = streak_progress.c
    alive = and_(
        sp.time_frame == time_frame,
        sp.current_count > 0,
        sp.last_period + 1 + freezes - sp.freezes_used >= alive_from,
    )
    query = select(
        func.count().label("total"),
        func.coalesce(func.sum(case((alive, 1), else_=0)), 0).label("active"),
        func.coalesce(func.sum(case((alive, sp.current_count), else_=0)), 0).label("active_length"),
        func.coalesce(func.max(sp.longest), 0).label("longest"),
    ).where(sp.tenant_id == tenant_id, sp.streak_id == streak_id)
    row = (await conn.execute(query)).mappings().one()
    return {k: int(v) for k, v in row.items()}
