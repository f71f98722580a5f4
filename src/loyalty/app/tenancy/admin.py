"""The generic admin use cases behind ``/v1/admin/{kind}[/{id}]`` (and config-as-code).

Stored kinds come from the registry in ``config_kinds``; ``settings``, ``api-keys`` and ``audit``
are served here too but kept in their own tables. Every change bumps the tenant's config version
(so every process reloads it) and writes an audit record with the before and after.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.uow import Tx, run_read
from loyalty.app.kernel.validation import convert
from loyalty.app.tenancy.config_kinds import ALL_KIND_NAMES, KINDS, ConfigKind
from loyalty.app.tenancy.credentials import create_api_key
from loyalty.app.tenancy.tenant_settings import TenantSettings, check_settings, read_shape
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.core.errors import ErrorCode, LoyaltyError, invalid, not_found

if TYPE_CHECKING:
    from loyalty.app.kernel.store import Store
    from loyalty.app.tenancy.ports import ApiKeyRow, AuditRow, ConfigItemRow, ConfigItemSummary

SETTINGS_ID = "tenant"


def kind_of(name: str) -> ConfigKind:
    kind = KINDS.get(name)
    if kind is None:
        if name in ALL_KIND_NAMES:
            raise not_found("admin kind", name)
        raise not_found("admin kind", name)
    return kind


def _require_read(principal: Principal, kind: str) -> None:
    """Settings and keys are the admin's; the programme and the audit trail any staff member reads."""
    if kind in ("settings", "api-keys"):
        principal.require_admin()
    else:
        principal.require_read_programme()


def _check_kind(name: str) -> None:
    if name not in KINDS and name not in ("settings", "api-keys", "audit"):
        raise not_found("admin kind", name)


def api_key_view(row: ApiKeyRow) -> dict[str, Any]:
    return {
        "id": row["key_id"],
        "name": row["name"],
        "role": row["role"],
        "prefix": row["prefix"],
        "createdAt": row["created_at"],
        "revoked": row["revoked_at"] is not None,
        "revokedAt": row["revoked_at"],
    }


def settings_view(tenant: TenantConfig) -> dict[str, Any]:
    return {"id": SETTINGS_ID, **read_shape(tenant.settings, jwt_secret_set=bool(tenant.jwt_secret))}


async def list_items(services: Services, principal: Principal, kind: str) -> list[dict[str, Any]]:
    _require_read(principal, kind)
    _check_kind(kind)

    async def work(store: Store, tenant: TenantConfig) -> list[dict[str, Any]]:
        if kind == "settings":
            return [settings_view(tenant)]
        if kind == "api-keys":
            return [api_key_view(r) for r in await store.api_keys.list_for_tenant(tenant.id)]
        if kind == "audit":
            return [_audit_view(r) for r in await store.audit.list_recent(tenant.id, limit=500)]
        return [_item_view(kind, r) for r in await store.config.list_all(tenant.id) if r["kind"] == kind]

    return await run_read(services, principal, work)


async def get_item(services: Services, principal: Principal, kind: str, item_id: str) -> dict[str, Any]:
    _require_read(principal, kind)
    _check_kind(kind)

    async def work(store: Store, tenant: TenantConfig) -> dict[str, Any]:
        if kind == "settings":
            if item_id != SETTINGS_ID:
                raise not_found("settings", item_id)
            return settings_view(tenant)
        if kind == "api-keys":
            key = await store.api_keys.get(tenant.id, item_id)
            if key is None:
                raise not_found("API key", item_id)
            return api_key_view(key)
        if kind == "audit":
            raise not_found("audit record", item_id)
        row = await store.config.get(tenant.id, kind, item_id)
        if row is None:
            raise not_found(kind_of(kind).name.rstrip("s"), item_id)
        return _item_view(kind, row)

    return await run_read(services, principal, work)


