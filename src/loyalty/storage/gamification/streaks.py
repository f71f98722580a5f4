"""Streak progress rows. Writes are conditional on the version read, so concurrent events of one
user never lose an update (the loser re-reads and re-applies). The event store writes them
(``insert_if_absent``, ``update_if_version``); :class:`SqlStreakProgress` reads them for app
(:class:`loyalty.app.gamification.ports.StreakProgress`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import and_, case, func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.app.gamification.ports import StreakAggregate, StreakRow
from loyalty.storage.driver import Driver, Statement, driver_of
from loyalty.storage.gamification.progress_tables import streak_progress
from loyalty.storage.repository import Repository

# The hot path's statements run on the driver (see loyalty.storage.driver).
_COLUMNS = tuple(c.name for c in streak_progress.c)
_JSON_COLUMNS = ("completed_dates", "milestones_claimed")
_VALUE_COLUMNS = tuple(c for c in _COLUMNS if c not in ("user_pk", "streak_id", "tenant_id", "version"))
_LOAD = Statement(
    f"SELECT users.time_zone, {', '.join('p.' + c for c in _COLUMNS)} FROM users "  # noqa: S608 (columns)
    "LEFT OUTER JOIN streak_progress AS p ON p.user_pk = users.id AND p.streak_id = :streak_id "
    "WHERE users.id = :user_pk"
)
_INSERT_IF_ABSENT = Statement(
    f"INSERT INTO streak_progress ({', '.join(_COLUMNS)}) "  # noqa: S608 (column names only)
    f"VALUES ({', '.join(':' + c for c in _COLUMNS)}) "
    "ON CONFLICT (user_pk, streak_id) DO NOTHING RETURNING version"
)
_UPDATE_IF_VERSION = Statement(
    f"UPDATE streak_progress SET {', '.join(f'{c} = :{c}' for c in _VALUE_COLUMNS)}, "  # noqa: S608 (columns)
    "version = :version + 1 WHERE user_pk = :user_pk AND streak_id = :streak_id AND version = :version "
    "RETURNING version"
)


def _json_in(sql: Driver, values: dict[str, Any]) -> dict[str, Any]:
    return {**values, **{c: sql.json_in(values[c]) for c in _JSON_COLUMNS}}


COLUMNS = _COLUMNS
JSON_COLUMNS = _JSON_COLUMNS


def progress_from_row(sql: Driver, values: Sequence[Any]) -> dict[str, Any]:
    """A progress row (``COLUMNS`` in order) as a dict."""
    progress = dict(zip(_COLUMNS, values, strict=True))
    for column in _JSON_COLUMNS:
        progress[column] = sql.json_out(progress[column])
    return progress


async def insert_if_absent(conn: AsyncConnection, values: dict[str, Any]) -> bool:
    sql = await driver_of(conn)
    return await sql.fetchval(_INSERT_IF_ABSENT, _json_in(sql, {**values, "version": 1})) is not None


async def update_if_version(
    conn: AsyncConnection, user_pk: int, streak_id: str, version: int, values: dict[str, Any]
) -> bool:
    sql = await driver_of(conn)
    params = {**_json_in(sql, values), "version": version, "user_pk": user_pk, "streak_id": streak_id}
    return await sql.fetchval(_UPDATE_IF_VERSION, params) is not None


class SqlStreakProgress(Repository):
    async def load(self, user_pk: int, streak_id: str) -> tuple[str | None, StreakRow | None]:
        """The user's own time zone and their progress row (None when not started), in one read."""
        sql = await driver_of(self.conn)
        row = await sql.fetchrow(_LOAD, {"streak_id": streak_id, "user_pk": user_pk})
        if row is None:
            return None, None
        time_zone, values = row[0], row[1:]
        if values[_COLUMNS.index("streak_id")] is None:
            return time_zone, None
        return time_zone, cast(StreakRow, progress_from_row(sql, values))

    async def list_for_user(self, user_pk: int) -> list[StreakRow]:
        rows = await self.conn.execute(
            select(streak_progress)
            .where(streak_progress.c.user_pk == user_pk)
            .order_by(streak_progress.c.streak_id)
        )
        return [cast(StreakRow, dict(r)) for r in rows.mappings()]

    async def aggregate(
        self, *, tenant_id: int, streak_id: str, time_frame: str, alive_from: int, freezes: int
    ) -> StreakAggregate:
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
        row = (await self.conn.execute(query)).mappings().one()
        return cast(StreakAggregate, {k: int(v) for k, v in row.items()})
