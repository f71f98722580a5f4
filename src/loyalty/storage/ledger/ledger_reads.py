"""Read-only queries over a user's ledger lines and FIFO allocations (for the dashboard's ledger view)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.storage.tables import balances, ledger_allocations, ledger_entries


async def lines_for_user(conn: AsyncConnection, user_pk: int, *, limit: int) -> list[dict[str, Any]]:
    rows = await conn.execute(
        select(ledger_entries)
        .where(ledger_entries.c.user_pk == user_pk)
        .order_by(ledger_entries.c.created_at.desc(), ledger_entries.c.id.desc())
        .limit(limit)
    )
    return [dict(r) for r in rows.mappings()]


async def allocations_for_user(conn: AsyncConnection, user_pk: int) -> list[dict[str, Any]]:
    rows = await conn.execute(select(ledger_allocations).where(ledger_allocations.c.user_pk == user_pk))
    return [dict(r) for r in rows.mappings()]


async def balances_for_user(conn: AsyncConnection, user_pk: int) -> list[dict[str, Any]]:
    rows = await conn.execute(
        select(balances.c.metric, balances.c.balance, balances.c.lifetime_earned, balances.c.next_expiry_at)
        .where(balances.c.user_pk == user_pk)
        .order_by(balances.c.metric)
    )
    return [dict(r) for r in rows.mappings()]
