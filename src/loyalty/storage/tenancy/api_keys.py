from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.storage.tables import api_keys


async def insert(
    conn: AsyncConnection,
    *,
    tenant_id: int,
    key_id: str,
    name: str,
    role: str,
    key_hash: str,
    prefix: str,
    now: int,
) -> None:
    await conn.execute(
        api_keys.insert().values(
            tenant_id=tenant_id,
            key_id=key_id,
            name=name,
            role=role,
            key_hash=key_hash,
            prefix=prefix,
            created_at=now,
        )
    )


async def find_by_hash(conn: AsyncConnection, key_hash: str) -> dict[str, Any] | None:
    row = (await conn.execute(select(api_keys).where(api_keys.c.key_hash == key_hash))).mappings().first()
    return dict(row) if row else None


async def get(conn: AsyncConnection, tenant_id: int, key_id: str) -> dict[str, Any] | None:
    row = (
        (
            await conn.execute(
                select(api_keys).where(api_keys.c.tenant_id == tenant_id, api_keys.c.key_id == key_id)
            )
        )
        .mappings()
        .first()
    )
    return dict(row) if row else None


async def list_for_tenant(conn: AsyncConnection, tenant_id: int) -> list[dict[str, Any]]:
    rows = await conn.execute(
        select(api_keys).where(api_keys.c.tenant_id == tenant_id).order_by(api_keys.c.id)
    )
    return [dict(r) for r in rows.mappings()]


async def revoke(conn: AsyncConnection, tenant_id: int, key_id: str, now: int) -> bool:
    result = await conn.execute(
        update(api_keys)
        .where(
            api_keys.c.tenant_id == tenant_id,
            api_keys.c.key_id == key_id,
            api_keys.c.revoked_at.is_(None),
        )
        .values(revoked_at=now)
    )
    return result.rowcount == 1
