"""What the tenancy feature reads and writes, as ``storage`` must provide it."""

from __future__ import annotations

from typing import Any, Protocol, TypedDict


class TenantRow(TypedDict):
    """A tenant."""

    id: int
    name: str
    jwt_secret: str | None
    settings: dict[str, Any]
    """The stored settings document (validated by app on read)."""
    config_version: int
    """Moves on with every change of the tenant's configuration, keys or settings."""
    created_at: int


class TenantIdName(TypedDict):
    id: int
    name: str


class TenantOverview(TypedDict):
    """A tenant for ``loyalty tenant list``."""

    name: str
    created_at: int
    users: int
    keys: int
    """API keys not revoked."""


class Tenants(Protocol):
    """The tenants and their configuration version."""

    async def insert(self, *, name: str, jwt_secret: str | None, settings: dict[str, Any], now: int) -> int:
        """The new tenant's id (its configuration version starts at 1)."""
        ...

    async def get_by_name(self, name: str) -> TenantRow | None: ...

    async def get_by_id(self, tenant_id: int) -> TenantRow | None: ...

    async def config_version(self, tenant_id: int) -> int | None:
        """The tenant's configuration version, None when there is no such tenant."""
        ...

    async def bump_version(self, tenant_id: int) -> None:
        """Move the configuration version on by one (every process reloads its copy)."""
        ...

    async def update_settings(self, tenant_id: int, settings: dict[str, Any], jwt_secret: str | None) -> None:
        """Replace the settings (and the HS256 secret unless None); the version moves on."""
        ...

    async def list_all(self) -> list[TenantIdName]:
        """Every tenant, by id."""
        ...

    async def overview(self) -> list[TenantOverview]:
        """Each tenant with its number of users and of API keys not revoked, by name."""
        ...


class ApiKeyRow(TypedDict):
    id: int
    tenant_id: int
    key_id: str
    name: str
    role: str
    key_hash: str
    prefix: str
    created_at: int
    revoked_at: int | None


class ApiKeys(Protocol):
    """A tenant's API keys, stored by hash."""

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
    ) -> None: ...

    async def find_by_hash(self, key_hash: str) -> ApiKeyRow | None:
        """The key of this hash, in any tenant, revoked or not."""
        ...

    async def get(self, tenant_id: int, key_id: str) -> ApiKeyRow | None: ...

    async def list_for_tenant(self, tenant_id: int) -> list[ApiKeyRow]:
        """Every key of the tenant (revoked ones too), oldest first."""
        ...

    async def revoke(self, tenant_id: int, key_id: str, now: int) -> bool:
        """Revoke the key unless it is already revoked; True when this call revoked it."""
        ...


class ConfigItemSummary(TypedDict):
    kind: str
    item_id: str
    body: dict[str, Any]
    version: int


class ConfigItemRow(TypedDict):
    tenant_id: int
    kind: str
    item_id: str
    body: dict[str, Any]
    version: int
    updated_at: int


class ConfigItems(Protocol):
    """Configuration items (events, challenges, offers, …) stored as validated JSON documents."""

    async def list_all(self, tenant_id: int) -> list[ConfigItemSummary]:
        """Every item of the tenant, by kind then id."""
        ...

    async def get(self, tenant_id: int, kind: str, item_id: str) -> ConfigItemRow | None: ...

    async def get_for_update(self, tenant_id: int, kind: str, item_id: str) -> ConfigItemRow | None:
        """The item, its row locked until the transaction ends (PostgreSQL; a SQLite write
        transaction holds the database already): two writers of one item queue here."""
        ...

    async def upsert(
        self,
        tenant_id: int,
        kind: str,
        item_id: str,
        body: dict[str, Any],
        version: int,
        now: int,
    ) -> None:
        """Store the item: a new one, or the new body and version of an existing one."""
        ...

    async def remove(self, tenant_id: int, kind: str, item_id: str) -> bool:
        """Delete the item; True when there was one."""
        ...


class AuditRow(TypedDict):
    id: int
    tenant_id: int
    actor: str
    action: str
    target: str
    before: Any
    after: Any
    created_at: int


class Audit(Protocol):
    """The tenant's audit trail: append-only."""

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
    ) -> None: ...

    async def list_recent(self, tenant_id: int, *, limit: int) -> list[AuditRow]:
        """The newest ``limit`` entries, newest first."""
        ...

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
        """Newest first, paged by id (``before_id`` is the last id of the previous page): entries
        of exactly this actor, whose action and target start with the ones given, created in
        [since, until)."""
        ...


class StaffRow(TypedDict):
    id: int
    tenant_id: int
    email: str
    role: str
    password_hash: str | None
    must_change_password: bool
    oidc_subject: str | None
    session_version: int
    created_at: int
    last_sign_in_at: int | None
    disabled_at: int | None


class Staff(Protocol):
    """Staff accounts of the dashboard."""

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
        """The new account's id (its session version starts at 1)."""
        ...

    async def by_email(self, tenant_id: int, email: str) -> StaffRow | None: ...

    async def by_id(self, tenant_id: int, staff_id: int) -> StaffRow | None: ...

    async def list_for_tenant(self, tenant_id: int) -> list[StaffRow]:
        """Every account of the tenant (disabled ones too), by email."""
        ...

    async def count_active(self, tenant_id: int) -> int:
        """The number of the tenant's accounts not disabled."""
        ...

    async def set_password(self, staff_id: int, password_hash: str) -> None:
        """A new password: it need not be changed any more, and every other session of the person
        ends (the session version moves on)."""
        ...

    async def disable(self, staff_id: int, now: int) -> None:
        """Disable the account; its sessions end (the session version moves on)."""
        ...

    async def signed_in(self, staff_id: int, now: int, *, oidc_subject: str | None = None) -> None:
        """Note the sign-in (and tie the account to the provider's subject, when given)."""
        ...

    async def lock_active_admins(self, tenant_id: int) -> list[int]:
        """The ids of the tenant's active admins, in order, locked until the transaction ends: two
        transactions that each demote or disable one of two admins queue here, and the second
        counts what the first left."""
        ...

    async def set_role(self, staff_id: int, role: str) -> None: ...
