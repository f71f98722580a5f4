"""What inventory items each user holds (:class:`loyalty.app.gamification.ports.InventoryHoldings`)."""

from __future__ import annotations

from sqlalchemy import delete, select

from loyalty.storage.gamification.gamification_tables import inventory_holdings
from loyalty.storage.repository import Repository


class SqlInventoryHoldings(Repository):
    async def add(self, *, tenant_id: int, user_pk: int, set_id: str, item_id: str, now: int) -> bool:
        """True when the user did not hold the item before."""
        stmt = (
            self.db.insert(inventory_holdings)
            .values(user_pk=user_pk, set_id=set_id, item_id=item_id, tenant_id=tenant_id, acquired_at=now)
            .on_conflict_do_nothing(index_elements=["user_pk", "set_id", "item_id"])
            .returning(inventory_holdings.c.item_id)
        )
        return (await self.conn.execute(stmt)).scalar_one_or_none() is not None

    async def remove(self, *, user_pk: int, set_id: str, item_id: str) -> bool:
        """True when the user held the item (and now does not)."""
        stmt = (
            delete(inventory_holdings)
            .where(
                inventory_holdings.c.user_pk == user_pk,
                inventory_holdings.c.set_id == set_id,
                inventory_holdings.c.item_id == item_id,
            )
            .returning(inventory_holdings.c.item_id)
        )
        return (await self.conn.execute(stmt)).scalar_one_or_none() is not None

    async def holdings(self, user_pk: int) -> list[tuple[str, str]]:
        rows = await self.conn.execute(
            select(inventory_holdings.c.set_id, inventory_holdings.c.item_id)
            .where(inventory_holdings.c.user_pk == user_pk)
            .order_by(
                inventory_holdings.c.acquired_at, inventory_holdings.c.set_id, inventory_holdings.c.item_id
            )
        )
        return [(r[0], r[1]) for r in rows.all()]
