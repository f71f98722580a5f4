"""Configuration items (events, challenges, offers, …) stored as validated JSON documents."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import delete, select

from loyalty.app.tenancy.ports import ConfigItemRow, ConfigItemSummary
from loyalty.storage.repository import Repository
from loyalty.storage.tables import config_items


class SqlConfigItems(Repository):
    async def list_all(self, tenant_id: int) -> list[ConfigItemSummary]:
        rows = await self.conn.execute(
            select(config_items.c.kind, config_items.c.item_id, config_items.c.body, config_items.c.version)
            .where(config_items.c.tenant_id == tenant_id)
            .order_by(config_items.c.kind, config_items.c.item_id)
        )
        return [cast(ConfigItemSummary, dict(r)) for r in rows.mappings()]

    async def get(self, tenant_id: int, kind: str, item_id: str) -> ConfigItemRow | None:
        row = (
            (
                await self.conn.execute(
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
        return cast(ConfigItemRow, dict(row)) if row else None

    async def get_for_update(self, tenant_id: int, kind: str, item_id: str) -> ConfigItemRow | None:
        query = select(config_items).where(
            config_items.c.tenant_id == tenant_id,
            config_items.c.kind == kind,
            config_items.c.item_id == item_id,
        )
        if self.conn.dialect.name == "postgresql":
            query = query.with_for_update()
        row = (await self.conn.execute(query)).mappings().first()
        return cast(ConfigItemRow, dict(row)) if row else None

    async def upsert(
        self,
        tenant_id: int,
        kind: str,
        item_id: str,
        body: dict[str, Any],
        version: int,
        now: int,
    ) -> None:
        existing = await self.get(tenant_id, kind, item_id)
        if existing is None:
            await self.conn.execute(
                config_items.insert().values(
                    tenant_id=tenant_id,
                    kind=kind,
                    item_id=item_id,
                    body=body,
                    version=version,
                    updated_at=now,
                )
            )
        else:
            await self.conn.execute(
                config_items.update()
                .where(
                    config_items.c.tenant_id == tenant_id,
                    config_items.c.kind == kind,
                    config_items.c.item_id == item_id,
                )
                .values(body=body, version=version, updated_at=now)
            )

    async def remove(self, tenant_id: int, kind: str, item_id: str) -> bool:
        result = await self.conn.execute(
            delete(config_items).where(
                config_items.c.tenant_id == tenant_id,
                config_items.c.kind == kind,
                config_items.c.item_id == item_id,
            )
        )
        return result.rowcount == 1
