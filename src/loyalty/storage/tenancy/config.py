"""Configuration items (events, challenges, offers, …) stored as validated JSON documents."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.storage.tables import config_items


async def list_all(conn: AsyncConnection, tenant_id: int) -> list[dict[str, Any]]:
    rows = await conn.execute(
        select(config_items.c.kind, config_items.c.item_id, config_items.c.body, config_items.c.version)
        .where(config_items.c.tenant_id == tenant_id)
        .order_by(config_items.c.kind, config_items.c.item_id)
    )
    return [dict(r) for r in rows.mappings()]


async def get(conn: AsyncConnection, tenant_id: int, kind: str, item_id: str) -> dict[str, Any] | None:
    row = (
        (
            await conn.execute(
                select(config_items).where(
                    config_items.c.tenant_id == tenant_id,
                    config_items.c.kind == kind,
                    config_items.c.item_id == item_id,
                )
            )
        )
        .mappings()
        .first()
    )
    return dict(row) if row else None


async def get_for_update(
    conn: AsyncConnection, tenant_id: int, kind: str, item_id: str
) -> dict[str, Any] | None:
    query = select(config_items).where(
        config_items.c.tenant_id == tenant_id,
        config_items.c.kind == kind,
        config_items.c.item_id == item_id,
    )
    if conn.dialect.name == "postgresql":
        query = query.with_for_update()
    row = (await conn.execute(query)).mappings().first()
    return dict(row) if row else None


async def upsert(
    conn: AsyncConnection,
    tenant_id: int,
    kind: str,
    item_id: str,
    body: dict[str, Any],
    version: int,
    now: int,
) -> None:
    existing = await get(conn, tenant_id, kind, item_id)
    if existing is None:
        await conn.execute(
            config_items.insert().values(
                tenant_id=tenant_id, kind=kind, item_id=item_id, body=body, version=version, updated_at=now
            )
        )
    else:
        await conn.execute(
            config_items.update()
            .where(
                config_items.c.tenant_id == tenant_id,
                config_items.c.kind == kind,
                config_items.c.item_id == item_id,
            )
            .values(body=body, version=version, updated_at=now)
        )


async def remove(conn: AsyncConnection, tenant_id: int, kind: str, item_id: str) -> bool:
    result = await conn.execute(
        delete(config_items).where(
            config_items.c.tenant_id == tenant_id,
            config_items.c.kind == kind,
            config_items.c.item_id == item_id,
        )
    )
    return result.rowcount == 1
