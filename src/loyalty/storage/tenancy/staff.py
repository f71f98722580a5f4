"""Staff accounts (see ``staff_tables``)."""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import func, select, update

from loyalty.app.tenancy.ports import StaffRow
from loyalty.storage.repository import Repository
from loyalty.storage.tenancy.staff_tables import staff_accounts as t


class SqlStaff(Repository):
    async def insert(
        self,
        *,
        tenant_id: int,
        email: str,
        role: str,
        password_hash: str | None,
        must_change_password: bool,
        oidc_subject: str | None,
        now: int,
    ) -> int:
        result = await self.conn.execute(
            t.insert()
            .values(
                tenant_id=tenant_id,
                email=email,
                role=role,
                password_hash=password_hash,
                must_change_password=must_change_password,
                oidc_subject=oidc_subject,
                created_at=now,
            )
            .returning(t.c.id)
        )
        return int(result.scalar_one())

    async def by_email(self, tenant_id: int, email: str) -> StaffRow | None:
        row = (
            (await self.conn.execute(select(t).where(t.c.tenant_id == tenant_id, t.c.email == email)))
            .mappings()
            .first()
        )
        return cast(StaffRow, dict(row)) if row else None

    async def by_id(self, tenant_id: int, staff_id: int) -> StaffRow | None:
        row = (
            (await self.conn.execute(select(t).where(t.c.tenant_id == tenant_id, t.c.id == staff_id)))
            .mappings()
            .first()
        )
        return cast(StaffRow, dict(row)) if row else None

    async def list_for_tenant(self, tenant_id: int) -> list[StaffRow]:
        rows = await self.conn.execute(select(t).where(t.c.tenant_id == tenant_id).order_by(t.c.email))
        return [cast(StaffRow, dict(r)) for r in rows.mappings()]

    async def count_active(self, tenant_id: int) -> int:
        query = (
            select(func.count()).select_from(t).where(t.c.tenant_id == tenant_id, t.c.disabled_at.is_(None))
        )
        return int((await self.conn.execute(query)).scalar_one())

    async def set_password(self, staff_id: int, password_hash: str) -> None:
        """A new password ends every other session of the person (the session version moves on)."""
        await self.conn.execute(
            update(t)
            .where(t.c.id == staff_id)
            .values(
                password_hash=password_hash,
                must_change_password=False,
                session_version=t.c.session_version + 1,
            )
        )

    async def disable(self, staff_id: int, now: int) -> None:
        await self.conn.execute(
            update(t)
            .where(t.c.id == staff_id)
            .values(disabled_at=now, session_version=t.c.session_version + 1)
        )

    async def signed_in(self, staff_id: int, now: int, *, oidc_subject: str | None = None) -> None:
        values: dict[str, Any] = {"last_sign_in_at": now}
        if oidc_subject is not None:
            values["oidc_subject"] = oidc_subject
        await self.conn.execute(update(t).where(t.c.id == staff_id).values(**values))

    async def lock_active_admins(self, tenant_id: int) -> list[int]:
        """The ids of the tenant's active admins, locked until the transaction ends (PostgreSQL; a
        SQLite write transaction already holds the database). Two transactions that each demote or
        disable one of two admins queue here, and the second one counts what the first left."""
        query = (
            select(t.c.id)
            .where(t.c.tenant_id == tenant_id, t.c.role == "admin", t.c.disabled_at.is_(None))
            .order_by(t.c.id)
            .with_for_update()
        )
        return [int(v) for v in (await self.conn.execute(query)).scalars()]

    async def set_role(self, staff_id: int, role: str) -> None:
        await self.conn.execute(update(t).where(t.c.id == staff_id).values(role=role))
