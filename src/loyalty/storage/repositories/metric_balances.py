"""Balance rows of the tenant's metrics: opening them at their default and locking them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.storage.tables import balances


async def open_if_absent(
    db_insert: Any, conn: AsyncConnection, *, tenant_id: int, user_pk: int, metric: str, now: int
) -> bool:
    """Create an empty (0) balance row; True only for the one transaction that created it."""
    stmt = (
        db_insert(balances)
        .values(
            user_pk=user_pk, metric=metric, tenant_id=tenant_id, balance=0, lifetime_earned=0, updated_at=now
        )
        .on_conflict_do_nothing(index_elements=["user_pk", "metric"])
        .returning(balances.c.balance)
    )
    return (await conn.execute(stmt)).scalar_one_or_none() is not None


async def locked_balance(conn: AsyncConnection, user_pk: int, metric: str) -> int | None:
    """The balance, row-locked until commit on PostgreSQL (SQLite writers are serialised anyway)."""
    query = select(balances.c.balance).where(balances.c.user_pk == user_pk, balances.c.metric == metric)
    if conn.dialect.name == "postgresql":
        query = query.with_for_update()
    value = (await conn.execute(query)).scalar_one_or_none()
    return None if value is None else int(value)


async def balances_of_user(conn: AsyncConnection, user_pk: int) -> dict[str, int]:
    rows = await conn.execute(
        select(balances.c.metric, balances.c.balance).where(balances.c.user_pk == user_pk)
    )
    return {r[0]: int(r[1]) for r in rows.all()}
