"""The Audience transaction history (achievements and what they paid)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.storage.gamification.gamification_tables import loyalty_transactions


async def insert(
    conn: AsyncConnection, *, tenant_id: int, user_pk: int, type: str, payload: dict[str, Any], ts: int
) -> int:
    result = await conn.execute(
        loyalty_transactions.insert()
        .values(tenant_id=tenant_id, user_pk=user_pk, type=type, payload=payload, ts=ts)
        .returning(loyalty_transactions.c.id)
    )
    return int(result.scalar_one())


async def list_for_user(
    conn: AsyncConnection, user_pk: int, *, from_ts: int | None, to_ts: int | None, limit: int
) -> list[dict[str, Any]]:
    query = select(loyalty_transactions).where(loyalty_transactions.c.user_pk == user_pk)
    if from_ts is not None:
        query = query.where(loyalty_transactions.c.ts >= from_ts)
    if to_ts is not None:
        query = query.where(loyalty_transactions.c.ts <= to_ts)
    query = query.order_by(loyalty_transactions.c.ts, loyalty_transactions.c.id).limit(limit)
    return [dict(r) for r in (await conn.execute(query)).mappings()]
