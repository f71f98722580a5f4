"""A tenant's members (:class:`loyalty.app.users.ports.Users`)."""

from __future__ import annotations

from typing import Any, Unpack, cast

from sqlalchemy import select, update

from loyalty.app.users.ports import NewUser, UserFields, UserRow
from loyalty.storage.driver import Statement, driver_of
from loyalty.storage.repository import Repository
from loyalty.storage.tables import users

_FIND_PK = Statement("SELECT id FROM users WHERE tenant_id = :tenant_id AND external_id = :external_id")


class SqlUsers(Repository):
    async def find_pk(self, tenant_id: int, external_id: str) -> int | None:
        """The hot path's first read (on the driver, see loyalty.storage.driver)."""
        params = {"tenant_id": tenant_id, "external_id": external_id}
        value = await (await driver_of(self.conn)).fetchval(_FIND_PK, params)
        return None if value is None else int(value)

    async def get(self, tenant_id: int, external_id: str) -> UserRow | None:
        row = (
            (
                await self.conn.execute(
                    select(users).where(users.c.tenant_id == tenant_id, users.c.external_id == external_id)
                )
            )
            .mappings()
            .first()
        )
        return cast(UserRow, dict(row)) if row else None

    async def insert_if_absent(
        self,
        *,
        tenant_id: int,
        external_id: str,
        now: int,
        usergroup: str | None = None,
        birthday: str | None = None,
    ) -> int | None:
        """Insert the user; returns the new surrogate key, or None when the user already existed."""
        stmt = (
            self.db.insert(users)
            .values(
                tenant_id=tenant_id,
                external_id=external_id,
                usergroup=usergroup,
                profile={},
                created_at=now,
                birthday=birthday,
            )
            .on_conflict_do_nothing(index_elements=["tenant_id", "external_id"])
            .returning(users.c.id)
        )
        value = (await self.conn.execute(stmt)).scalar_one_or_none()
        return None if value is None else int(value)

    async def delete(self, tenant_id: int, external_id: str) -> int | None:
        value = (
            await self.conn.execute(
                users.delete()
                .where(users.c.tenant_id == tenant_id, users.c.external_id == external_id)
                .returning(users.c.id)
            )
        ).scalar_one_or_none()
        return None if value is None else int(value)

    async def update_fields(self, user_pk: int, **values: Unpack[UserFields]) -> None:
        await self.conn.execute(update(users).where(users.c.id == user_pk).values(**values))

    async def list_page(self, tenant_id: int, *, after_pk: int, limit: int) -> list[UserRow]:
        rows = await self.conn.execute(
            select(users)
            .where(users.c.tenant_id == tenant_id, users.c.id > after_pk)
            .order_by(users.c.id)
            .limit(limit)
        )
        return [cast(UserRow, dict(r)) for r in rows.mappings()]

    async def insert_many_if_absent(self, *, tenant_id: int, rows: list[NewUser]) -> None:
        """Insert the users that do not exist yet, in one statement (imports). Each row has
        ``external_id``, ``created_at`` and optionally ``usergroup`` and ``birthday``."""
        if not rows:
            return
        values: list[dict[str, Any]] = [
            {
                "tenant_id": tenant_id,
                "external_id": r["external_id"],
                "usergroup": r.get("usergroup"),
                "birthday": r.get("birthday"),
                "profile": {},
                "created_at": r["created_at"],
            }
            for r in rows
        ]
        # Many parameter sets for one statement: compiled once, sent in multi-row batches.
        stmt = self.db.insert(users).on_conflict_do_nothing(index_elements=["tenant_id", "external_id"])
        await self.conn.execute(stmt, values)

    async def pks_of(self, tenant_id: int, external_ids: list[str]) -> dict[str, int]:
        """external id -> surrogate key, for the ids that exist."""
        if not external_ids:
            return {}
        rows = await self.conn.execute(
            select(users.c.external_id, users.c.id).where(
                users.c.tenant_id == tenant_id, users.c.external_id.in_(external_ids)
            )
        )
        return {str(e): int(i) for e, i in rows}