async def put_item(tx: Tx, kind: str, item_id: str, body: Any) -> dict[str, Any]:
    """Create or replace. Returns the stored read shape (for api-keys: once, with the key)."""
    tx.principal.require_admin()
    _check_kind(kind)
    _check_item_id(item_id)
    tenant = tx.tenant
    if kind == "settings":
        return await _put_settings(tx, item_id, body)
    if kind == "api-keys":
        if not isinstance(body, dict):
            raise invalid("body", "a JSON object is required")
        role = body.get("role")
        name = body.get("name") or item_id
        if not isinstance(name, str):
            raise invalid("name", "'name' must be a string")
        created = await create_api_key(
            tx.store, tenant_id=tenant.id, key_id=item_id, name=name, role=str(role), now=tx.now
        )
        await tx.store.audit.record(
            tenant_id=tenant.id,
            actor=tx.principal.actor,
            action="api-key.create",
            target=f"api-keys/{item_id}",
            before=None,
            after={"role": created.role, "name": name},
            now=tx.now,
        )
        _invalidate_after_commit(tx)
        return {
            "id": created.key_id,
            "name": created.name,
            "role": created.role,
            "key": created.key,
            "prefix": created.prefix,
            "createdAt": created.created_at,
            "revoked": False,
            "revokedAt": None,
        }
    if kind == "audit":
        raise LoyaltyError(ErrorCode.INVALID_INPUT, "the audit trail is read-only", field="kind")
    return await save_item(tx, kind, item_id, body)


async def save_item(tx: Tx, kind: str, item_id: str, body: Any) -> dict[str, Any]:
    """Store a config item (create or replace) with its version check, audit and cache
    invalidation; the caller has checked the permission (admin here, manage for the catalog)."""
    _check_item_id(item_id)
    tenant = tx.tenant
    config_kind = kind_of(kind)
    value = config_kind.parse(item_id, body)
    stored = config_kind.dump(value)
    existing = await tx.store.config.get_for_update(tenant.id, kind, item_id)
    stored = config_kind.keep_write_only(stored, existing["body"] if existing else None)
    config_kind.check_for_operator(stored, tx.services.settings)
    version = 1 if existing is None else int(existing["version"]) + 1
    expected = body.get("version") if isinstance(body, dict) else None
    if isinstance(expected, int) and existing is not None and expected != existing["version"]:
        raise LoyaltyError(
            ErrorCode.CONFLICT,
            f"{kind}/{item_id} has changed (version {existing['version']})",
            field="version",
        )
    await tx.store.config.upsert(tenant.id, kind, item_id, stored, version, tx.now)
    await tx.store.tenants.bump_version(tenant.id)
    await tx.store.audit.record(
        tenant_id=tenant.id,
        actor=tx.principal.actor,
        action=f"{kind}.{'create' if existing is None else 'update'}",
        target=f"{kind}/{item_id}",
        before=config_kind.read_view(existing["body"]) if existing else None,
        after=config_kind.read_view(stored),
        now=tx.now,
    )
    _invalidate_after_commit(tx)
    return {**config_kind.read_view(stored), "version": version}


async def delete_item(tx: Tx, kind: str, item_id: str) -> dict[str, Any]:
    tx.principal.require_admin()
    _check_kind(kind)
    tenant = tx.tenant
    if kind == "settings":
        raise LoyaltyError(ErrorCode.INVALID_INPUT, "settings cannot be deleted; PUT new ones", field="kind")
    if kind == "audit":
        raise LoyaltyError(ErrorCode.INVALID_INPUT, "the audit trail is read-only", field="kind")
    if kind == "api-keys":
        row = await tx.store.api_keys.get(tenant.id, item_id)
        if row is None:
            raise not_found("API key", item_id)
        await tx.store.api_keys.revoke(tenant.id, item_id, tx.now)
        await tx.store.tenants.bump_version(tenant.id)
        await tx.store.audit.record(
            tenant_id=tenant.id,
            actor=tx.principal.actor,
            action="api-key.revoke",
            target=f"api-keys/{item_id}",
            before=api_key_view(row),
            after=None,
            now=tx.now,
        )
        _invalidate_after_commit(tx)
        return {"id": item_id, "revoked": True}
    return await remove_item(tx, kind, item_id)


