"""Tenants and the per-process cache of each tenant's configuration.

The hot path reads configuration from memory. A process trusts its copy for
``config_cache_seconds`` and then compares the tenant's ``config_version`` (one primary-key read);
a change made in this process invalidates its copy at once.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import jwt
import msgspec

from loyalty.app.kernel.token_cache import VerifiedTokens
from loyalty.app.kernel.validation import convert
from loyalty.app.tenancy.config_kinds import KINDS
from loyalty.app.tenancy.tenant_settings import TenantSettings, check_settings
from loyalty.core.errors import ErrorCode, LoyaltyError, invalid

if TYPE_CHECKING:
    from loyalty.app.kernel.store import Store, Stores

TENANT_NAME_CHARS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")


@dataclass
class ApiKeyView:
    key_id: str
    role: str
    revoked: bool


@dataclass
class TenantConfig:
    id: int
    name: str
    version: int
    settings: TenantSettings
    jwt_secret: str | None
    items: dict[str, dict[str, Any]]
    """kind -> id -> validated struct (as registered)."""
    prepared: dict[str, dict[str, Any]]
    """kind -> id -> compiled form for the hot path."""
    api_keys: dict[str, ApiKeyView]
    """key hash -> key."""
    jwks: dict[str, jwt.PyJWK] = field(default_factory=dict)
    checked_at: float = 0.0

    def all(self, kind: str) -> dict[str, Any]:
        return self.items.get(kind, {})

    def get(self, kind: str, item_id: str) -> Any | None:
        return self.items.get(kind, {}).get(item_id)

    def compiled(self, kind: str, item_id: str) -> Any | None:
        return self.prepared.get(kind, {}).get(item_id)

    def all_compiled(self, kind: str) -> dict[str, Any]:
        return self.prepared.get(kind, {})


class TenantCache:
    def __init__(self, stores: Stores, ttl_seconds: float) -> None:
        self.stores = stores
        self.ttl = ttl_seconds
        self._by_id: dict[int, TenantConfig] = {}
        self._ids_by_name: dict[str, int] = {}
        self._tenant_by_key_hash: dict[str, int] = {}
        self.verified_tokens = VerifiedTokens()

    def invalidate(self, tenant_id: int) -> None:
        self._by_id.pop(tenant_id, None)

    async def by_name(self, name: str) -> TenantConfig | None:
        tenant_id = self._ids_by_name.get(name)
        if tenant_id is None:
            async with self.stores.read() as store:
                row = await store.tenants.get_by_name(name)
            if row is None:
                return None
            tenant_id = int(row["id"])
            self._ids_by_name[name] = tenant_id
        return await self.by_id(tenant_id)

    async def by_id(self, tenant_id: int) -> TenantConfig | None:
        cached = self._by_id.get(tenant_id)
        now = time.monotonic()
        if cached is not None and now - cached.checked_at < self.ttl:
            return cached
        if cached is not None:
            # One check at a time: requests that arrive while it waits for a connection use the
            # copy they have (a copy is trusted for ``ttl`` anyway), instead of each sending the
            # same check (under load, every request of those milliseconds did).
            cached.checked_at = now
        async with self.stores.read() as store:
            if cached is not None:
                version = await store.tenants.config_version(tenant_id)
                if version == cached.version:
                    return cached
            config = await load_tenant_config(store, tenant_id)
        if config is None:
            self._by_id.pop(tenant_id, None)
            return None
        config.checked_at = now
        self._by_id[tenant_id] = config
        self._ids_by_name[config.name] = tenant_id
        return config

    async def tenant_for_key_hash(self, key_hash: str) -> int | None:
        tenant_id = self._tenant_by_key_hash.get(key_hash)
        if tenant_id is not None:
            return tenant_id
        async with self.stores.read() as store:
            row = await store.api_keys.find_by_hash(key_hash)
        if row is None:
            return None
        tenant_id = int(row["tenant_id"])
        self._tenant_by_key_hash[key_hash] = tenant_id
        return tenant_id


async def load_tenant_config(store: Store, tenant_id: int) -> TenantConfig | None:
    row = await store.tenants.get_by_id(tenant_id)
    if row is None:
        return None
    settings = convert(row["settings"] or {}, TenantSettings)
    items: dict[str, dict[str, Any]] = {}
    prepared: dict[str, dict[str, Any]] = {}
    for item in await store.config.list_all(tenant_id):
        kind = KINDS.get(item["kind"])
        if kind is None:
            continue
        value = msgspec.convert(item["body"], kind.schema, strict=False)
        items.setdefault(kind.name, {})[item["item_id"]] = value
        prepared.setdefault(kind.name, {})[item["item_id"]] = kind.prepared(value)
    keys = {
        k["key_hash"]: ApiKeyView(key_id=k["key_id"], role=k["role"], revoked=k["revoked_at"] is not None)
        for k in await store.api_keys.list_for_tenant(tenant_id)
    }
    jwks: dict[str, jwt.PyJWK] = {}
    if settings.jwks:
        for index, jwk in enumerate(settings.jwks.get("keys", [])):
            try:
                key = jwt.PyJWK(jwk)
            except (jwt.PyJWTError, ValueError, TypeError, KeyError):
                continue
            jwks[str(jwk.get("kid") or index)] = key
    return TenantConfig(
        id=tenant_id,
        name=row["name"],
        version=int(row["config_version"]),
        settings=settings,
        jwt_secret=row["jwt_secret"],
        items=items,
        prepared=prepared,
        api_keys=keys,
        jwks=jwks,
    )


def check_tenant_name(name: str) -> None:
    if not name or len(name) > 100 or not set(name) <= TENANT_NAME_CHARS:
        raise invalid("tenant", "tenant names are 1-100 letters, digits, '-' or '_'")


async def create_tenant(
    stores: Stores, name: str, *, jwt_secret: str | None, now: int, settings: TenantSettings | None = None
) -> int:
    check_tenant_name(name)
    settings = settings or TenantSettings()
    check_settings(settings)
    async with stores.write() as store:
        if await store.tenants.get_by_name(name) is not None:
            raise LoyaltyError(ErrorCode.ALREADY_EXISTS, f"tenant '{name}' already exists", field="tenant")
        body = msgspec.to_builtins(settings)
        body.pop("jwtSecret", None)
        return await store.tenants.insert(
            name=name, jwt_secret=jwt_secret or secrets.token_urlsafe(32), settings=body, now=now
        )
