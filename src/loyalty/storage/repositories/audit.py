from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.storage.tables import audit_log


async def record(
    conn: AsyncConnection,
    *,
    tenant_id: int,
    actor: str,
    action: str,
    target: str,
    before: Any,
    after: Any,
    now: int,
) -> None:
    await conn.execute(
        audit_log.insert().values(
            tenant_id=tenant_id,
            actor=actor,
            action=action,
            target=target,
            before=before,
            after=after,
            created_at=now,
        )
    )


async def list_recent(conn: AsyncConnection, tenant_id: int, *, limit: int) -> list[dict[str, Any]]:
    rows = await conn.execute(
        select(audit_log)
        .where(audit_log.c.tenant_id == tenant_id)
        .order_by(audit_log.c.id.desc())
        .limit(limit)
    )
    return [dict(r) for r in rows.mappings()]
