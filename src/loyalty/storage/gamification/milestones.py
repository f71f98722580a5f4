"""Users' current tier per milestone set, and the balances tiers are measured on
(:class:`loyalty.app.gamification.ports.MilestoneTiers`)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select, update

from loyalty.storage.gamification.progress_tables import user_tiers
from loyalty.storage.repository import Repository
from loyalty.storage.tables import balances


class SqlMilestoneTiers(Repository):
    async def balances_of(self, user_pk: int, metrics: Sequence[str]) -> dict[str, tuple[int, int]]:
        """metric -> (balance, lifetime earned) for the given metrics (absent metrics are left out)."""
        rows = await self.conn.execute(
            select(balances.c.metric, balances.c.balance, balances.c.lifetime_earned).where(
                balances.c.user_pk == user_pk, balances.c.metric.in_(list(metrics))
            )
        )
        return {r.metric: (int(r.balance), int(r.lifetime_earned)) for r in rows}

    async def tiers_of(self, user_pk: int) -> dict[str, str | None]:
        rows = await self.conn.execute(
            select(user_tiers.c.set_id, user_tiers.c.tier_id).where(user_tiers.c.user_pk == user_pk)
        )
        return {r.set_id: r.tier_id for r in rows}

    async def claim_first_tier(
        self, *, tenant_id: int, user_pk: int, set_id: str, tier_id: str | None, now: int
    ) -> bool:
        """Record the user's first tier of a set; False when a row already exists."""
        stmt = (
            self.db.insert(user_tiers)
            .values(user_pk=user_pk, set_id=set_id, tenant_id=tenant_id, tier_id=tier_id, updated_at=now)
            .on_conflict_do_nothing(index_elements=["user_pk", "set_id"])
            .returning(user_tiers.c.set_id)
        )
        return (await self.conn.execute(stmt)).scalar_one_or_none() is not None

    async def move_tier(
        self, *, user_pk: int, set_id: str, old: str | None, new: str | None, now: int
    ) -> bool:
        """Move from ``old`` to ``new`` only if the stored tier is still ``old`` (one winner)."""
        result = await self.conn.execute(
            update(user_tiers)
            .where(
                user_tiers.c.user_pk == user_pk,
                user_tiers.c.set_id == set_id,
                user_tiers.c.tier_id.is_not_distinct_from(old),
            )
            .values(tier_id=new, updated_at=now)
        )
        return result.rowcount == 1
