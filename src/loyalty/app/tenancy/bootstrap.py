"""Make the tenant named by ``LOYALTY_BOOTSTRAP_*`` exist, with that admin key and HS256 secret."""

from __future__ import annotations

from typing import TYPE_CHECKING

from loyalty.app.tenancy.credentials import create_api_key, hash_key
from loyalty.app.tenancy.tenants import create_tenant
from loyalty.settings import Settings

if TYPE_CHECKING:
    from loyalty.app.kernel.store import Stores


async def ensure_tenant(
    stores: Stores, *, name: str, admin_key: str | None, jwt_secret: str | None, now: int
) -> int:
    async with stores.read() as store:
        row = await store.tenants.get_by_name(name)
    if row is None:
        tenant_id = await create_tenant(stores, name, jwt_secret=jwt_secret, now=now)
    else:
        tenant_id = int(row["id"])
    async with stores.write() as store:
        if jwt_secret is not None and (row is None or row["jwt_secret"] != jwt_secret):
            current = await store.tenants.get_by_id(tenant_id)
            assert current is not None
            await store.tenants.update_settings(tenant_id, current["settings"], jwt_secret)
        if admin_key is not None and await store.api_keys.find_by_hash(hash_key(admin_key)) is None:
            existing = {k["key_id"] for k in await store.api_keys.list_for_tenant(tenant_id)}
            key_id, n = "bootstrap-admin", 1
            while key_id in existing:
                n += 1
                key_id = f"bootstrap-admin-{n}"
            await create_api_key(
                store,
                tenant_id=tenant_id,
                key_id=key_id,
                name="Bootstrap admin key",
                role="admin",
                now=now,
                key=admin_key,
            )
    return tenant_id


async def bootstrap_from_settings(stores: Stores, settings: Settings, now: int) -> int | None:
    if not settings.bootstrap_tenant:
        return None
    return await ensure_tenant(
        stores,
        name=settings.bootstrap_tenant,
        admin_key=settings.bootstrap_admin_key,
        jwt_secret=settings.bootstrap_jwt_secret,
        now=now,
    )
