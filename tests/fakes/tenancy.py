"""Fakes of the tenancy feature's ports (:mod:`loyalty.app.tenancy.ports`)."""

from __future__ import annotations

from typing import Any

from loyalty.app.tenancy.ports import (
    ApiKeyRow,
    AuditRow,
    ConfigItemRow,
    ConfigItemSummary,
    StaffRow,
    TenantIdName,
    TenantOverview,
    TenantRow,
)


class FakeTenants:
    def __init__(self) -> None:
        self.rows: dict[int, TenantRow] = {}

    async def insert(self, *, name: str, jwt_secret: str | None, settings: dict[str, Any], now: int) -> int:
        tenant_id = len(self.rows) + 1
        self.rows[tenant_id] = TenantRow(
            id=tenant_id,
            name=name,
            jwt_secret=jwt_secret,
            settings=settings,
            config_version=1,
            created_at=now,
        )
        return tenant_id

    async def get_by_name(self, name: str) -> TenantRow | None:
        return next((r for r in self.rows.values() if r["name"] == name), None)

    async def get_by_id(self, tenant_id: int) -> TenantRow | None:
        return self.rows.get(tenant_id)

    async def config_version(self, tenant_id: int) -> int | None:
        row = self.rows.get(tenant_id)
        return None if row is None else row["config_version"]

    async def bump_version(self, tenant_id: int) -> None:
        if tenant_id in self.rows:
            self.rows[tenant_id]["config_version"] += 1

    async def update_settings(self, tenant_id: int, settings: dict[str, Any], jwt_secret: str | None) -> None:
        row = self.rows.get(tenant_id)
        if row is None:
            return
        row["settings"] = settings
        row["config_version"] += 1
        if jwt_secret is not None:
            row["jwt_secret"] = jwt_secret

    async def list_all(self) -> list[TenantIdName]:
        return [TenantIdName(id=r["id"], name=r["name"]) for _, r in sorted(self.rows.items())]

    async def overview(self) -> list[TenantOverview]:
        raise NotImplementedError("counts users and keys across feature stores; tested on a database")


class FakeApiKeys:
    def __init__(self) -> None:
        self.rows: list[ApiKeyRow] = []

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
        if any(r["key_hash"] == key_hash for r in self.rows):
            raise AssertionError("duplicate key hash (a unique index in the database)")
        self.rows.append(
            ApiKeyRow(
                id=len(self.rows) + 1,
                tenant_id=tenant_id,
                key_id=key_id,
                name=name,
                role=role,
                key_hash=key_hash,
                prefix=prefix,
                created_at=now,
                revoked_at=None,
            )
        )

    async def find_by_hash(self, key_hash: str) -> ApiKeyRow | None:
        return next((r for r in self.rows if r["key_hash"] == key_hash), None)

    async def get(self, tenant_id: int, key_id: str) -> ApiKeyRow | None:
        return next((r for r in self.rows if (r["tenant_id"], r["key_id"]) == (tenant_id, key_id)), None)

    async def list_for_tenant(self, tenant_id: int) -> list[ApiKeyRow]:
        return [r for r in self.rows if r["tenant_id"] == tenant_id]

    async def revoke(self, tenant_id: int, key_id: str, now: int) -> bool:
        row = await self.get(tenant_id, key_id)
        if row is None or row["revoked_at"] is not None:
            return False
        row["revoked_at"] = now
        return True


class FakeConfigItems:
    def __init__(self) -> None:
        self.rows: dict[tuple[int, str, str], ConfigItemRow] = {}

    async def list_all(self, tenant_id: int) -> list[ConfigItemSummary]:
        return [
            ConfigItemSummary(kind=r["kind"], item_id=r["item_id"], body=r["body"], version=r["version"])
            for key, r in sorted(self.rows.items())
            if key[0] == tenant_id
        ]

    async def get(self, tenant_id: int, kind: str, item_id: str) -> ConfigItemRow | None:
        return self.rows.get((tenant_id, kind, item_id))

    async def get_for_update(self, tenant_id: int, kind: str, item_id: str) -> ConfigItemRow | None:
        return self.rows.get((tenant_id, kind, item_id))

    async def upsert(
        self,
        tenant_id: int,
        kind: str,
        item_id: str,
        body: dict[str, Any],
        version: int,
        now: int,
    ) -> None:
        self.rows[(tenant_id, kind, item_id)] = ConfigItemRow(
            tenant_id=tenant_id, kind=kind, item_id=item_id, body=body, version=version, updated_at=now
        )

    async def remove(self, tenant_id: int, kind: str, item_id: str) -> bool:
        return self.rows.pop((tenant_id, kind, item_id), None) is not None


