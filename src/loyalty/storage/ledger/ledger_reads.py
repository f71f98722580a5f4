"""Read-only queries over a user's ledger lines and FIFO allocations (for the dashboard's ledger
view): :class:`loyalty.app.ledger.ports.LedgerReads`."""

from __future__ import annotations

from typing import cast

from sqlalchemy import select

from loyalty.app.ledger.ports import AccountRow, AllocationRow, LedgerLineRow
from loyalty.storage.repository import Repository
from loyalty.storage.tables import balances, ledger_allocations, ledger_entries


class SqlLedgerReads(Repository):
    async def lines_for_user(self, user_pk: int, *, limit: int) -> list[LedgerLineRow]:
        rows = await self.conn.execute(
            select(ledger_entries)
            .where(ledger_entries.c.user_pk == user_pk)
            .order_by(ledger_entries.c.created_at.desc(), ledger_entries.c.id.desc())
            .limit(limit)
        )
        return [cast(LedgerLineRow, dict(r)) for r in rows.mappings()]

    async def allocations_for_user(self, user_pk: int) -> list[AllocationRow]:
        rows = await self.conn.execute(
            select(ledger_allocations).where(ledger_allocations.c.user_pk == user_pk)
        )
        return [cast(AllocationRow, dict(r)) for r in rows.mappings()]

    async def balances_for_user(self, user_pk: int) -> list[AccountRow]:
        rows = await self.conn.execute(
            select(
                balances.c.metric, balances.c.balance, balances.c.lifetime_earned, balances.c.next_expiry_at
            )
            .where(balances.c.user_pk == user_pk)
            .order_by(balances.c.metric)
        )
        return [cast(AccountRow, dict(r)) for r in rows.mappings()]
