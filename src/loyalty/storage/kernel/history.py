from __future__ import annotations

from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.app.kernel.ports import HistoryRow
from loyalty.storage.driver import Statement, driver_of
from loyalty.storage.repository import Repository
from loyalty.storage.tables import history_entries

_COLUMNS = (
    "tenant_id",
    "user_pk",
    "entry_id",
    "type",
    "ref_id",
    "points",
    "ts",
    "date_key",
    "title",
    "description",
    "image",
    "details",
)
COLUMNS = _COLUMNS
_JSON_COLUMNS = ("title", "description", "details")
_INSERT = Statement(
    f"INSERT INTO history_entries ({', '.join(_COLUMNS)}) "  # noqa: S608 (column names only)
    f"VALUES ({', '.join(':' + c for c in _COLUMNS)})"
)


async def insert(conn: AsyncConnection, **values: Any) -> None:
    """``values``: the columns of ``_COLUMNS``; the nullable ones may be left out. Runs on the
    driver (see loyalty.storage.driver)."""
    sql = await driver_of(conn)
    row = dict.fromkeys(_COLUMNS) | values
    for name in _JSON_COLUMNS:
        row[name] = sql.json_in(row[name])
    await sql.execute(_INSERT, row)


class SqlHistory(Repository):
    """The member's history (:class:`loyalty.app.kernel.ports.History`)."""

    async def insert(self, **values: Any) -> None:
        await insert(self.conn, **values)

    async def list_for_user(
        self,
        user_pk: int,
        *,
        ascending: bool,
        include_zero: bool,
        from_ts: int | None = None,
        to_ts: int | None = None,
        limit: int = 1000,
    ) -> list[HistoryRow]:
        query = select(history_entries).where(history_entries.c.user_pk == user_pk)
        if not include_zero:
            query = query.where(history_entries.c.points != 0)
        if from_ts is not None:
            query = query.where(history_entries.c.ts >= from_ts)
        if to_ts is not None:
            query = query.where(history_entries.c.ts <= to_ts)
        order = (history_entries.c.ts, history_entries.c.id)
        query = query.order_by(*(c.asc() if ascending else c.desc() for c in order)).limit(limit)
        return [cast(HistoryRow, dict(r)) for r in (await self.conn.execute(query)).mappings()]
