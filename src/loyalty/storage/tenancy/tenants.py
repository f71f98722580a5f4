from __future__ import annotations

from typing import Any, cast

from sqlalchemy import func, select, update

from loyalty.app.tenancy.ports import TenantIdName, TenantOverview, TenantRow
from loyalty.storage.repository import Repository
from loyalty.storage.tables import api_keys, tenants, users


class SqlTenants(Repository):
    async def insert(self, *, name: str, jwt_secret: str | None, settings: dict[str, Any], now: int) -> int:
        result = await self.conn.execute(
            tenants.insert()
            .values(name=name, jwt_secret=jwt_secret, settings=settings, config_version=1, created_at=now)
            .returning(tenants.c.id)
        )
        return int(result.scalar_one())

    async def get_by_name(self, name: str) -> TenantRow | None:
        row = (await self.conn.execute(select(tenants).where(tenants.c.name == name))).mappings().first()
        return cast(TenantRow, dict(row)) if row else None

    async def get_by_id(self, tenant_id: int) -> TenantRow | None:
        row = (await self.conn.execute(select(tenants).where(tenants.c.id == tenant_id))).mappings().first()
        return cast(TenantRow, dict(row)) if row else None

    async def config_version(self, tenant_id: int) -> int | None:
        value = (
            await self.conn.execute(select(tenants.c.config_version).where(tenants.c.id == tenant_id))
        ).scalar_one_or_none()
        return None if value is None else int(value)

    async def bump_version(self, tenant_id: int) -> None:
        await self.conn.execute(
            update(tenants)
            .where(tenants.c.id == tenant_id)
            .values(config_version=tenants.c.config_version + 1)
        )

    async def update_settings(self, tenant_id: int, settings: dict[str, Any], jwt_secret: str | None) -> None:
        values: dict[str, Any] = {"settings": settings, "config_version": tenants.c.config_version + 1}
        if jwt_secret is not None:
            values["jwt_secret"] = jwt_secret
        await self.conn.execute(update(tenants).where(tenants.c.id == tenant_id).values(**values))

    async def list_all(self) -> list[TenantIdName]:
        rows = (
            await self.conn.execute(select(tenants.c.id, tenants.c.name).order_by(tenants.c.id))
        ).mappings()
        return [cast(TenantIdName, dict(r)) for r in rows]

    async def overview(self) -> list[TenantOverview]:
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
        return [cast(TenantOverview, dict(r)) for r in (await self.conn.execute(query)).mappings()]
