from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.storage.coupon_tables import coupons


async def insert_if_code_free(
    db_insert: Any, conn: AsyncConnection, *, tenant_id: int, user_pk: int, now: int, **values: Any
) -> int | None:
    """The new coupon's id, or None when the code is taken in this tenant."""
    stmt = (
        db_insert(coupons)
        .values(tenant_id=tenant_id, user_pk=user_pk, created_at=now, redeemed=False, **values)
        .on_conflict_do_nothing(index_elements=["tenant_id", "code"])
        .returning(coupons.c.id)
    )
    value = (await conn.execute(stmt)).scalar_one_or_none()
    return None if value is None else int(value)


async def list_for_user(conn: AsyncConnection, user_pk: int) -> list[dict[str, Any]]:
    rows = await conn.execute(select(coupons).where(coupons.c.user_pk == user_pk).order_by(coupons.c.id))
    return [dict(r) for r in rows.mappings()]


async def list_open_for_user(conn: AsyncConnection, user_pk: int, now: int) -> list[dict[str, Any]]:
    """The user's coupons that are neither redeemed, revoked nor expired, oldest first."""
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
    return [dict(r) for r in (await conn.execute(query)).mappings()]


async def get_for_user(conn: AsyncConnection, user_pk: int, coupon_id: int) -> dict[str, Any] | None:
    row = (
        (await conn.execute(select(coupons).where(coupons.c.id == coupon_id, coupons.c.user_pk == user_pk)))
        .mappings()
        .first()
    )
    return None if row is None else dict(row)


def _unused(user_pk: int, coupon_id: int) -> tuple[ColumnElement[bool], ...]:
    """The user's coupon, neither redeemed nor revoked: what a redemption and a revoke both need."""
    return (
        coupons.c.id == coupon_id,
        coupons.c.user_pk == user_pk,
        coupons.c.redeemed.is_(False),
        coupons.c.revoked_at.is_(None),
    )


async def redeem_if_open(conn: AsyncConnection, *, user_pk: int, coupon_id: int, now: int) -> bool:
    """Mark the coupon redeemed when it is the user's, unredeemed, unrevoked and unexpired (one
    statement: the row's lock decides between a redemption and a concurrent revoke)."""
    stmt = (
        update(coupons)
        .where(
            *_unused(user_pk, coupon_id),
            or_(coupons.c.valid_until.is_(None), coupons.c.valid_until > now),
        )
        .values(redeemed=True, redeemed_at=now)
        .returning(coupons.c.id)
    )
    return (await conn.execute(stmt)).scalar_one_or_none() is not None


async def revoke_if_open(
    conn: AsyncConnection, *, user_pk: int, coupon_id: int, reason: str, now: int
) -> bool:
    """Mark the coupon revoked when it is the user's, unredeemed and not yet revoked (one
    statement, the twin of ``redeem_if_open``: of a revoke and a redemption, one wins)."""
    stmt = (
        update(coupons)
        .where(*_unused(user_pk, coupon_id))
        .values(revoked_at=now, revoke_reason=reason)
        .returning(coupons.c.id)
    )
    return (await conn.execute(stmt)).scalar_one_or_none() is not None
