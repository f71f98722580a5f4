"""Statements run on the driver's connection commit with their transaction, and only with it."""

from __future__ import annotations

import secrets
from typing import Any

import pytest
from sqlalchemy import select

from loyalty.storage.driver import Statement, driver_of
from loyalty.storage.events.event_tables import event_limit_counters

COUNT = Statement(
    "INSERT INTO event_limit_counters (tenant_id, user_pk, event_id, period_key, n) "
    "VALUES (0, :user_pk, :event_id, :period, 1)"
)


async def counted(app: Any, event_id: str) -> list[tuple[str, int]]:
    async with app.state.runtime.database.read() as conn:
        rows = await conn.execute(
            select(event_limit_counters.c.period_key, event_limit_counters.c.n)
            .where(event_limit_counters.c.event_id == event_id)
            .order_by(event_limit_counters.c.period_key)
        )
        return [(str(p), int(n)) for p, n in rows]


async def test_driver_writes_and_sqlalchemy_writes_commit_together(app: Any) -> None:
    event_id = f"both-{secrets.token_hex(4)}"
    async with app.state.runtime.database.write() as conn:
        await (await driver_of(conn)).execute(COUNT, {"user_pk": 1, "event_id": event_id, "period": "p"})
        await conn.execute(
            event_limit_counters.insert().values(
                tenant_id=0, user_pk=1, event_id=event_id, period_key="q", n=2
            )
        )
    assert await counted(app, event_id) == [("p", 1), ("q", 2)]


async def test_a_rolled_back_transaction_leaves_nothing_for_the_next_one(app: Any) -> None:
    db = app.state.runtime.database
    lost, kept = f"lost-{secrets.token_hex(4)}", f"kept-{secrets.token_hex(4)}"

    async def refused() -> None:
        async with db.write() as conn:
            await (await driver_of(conn)).execute(COUNT, {"user_pk": 3, "event_id": lost, "period": "p"})
            raise RuntimeError("refused")

    for _ in range(db.engine.pool.size() + 1):  # so the next transactions reuse the connection
        with pytest.raises(RuntimeError):
            await refused()
    for _ in range(db.engine.pool.size() + 1):  # transactions that never ask for the driver
        async with db.write() as conn:
            await conn.execute(select(event_limit_counters.c.n).limit(1))
    async with db.write() as conn:
        await (await driver_of(conn)).execute(COUNT, {"user_pk": 3, "event_id": kept, "period": "p"})
    assert await counted(app, lost) == []
    assert await counted(app, kept) == [("p", 1)]


async def test_a_write_that_runs_nothing_leaves_no_transaction_open(app: Any) -> None:
    db = app.state.runtime.database
    async with db.write() as conn:
        pass
    assert not conn.in_transaction()
    event_id = f"after-{secrets.token_hex(4)}"
    async with db.write() as conn:
        await (await driver_of(conn)).execute(COUNT, {"user_pk": 4, "event_id": event_id, "period": "p"})
    assert await counted(app, event_id) == [("p", 1)]
