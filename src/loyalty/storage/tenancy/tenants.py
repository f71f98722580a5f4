from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.storage.tables import api_keys, tenants, users


async def insert(
    conn: AsyncConnection, *, name: str, jwt_secret: str | None, settings: dict[str, Any], now: int
) -> int:
    result = await conn.execute(
        tenants.insert()
        .values(name=name, jwt_secret=jwt_secret, settings=settings, config_version=1, created_at=now)
        .returning(tenants.c.id)
    )
    return int(result.scalar_one())


async def get_by_name(conn: AsyncConnection, name: str) -> dict[str, Any] | None:
    row = (await conn.execute(select(tenants).where(tenants.c.name == name))).mappings().first()
    return dict(row) if row else None


async def get_by_id(conn: AsyncConnection, tenant_id: int) -> dict[str, Any] | None:
    row = (await conn.execute(select(tenants).where(tenants.c.id == tenant_id))).mappings().first()
    return dict(row) if row else None


async def config_version(conn: AsyncConnection, tenant_id: int) -> int | None:
    value = (
        await conn.execute(select(tenants.c.config_version).where(tenants.c.id == tenant_id))
    ).scalar_one_or_none()
    return None if value is None else int(value)


async def bump_version(conn: AsyncConnection, tenant_id: int) -> None:
    await conn.execute(
        update(tenants).where(tenants.c.id == tenant_id).values(config_version=tenants.c.config_version + 1)
    )


async def update_settings(
    conn: AsyncConnection, tenant_id: int, settings: dict[str, Any], jwt_secret: str | None
) -> None:
    values: dict[str, Any] = {"settings": settings, "config_version": tenants.c.config_version + 1}
    if jwt_secret is not None:
        values["jwt_secret"] = jwt_secret
    await conn.execute(update(tenants).where(tenants.c.id == tenant_id).values(**values))


async def list_all(conn: AsyncConnection) -> list[dict[str, Any]]:
    rows = (await conn.execute(select(tenants.c.id, tenants.c.name).order_by(tenants.c.id))).mappings()
    return [dict(r) for r in rows]


async def overview(conn: AsyncConnection) -> list[dict[str, Any]]:
    """Each tenant with its number of users and of API keys not revoked, for ``loyalty tenant list``."""
    user_count = (
        select(func.count()).select_from(users).where(users.c.tenant_id == tenants.c.id).scalar_subquery()
    )
    key_count = (
        select(func.count())
        .select_from(api_keys)
        .where(api_keys.c.tenant_id == tenants.c.id, api_keys.c.revoked_at.is_(None))
        .scalar_subquery()
    )
    query = select(
        tenants.c.name,
        tenants.c.created_at,
        user_count.label("users"),
        key_count.label("keys"),
    ).order_by(tenants.c.name)
    return [dict(r) for r in (await conn.execute(query)).mappings()]
