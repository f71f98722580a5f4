"""Under more concurrent requests than connections, the pool keeps its connections and serves all.

An overflow connection used to be opened for a request past the pool size and closed again when it
came back to a full pool: under load every such request paid for a new connection.
"""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import event, text

from loyalty.storage.database import Database


async def test_many_concurrent_transactions_share_the_pool_without_opening_more(
    database_url: str, app: Any
) -> None:
    db = Database(database_url, pool_size=2)
    opened = 0

    @event.listens_for(db.engine.sync_engine, "connect")
    def _count(*_: Any) -> None:
        nonlocal opened
        opened += 1

    async def read(i: int) -> int:
        async with db.read() as conn:
            await asyncio.sleep(0)  # hold the connection across a switch, as a request does
            return int((await conn.execute(text(f"SELECT {i}"))).scalar_one())

    async def write(i: int) -> int:
        async with db.write() as conn:
            await asyncio.sleep(0)
            return int((await conn.execute(text(f"SELECT {i}"))).scalar_one())

    try:
        results = await asyncio.gather(*(read(i) if i % 2 else write(i) for i in range(60)))
        results += await asyncio.gather(*(read(i) for i in range(60, 120)))
    finally:
        await db.dispose()
    assert results == list(range(120))
    # SQLite's pool keeps at least 4 readers' connections and the writer's.
    places = 5 if db.is_sqlite else 2
    assert 1 <= opened <= places
