"""An account's stored balance (:class:`loyalty.app.ledger.ports.Balances`)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.storage.database import Database
from loyalty.storage.tables import balances


class SqlBalances:
    def __init__(self, conn: AsyncConnection, db: Database) -> None:
        self.conn = conn
        self.db = db

    async def get(self, user_pk: int, metric: str) -> int | None:
        value = (
            await self.conn.execute(
                select(balances.c.balance).where(balances.c.user_pk == user_pk, balances.c.metric == metric)
            )
        ).scalar_one_or_none()
        return None if value is None else int(value)
