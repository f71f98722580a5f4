from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.storage.tables import history_entries

_INSERT = history_entries.insert()


async def insert(conn: AsyncConnection, **values: Any) -> None:
    await conn.execute(_INSERT, values)


async def list_for_user(
    conn: AsyncConnection,
    user_pk: int,
    *,
    ascending: bool,
    include_zero: bool,
    from_ts: int | None = None,
    to_ts: int | None = None,
    limit: int = 1000,
) -> list[dict[str, Any]]:
    query = select(history_entries).where(history_entries.c.user_pk == user_pk)
    if not include_zero:
        query = query.where(history_entries.c.points != 0)
    if from_ts is not None:
        query = query.where(history_entries.c.ts >= from_ts)
    if to_ts is not None:
        query = query.where(history_entries.c.ts <= to_ts)
    order = (history_entries.c.ts, history_entries.c.id)
    query = query.order_by(*(c.asc() if ascending else c.desc() for c in order)).limit(limit)
    return [dict(r) for r in (await conn.execute(query)).mappings()]
