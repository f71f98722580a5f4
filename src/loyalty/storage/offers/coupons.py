"""Issued coupons (:class:`loyalty.app.offers.ports.Coupons`): one statement per rule."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import ColumnElement, or_, select, update

from loyalty.app.offers.ports import CouponRow
from loyalty.storage.offers.coupon_tables import coupons
from loyalty.storage.repository import Repository


def _unused(user_pk: int, coupon_id: int) -> tuple[ColumnElement[bool], ...]:
    """The user's coupon, neither redeemed nor revoked: what a redemption and a revoke both need."""
    return (
        coupons.c.id == coupon_id,
        coupons.c.user_pk == user_pk,
        coupons.c.redeemed.is_(False),
        coupons.c.revoked_at.is_(None),
    )


class SqlCoupons(Repository):
    async def insert_if_code_free(
        self, *, tenant_id: int, user_pk: int, now: int, **values: Any
    ) -> int | None:
        stmt = (
            self.db.insert(coupons)
            .values(tenant_id=tenant_id, user_pk=user_pk, created_at=now, redeemed=False, **values)
            .on_conflict_do_nothing(index_elements=["tenant_id", "code"])
            .returning(coupons.c.id)
        )
        value = (await self.conn.execute(stmt)).scalar_one_or_none()
        return None if value is None else int(value)

    async def list_for_user(self, user_pk: int) -> list[CouponRow]:
        rows = await self.conn.execute(
            select(coupons).where(coupons.c.user_pk == user_pk).order_by(coupons.c.id)
        )
        return [cast(CouponRow, dict(r)) for r in rows.mappings()]

    async def list_open_for_user(self, user_pk: int, now: int) -> list[CouponRow]:
        query = (
            select(coupons)
            .where(
                coupons.c.user_pk == user_pk,
                coupons.c.redeemed.is_(False),
                coupons.c.revoked_at.is_(None),
                or_(coupons.c.valid_until.is_(None), coupons.c.valid_until > now),
            )
            .order_by(coupons.c.id)
        )
        return [cast(CouponRow, dict(r)) for r in (await self.conn.execute(query)).mappings()]

    async def get_for_user(self, user_pk: int, coupon_id: int) -> CouponRow | None:
        query = select(coupons).where(coupons.c.id == coupon_id, coupons.c.user_pk == user_pk)
        row = (await self.conn.execute(query)).mappings().first()
        return None if row is None else cast(CouponRow, dict(row))

    async def redeem_if_open(self, *, user_pk: int, coupon_id: int, now: int) -> bool:
        """One statement: the row's lock decides between a redemption and a concurrent revoke."""
        stmt = (
            update(coupons)
            .where(
                *_unused(user_pk, coupon_id),
                or_(coupons.c.valid_until.is_(None), coupons.c.valid_until > now),
            )
            .values(redeemed=True, redeemed_at=now)
            .returning(coupons.c.id)
        )
        return (await self.conn.execute(stmt)).scalar_one_or_none() is not None

    async def revoke_if_open(self, *, user_pk: int, coupon_id: int, reason: str, now: int) -> bool:
        """The twin of ``redeem_if_open``: of a revoke and a redemption, one wins."""
        stmt = (
            update(coupons)
            .where(*_unused(user_pk, coupon_id))
            .values(revoked_at=now, revoke_reason=reason)
            .returning(coupons.c.id)
        )
        return (await self.conn.execute(stmt)).scalar_one_or_none() is not None
