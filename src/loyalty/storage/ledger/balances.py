from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.storage.tables import balances


async def get(conn: AsyncConnection, user_pk: int, metric: str) -> int | None:
    value = (
        await conn.execute(
            select(balances.c.balance).where(balances.c.user_pk == user_pk, balances.c.metric == metric)
        )
    ).scalar_one_or_none()
    return None if value is None else int(value)