class FakeAudit:
    def __init__(self) -> None:
        self.rows: list[AuditRow] = []

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
        self.rows.append(
            AuditRow(
                id=len(self.rows) + 1,
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
        return [r for r in reversed(self.rows) if r["tenant_id"] == tenant_id][:limit]

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
        found = [
            r
            for r in reversed(self.rows)
            if r["tenant_id"] == tenant_id
            and (not actor or r["actor"] == actor)
            and r["action"].startswith(action)
            and r["target"].startswith(target)
            and (since is None or r["created_at"] >= since)
            and (until is None or r["created_at"] < until)
            and (before_id is None or r["id"] < before_id)
        ]
        return found[:limit]


class FakeStaff:
    def __init__(self) -> None:
        self.rows: dict[int, StaffRow] = {}
        self.locked_admins = 0
        """How many times the active admins were locked (each is a row lock in the database)."""

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
        if any((r["tenant_id"], r["email"]) == (tenant_id, email) for r in self.rows.values()):
            raise AssertionError("duplicate email in the tenant (a unique index in the database)")
        staff_id = len(self.rows) + 1
        self.rows[staff_id] = StaffRow(
            id=staff_id,
            tenant_id=tenant_id,
            email=email,
            role=role,
            password_hash=password_hash,
            must_change_password=must_change_password,
            oidc_subject=oidc_subject,
            session_version=1,
            created_at=now,
            last_sign_in_at=None,
            disabled_at=None,
        )
        return staff_id

    async def by_email(self, tenant_id: int, email: str) -> StaffRow | None:
        mine = (r for r in self.rows.values() if (r["tenant_id"], r["email"]) == (tenant_id, email))
        found = next(mine, None)
        return None if found is None else StaffRow(**found)

    async def by_id(self, tenant_id: int, staff_id: int) -> StaffRow | None:
        row = self.rows.get(staff_id)
        return None if row is None or row["tenant_id"] != tenant_id else StaffRow(**row)

    async def list_for_tenant(self, tenant_id: int) -> list[StaffRow]:
        mine = [StaffRow(**r) for r in self.rows.values() if r["tenant_id"] == tenant_id]
        return sorted(mine, key=lambda r: r["email"])

    async def count_active(self, tenant_id: int) -> int:
        return sum(1 for r in self.rows.values() if r["tenant_id"] == tenant_id and r["disabled_at"] is None)

    async def set_password(self, staff_id: int, password_hash: str) -> None:
        row = self.rows[staff_id]
        row["password_hash"] = password_hash
        row["must_change_password"] = False
        row["session_version"] += 1

    async def disable(self, staff_id: int, now: int) -> None:
        row = self.rows[staff_id]
        row["disabled_at"] = now
        row["session_version"] += 1

    async def signed_in(self, staff_id: int, now: int, *, oidc_subject: str | None = None) -> None:
        row = self.rows[staff_id]
        row["last_sign_in_at"] = now
        if oidc_subject is not None:
            row["oidc_subject"] = oidc_subject

    async def lock_active_admins(self, tenant_id: int) -> list[int]:
        self.locked_admins += 1
        return sorted(
            r["id"]
            for r in self.rows.values()
            if r["tenant_id"] == tenant_id and r["role"] == "admin" and r["disabled_at"] is None
        )

    async def set_role(self, staff_id: int, role: str) -> None:
        self.rows[staff_id]["role"] = role
