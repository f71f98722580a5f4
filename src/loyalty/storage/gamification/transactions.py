"""The Audience transaction history (achievements and what they paid):
:class:`loyalty.app.gamification.ports.TransactionHistory`."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import select

from loyalty.app.gamification.ports import TransactionRow
from loyalty.storage.gamification.gamification_tables import loyalty_transactions
from loyalty.storage.repository import Repository


class SqlTransactionHistory(Repository):
    async def insert(
        self, *, tenant_id: int, user_pk: int, type: str, payload: dict[str, Any], ts: int
    ) -> int:
        result = await self.conn.execute(
            loyalty_transactions.insert()
            .values(tenant_id=tenant_id, user_pk=user_pk, type=type, payload=payload, ts=ts)
            .returning(loyalty_transactions.c.id)
        )
        return int(result.scalar_one())

    async def list_for_user(
        self, user_pk: int, *, from_ts: int | None, to_ts: int | None, limit: int
    ) -> list[TransactionRow]:
        query = select(loyalty_transactions).where(loyalty_transactions.c.user_pk == user_pk)
        if from_ts is not None:
            query = query.where(loyalty_transactions.c.ts >= from_ts)
        if to_ts is not None:
            query = query.where(loyalty_transactions.c.ts <= to_ts)
        query = query.order_by(loyalty_transactions.c.ts, loyalty_transactions.c.id).limit(limit)
        return [cast(TransactionRow, dict(r)) for r in (await self.conn.execute(query)).mappings()]
