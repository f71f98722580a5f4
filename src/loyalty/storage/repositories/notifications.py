from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.storage.engagement_tables import notifications


async def insert(conn: AsyncConnection, **values: Any) -> int:
    result = await conn.execute(notifications.insert().values(**values).returning(notifications.c.id))
    return int(result.scalar_one())
