"""Writes handed to ``Driver.write_later`` commit with their transaction, and only with it."""

from __future__ import annotations

import secrets
from typing import Any

import pytest
from sqlalchemy import select

from loyalty.storage.driver import Statement, driver_of, flush_writes
from loyalty.storage.event_tables import event_limit_counters

COUNT = Statement(
    "INSERT INTO event_limit_counters (tenant_id, user_pk, event_id, period_key, n) "
    "VALUES (0, :user_pk, :event_id, 'p', 1)"
)
COUNT_WITH = Statement(  # a statement with its own WITH list closes a combined batch
    "WITH v (period_key, n) AS (VALUES ('q', 2), ('r', 3)) INSERT INTO event_limit_counters "
    "(tenant_id, user_pk, event_id, period_key, n) SELECT 0, :user_pk, :event_id, period_key, n FROM v"
)


async def counted(app: Any, event_id: str) -> list[tuple[str, int]]:
    async with app.state.services.db.read() as conn:
        rows = await conn.execute(
            select(event_limit_counters.c.period_key, event_limit_counters.c.n)
            .where(event_limit_counters.c.event_id == event_id)
            .order_by(event_limit_counters.c.period_key)
        )
        return [(str(p), int(n)) for p, n in rows]


async def test_writes_for_later_commit_with_the_transaction_without_an_explicit_flush(app: Any) -> None:
    event_id = f"later-{secrets.token_hex(4)}"
    async with app.state.services.db.write() as conn:
        sql = await driver_of(conn)
        await sql.write_later(COUNT, {"user_pk": 1, "event_id": event_id})
        await sql.write_later(COUNT_WITH, {"user_pk": 1, "event_id": event_id})
    assert await counted(app, event_id) == [("p", 1), ("q", 2), ("r", 3)]


async def test_a_flush_runs_them_at_once_and_only_once(app: Any) -> None:
    event_id = f"flush-{secrets.token_hex(4)}"
    async with app.state.services.db.write() as conn:
        sql = await driver_of(conn)
        await sql.write_later(COUNT, {"user_pk": 2, "event_id": event_id})
        await flush_writes(conn)
        visible = await sql.fetchval(
            Statement("SELECT count(*) FROM event_limit_counters WHERE event_id = :e"), {"e": event_id}
        )
        assert visible == 1
        await flush_writes(conn)
    assert await counted(app, event_id) == [("p", 1)]


async def test_a_rolled_back_transaction_leaves_nothing_for_the_next_one(app: Any) -> None:
    db = app.state.services.db
    lost, kept = f"lost-{secrets.token_hex(4)}", f"kept-{secrets.token_hex(4)}"

    async def refused() -> None:
        async with db.write() as conn:
            await (await driver_of(conn)).write_later(COUNT, {"user_pk": 3, "event_id": lost})
            raise RuntimeError("refused")

    for _ in range(db.engine.pool.size() + 1):  # so the next transactions reuse the connection
        with pytest.raises(RuntimeError):
            await refused()
    for _ in range(db.engine.pool.size() + 1):  # transactions that never ask for the driver
        async with db.write() as conn:
            await conn.execute(select(event_limit_counters.c.n).limit(1))
    async with db.write() as conn:
        await (await driver_of(conn)).write_later(COUNT, {"user_pk": 3, "event_id": kept})
    assert await counted(app, lost) == []
    assert await counted(app, kept) == [("p", 1)]


async def test_values_given_in_the_order_of_the_statements_names(app: Any) -> None:
    event_id = f"args-{secrets.token_hex(4)}"
    two_rows = Statement(
        "INSERT INTO event_limit_counters (tenant_id, user_pk, event_id, period_key, n) "
        "VALUES (0, :user_pk, :event_id, :first, 4), (0, :user_pk, :event_id, :second, :n)"
    )
    assert two_rows.names == ("user_pk", "event_id", "first", "second", "n")
    async with app.state.services.db.write() as conn:
        await (await driver_of(conn)).execute_args(two_rows, [3, event_id, "a", "b", 5])
    assert await counted(app, event_id) == [("a", 4), ("b", 5)]
