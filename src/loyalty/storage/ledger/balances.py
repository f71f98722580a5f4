"""An account's stored balance (:class:`loyalty.app.ledger.ports.Balances`)."""

from __future__ import annotations

from sqlalchemy import select

from loyalty.storage.repository import Repository
from loyalty.storage.tables import balances


class SqlBalances(Repository):
    async def get(self, user_pk: int, metric: str) -> int | None:
        value = (
            await self.conn.execute(
                select(balances.c.balance).where(balances.c.user_pk == user_pk, balances.c.metric == metric)
            )
        ).scalar_one_or_none()
        return None if value is None else int(value)
