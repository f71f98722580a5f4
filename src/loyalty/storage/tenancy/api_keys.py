from __future__ import annotations

from typing import cast

from sqlalchemy import select, update

from loyalty.app.tenancy.ports import ApiKeyRow
from loyalty.storage.repository import Repository
from loyalty.storage.tables import api_keys


class SqlApiKeys(Repository):
    async def insert(
        self,
        *,
        tenant_id: int,
        key_id: str,
        name: str,
        role: str,
        key_hash: str,
        prefix: str,
        now: int,
    ) -> None:
        await self.conn.execute(
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

    async def find_by_hash(self, key_hash: str) -> ApiKeyRow | None:
        row = (
            (await self.conn.execute(select(api_keys).where(api_keys.c.key_hash == key_hash)))
            .mappings()
            .first()
        )
        return cast(ApiKeyRow, dict(row)) if row else None

    async def get(self, tenant_id: int, key_id: str) -> ApiKeyRow | None:
        row = (
            (
                await self.conn.execute(
                    select(api_keys).where(api_keys.c.tenant_id == tenant_id, api_keys.c.key_id == key_id)
                )
            )
            .mappings()
            .first()
        )
        return cast(ApiKeyRow, dict(row)) if row else None

    async def list_for_tenant(self, tenant_id: int) -> list[ApiKeyRow]:
        rows = await self.conn.execute(
            select(api_keys).where(api_keys.c.tenant_id == tenant_id).order_by(api_keys.c.id)
        )
        return [cast(ApiKeyRow, dict(r)) for r in rows.mappings()]

    async def revoke(self, tenant_id: int, key_id: str, now: int) -> bool:
        result = await self.conn.execute(
            update(api_keys)
            .where(
                api_keys.c.tenant_id == tenant_id,
                api_keys.c.key_id == key_id,
                api_keys.c.revoked_at.is_(None),
            )
            .values(revoked_at=now)
        )
        return result.rowcount == 1
