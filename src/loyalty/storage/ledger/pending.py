"""Pending credits: the points of events whose definition sets ``pendingDays``
(:class:`loyalty.app.ledger.ports.PendingCredits`).

A row moves out of ``pending`` exactly once, by a conditional update: to ``matured`` (the worker
credits the points in the same transaction) or to ``reversed`` (the event was reversed first).
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import func, select, update

from loyalty.app.ledger.ports import PENDING, PendingCreditRow
from loyalty.storage.promotions.campaign_tables import pending_credits
from loyalty.storage.repository import Repository


class SqlPendingCredits(Repository):
    async def pending_points(self, user_pk: int) -> int:
        total = await self.conn.scalar(
            select(func.coalesce(func.sum(pending_credits.c.points), 0)).where(
                pending_credits.c.user_pk == user_pk, pending_credits.c.state == PENDING
            )
        )
        return int(total or 0)

    async def pending_points_of_users(self, user_pks: list[int]) -> dict[int, int]:
        """User key -> pending points, for the users that have any."""
        if not user_pks:
            return {}
        rows = await self.conn.execute(
            select(pending_credits.c.user_pk, func.sum(pending_credits.c.points))
            .where(pending_credits.c.user_pk.in_(user_pks), pending_credits.c.state == PENDING)
            .group_by(pending_credits.c.user_pk)
        )
        return {int(r[0]): int(r[1]) for r in rows}

    async def due(self, *, now: int, limit: int, tenant_id: int | None = None) -> list[tuple[int, int]]:
        """(id, tenant id) of pending credits due at ``now``, oldest first."""
        query = (
            select(pending_credits.c.id, pending_credits.c.tenant_id)
            .where(pending_credits.c.state == PENDING, pending_credits.c.matures_at <= now)
            .order_by(pending_credits.c.matures_at, pending_credits.c.id)
            .limit(limit)
        )
        if tenant_id is not None:
            query = query.where(pending_credits.c.tenant_id == tenant_id)
        rows = await self.conn.execute(query)
        return [(int(r[0]), int(r[1])) for r in rows]

    async def settle(self, *, state: str, now: int, **key: Any) -> PendingCreditRow | None:
        """Move the pending credit identified by ``key`` (``id`` or ``logged_id``) to ``state``, once:
        None when it is not (or no longer) pending."""
        condition = [pending_credits.c[name] == value for name, value in key.items()]
        row = (
            (
                await self.conn.execute(
                    update(pending_credits)
                    .where(*condition, pending_credits.c.state == PENDING)
                    .values(state=state, settled_at=now)
                    .returning(*pending_credits.c)
                )
            )
            .mappings()
            .first()
        )
        return cast(PendingCreditRow, dict(row)) if row else None