async def remove_item(tx: Tx, kind: str, item_id: str) -> dict[str, Any]:
    """Delete a config item with audit and cache invalidation; the caller checked the permission."""
    tenant = tx.tenant
    config_kind = kind_of(kind)
    existing = await tx.store.config.get(tenant.id, kind, item_id)
    if existing is None:
        raise not_found(kind.rstrip("s"), item_id)
    await tx.store.config.remove(tenant.id, kind, item_id)
    await tx.store.tenants.bump_version(tenant.id)
    await tx.store.audit.record(
        tenant_id=tenant.id,
        actor=tx.principal.actor,
        action=f"{kind}.delete",
        target=f"{kind}/{item_id}",
        before=config_kind.read_view(existing["body"]),
        after=None,
        now=tx.now,
    )
    _invalidate_after_commit(tx)
    return {"id": item_id, "deleted": True}


async def _put_settings(tx: Tx, item_id: str, body: Any) -> dict[str, Any]:
    if item_id != SETTINGS_ID:
        raise not_found("settings", item_id)
    if isinstance(body, dict):
        body = {k: v for k, v in body.items() if k not in ("id", "jwtSecretSet")}
    if isinstance(body, dict) and isinstance(body.get("sso"), dict):
        body = {**body, "sso": {k: v for k, v in body["sso"].items() if k != "clientSecretSet"}}
    value = convert(body, TenantSettings)
    check_settings(value)
    _keep_sso_secret(value, tx.tenant.settings)
    stored = ConfigKind.dump(value)
    secret = stored.pop("jwtSecret", None)
    before = read_shape(tx.tenant.settings, jwt_secret_set=bool(tx.tenant.jwt_secret))
    await tx.store.tenants.update_settings(tx.tenant.id, stored, secret)
    after = read_shape(value, jwt_secret_set=bool(secret or tx.tenant.jwt_secret))
    await tx.store.audit.record(
        tenant_id=tx.tenant.id,
        actor=tx.principal.actor,
        action="settings.update",
        target="settings/tenant",
        before=before,
        after=after,
        now=tx.now,
    )
    _invalidate_after_commit(tx)
    return {"id": SETTINGS_ID, **after}


def _keep_sso_secret(value: TenantSettings, current: TenantSettings) -> None:
    """The client secret is write-only: an update without one keeps the stored one."""
    if value.sso is not None and not value.sso.clientSecret and current.sso is not None:
        value.sso.clientSecret = current.sso.clientSecret


def _check_item_id(item_id: str) -> None:
    if not item_id or len(item_id) > 200:
        raise invalid("id", "ids are 1-200 characters")


def _item_view(kind: str, row: ConfigItemRow | ConfigItemSummary) -> dict[str, Any]:
    return {**kind_of(kind).read_view(row["body"]), "version": row["version"]}


def _audit_view(row: AuditRow) -> dict[str, Any]:
    return {
        "id": row["id"],
        "actor": row["actor"],
        "action": row["action"],
        "target": row["target"],
        "before": row["before"],
        "after": row["after"],
        "createdAt": row["created_at"],
    }


AUDIT_PAGE = 50


async def audit_records(
    services: Services,
    principal: Principal,
    *,
    actor: str = "",
    action: str = "",
    target: str = "",
    since: int | None = None,
    until: int | None = None,
    before_id: int | None = None,
    limit: int = AUDIT_PAGE,
) -> tuple[list[dict[str, Any]], int | None]:
    """A page of the audit trail, newest first, and the id to pass as ``before_id`` for the next
    page (None on the last one): keyset paging reaches every record, not only the latest 500."""
    principal.require_read_programme()

    async def work(store: Store, tenant: TenantConfig) -> list[AuditRow]:
        return await store.audit.search(
            tenant.id,
            actor=actor,
            action=action,
            target=target,
            since=since,
            until=until,
            before_id=before_id,
            limit=limit + 1,
        )

    rows = await run_read(services, principal, work)
    records = [_audit_view(r) for r in rows[:limit]]
    return records, (records[-1]["id"] if len(rows) > limit else None)


def _invalidate_after_commit(tx: Tx) -> None:
    tenant_id = tx.tenant.id
    cache = tx.services.tenants

    async def invalidate() -> None:
        cache.invalidate(tenant_id)

    tx.after_commit.append(invalidate)
