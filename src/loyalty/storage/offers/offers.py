"""Offer stock, per-user counts and code pools (:class:`loyalty.app.offers.ports.Offers`): each
limit is one conditional statement."""

from __future__ import annotations

from sqlalchemy import and_, func, select, update

from loyalty.storage.offers.coupon_tables import coupons
from loyalty.storage.offers.offer_tables import offer_codes, offer_stock, offer_user_counts
from loyalty.storage.repository import Repository


class SqlOffers(Repository):
    async def take_stock(self, *, tenant_id: int, offer_id: str, stock: int) -> bool:
        """Count one more issued coupon when fewer than ``stock`` were issued; False when sold out."""
        await self.conn.execute(
            self.db.insert(offer_stock)
            .values(tenant_id=tenant_id, offer_id=offer_id, issued=0)
            .on_conflict_do_nothing(index_elements=["tenant_id", "offer_id"])
        )
        stmt = (
            update(offer_stock)
            .where(
                offer_stock.c.tenant_id == tenant_id,
                offer_stock.c.offer_id == offer_id,
                offer_stock.c.issued < stock,
            )
            .values(issued=offer_stock.c.issued + 1)
            .returning(offer_stock.c.issued)
        )
        return (await self.conn.execute(stmt)).scalar_one_or_none() is not None

    async def count_user_redemption(
        self, *, tenant_id: int, user_pk: int, offer_id: str, limit: int | None
    ) -> bool:
        """Count one more redemption of the user while below ``limit`` (no limit: always); False at it."""
        await self.conn.execute(
            self.db.insert(offer_user_counts)
            .values(tenant_id=tenant_id, user_pk=user_pk, offer_id=offer_id, redeemed=0)
            .on_conflict_do_nothing(index_elements=["user_pk", "offer_id"])
        )
        conditions = [offer_user_counts.c.user_pk == user_pk, offer_user_counts.c.offer_id == offer_id]
        if limit is not None:
            conditions.append(offer_user_counts.c.redeemed < limit)
        stmt = (
            update(offer_user_counts)
            .where(*conditions)
            .values(redeemed=offer_user_counts.c.redeemed + 1)
            .returning(offer_user_counts.c.redeemed)
        )
        return (await self.conn.execute(stmt)).scalar_one_or_none() is not None

    async def issued_count(self, tenant_id: int, offer_id: str) -> int:
        value = (
            await self.conn.execute(
                select(offer_stock.c.issued).where(
                    offer_stock.c.tenant_id == tenant_id, offer_stock.c.offer_id == offer_id
                )
            )
        ).scalar_one_or_none()
        return 0 if value is None else int(value)

    async def user_count(self, user_pk: int, offer_id: str) -> int:
        value = (
            await self.conn.execute(
                select(offer_user_counts.c.redeemed).where(
                    offer_user_counts.c.user_pk == user_pk, offer_user_counts.c.offer_id == offer_id
                )
            )
        ).scalar_one_or_none()
        return 0 if value is None else int(value)

    async def import_codes(self, *, tenant_id: int, offer_id: str, codes: list[str], now: int) -> int:
        """Insert the codes not yet known in the tenant (in a pool or on an issued coupon); how many
        were new."""
        added = 0
        for start in range(0, len(codes), 500):
            chunk = codes[start : start + 500]
            issued = await self.conn.execute(
                select(coupons.c.code).where(coupons.c.tenant_id == tenant_id, coupons.c.code.in_(chunk))
            )
            taken = {str(c) for c in issued.scalars()}
            chunk = [c for c in chunk if c not in taken]
            if not chunk:
                continue
            stmt = (
                self.db.insert(offer_codes)
                .values(
                    [
                        {"tenant_id": tenant_id, "offer_id": offer_id, "code": c, "imported_at": now}
                        for c in chunk
                    ]
                )
                .on_conflict_do_nothing(index_elements=["tenant_id", "code"])
                .returning(offer_codes.c.id)
            )
            added += len((await self.conn.execute(stmt)).all())
        return added

    async def claim_code(self, *, tenant_id: int, offer_id: str, user_pk: int, now: int) -> str | None:
        """Hand one free code of the offer to the user; None when the pool is empty.

        One statement: the subquery picks a free code (on PostgreSQL skipping codes other
        transactions are claiming) and the outer ``claimed_by IS NULL`` makes the claim exclusive."""
        pick = (
            select(offer_codes.c.id)
            .where(
                offer_codes.c.tenant_id == tenant_id,
                offer_codes.c.offer_id == offer_id,
                offer_codes.c.claimed_by.is_(None),
            )
            .order_by(offer_codes.c.id)
            .limit(1)
        )
        if self.conn.dialect.name == "postgresql":
            pick = pick.with_for_update(skip_locked=True)
        stmt = (
            update(offer_codes)
            .where(offer_codes.c.id == pick.scalar_subquery(), offer_codes.c.claimed_by.is_(None))
            .values(claimed_by=user_pk, claimed_at=now)
            .returning(offer_codes.c.code)
        )
        value = (await self.conn.execute(stmt)).scalar_one_or_none()
        return None if value is None else str(value)

    async def code_counts(self, tenant_id: int, offer_id: str) -> tuple[int, int]:
        """(total, still free) codes of the offer."""
        row = (
            await self.conn.execute(
                select(func.count(), func.count().filter(offer_codes.c.claimed_by.is_(None))).where(
                    and_(offer_codes.c.tenant_id == tenant_id, offer_codes.c.offer_id == offer_id)
                )
            )
        ).one()
        return int(row[0]), int(row[1])
