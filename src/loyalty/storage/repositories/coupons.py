from __future__ import annotations

from typing import Any

from sqlalchemy import select
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
