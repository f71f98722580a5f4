from __future__ import annotations

from typing import Any, cast

from sqlalchemy import select

from loyalty.app.tenancy.ports import AuditRow
from loyalty.storage.repository import Repository
from loyalty.storage.tables import audit_log


class SqlAudit(Repository):
    async def record(
        self,
        *,
        tenant_id: int,
        actor: str,
        action: str,
        target: str,
        before: Any,
        after: Any,
        now: int,
    ) -> None:
        await self.conn.execute(
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

    async def list_recent(self, tenant_id: int, *, limit: int) -> list[AuditRow]:
        rows = await self.conn.execute(
            select(audit_log)
            .where(audit_log.c.tenant_id == tenant_id)
            .order_by(audit_log.c.id.desc())
            .limit(limit)
        )
        return [cast(AuditRow, dict(r)) for r in rows.mappings()]

    async def search(
        self,
        tenant_id: int,
        *,
        actor: str = "",
        action: str = "",
        target: str = "",
        since: int | None = None,
        until: int | None = None,
        before_id: int | None = None,
        limit: int,
    ) -> list[AuditRow]:
        """Newest first, paged by id (``before_id`` is the last id of the previous page): the index on
        (tenant, id), or on (tenant, actor, id) for one actor, reads only the page's rows."""
        query = select(audit_log).where(audit_log.c.tenant_id == tenant_id)
        if actor:
            query = query.where(audit_log.c.actor == actor)
        if action:
            query = query.where(audit_log.c.action.startswith(action, autoescape=True))
        if target:
            query = query.where(audit_log.c.target.startswith(target, autoescape=True))
        if since is not None:
            query = query.where(audit_log.c.created_at >= since)
        if until is not None:
            query = query.where(audit_log.c.created_at < until)
        if before_id is not None:
            query = query.where(audit_log.c.id < before_id)
        rows = await self.conn.execute(query.order_by(audit_log.c.id.desc()).limit(limit))
        return [cast(AuditRow, dict(r)) for r in rows.mappings()]
