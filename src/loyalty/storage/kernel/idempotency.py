from __future__ import annotations

from typing import cast

from sqlalchemy import delete, select, update

from loyalty.app.kernel.ports import IdempotencyRow
from loyalty.storage.repository import Repository
from loyalty.storage.tables import idempotency_keys


class SqlIdempotency(Repository):
    async def claim(self, *, tenant_id: int, key: str, request_hash: str, now: int) -> bool:
        """Claim the key inside the caller's transaction.

        A concurrent claimer of the same key blocks on the unique index until this transaction ends,
        then sees the stored response (PostgreSQL); SQLite writers are serialised anyway.
        """
        stmt = (
            self.db.insert(idempotency_keys)
            .values(tenant_id=tenant_id, key=key, request_hash=request_hash, status_code=0, created_at=now)
            .on_conflict_do_nothing(index_elements=["tenant_id", "key"])
        )
        result = await self.conn.execute(stmt)
        return bool(result.rowcount == 1)

    async def get(self, tenant_id: int, key: str) -> IdempotencyRow | None:
        row = (
            (
                await self.conn.execute(
                    select(idempotency_keys).where(
                        idempotency_keys.c.tenant_id == tenant_id, idempotency_keys.c.key == key
                    )
                )
            )
            .mappings()
            .first()
        )
        return cast(IdempotencyRow, dict(row)) if row else None

    async def store_response(
        self, *, tenant_id: int, key: str, status_code: int, body: bytes, content_type: str
    ) -> None:
        await self.conn.execute(
            update(idempotency_keys)
            .where(idempotency_keys.c.tenant_id == tenant_id, idempotency_keys.c.key == key)
            .values(status_code=status_code, response_body=body, content_type=content_type)
        )

    async def purge_older_than(self, cutoff: int) -> int:
        result = await self.conn.execute(
            delete(idempotency_keys).where(idempotency_keys.c.created_at < cutoff)
        )
        return int(result.rowcount or 0)
