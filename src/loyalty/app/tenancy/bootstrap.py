"""Make the tenant named by ``LOYALTY_BOOTSTRAP_*`` exist, with that admin key and HS256 secret."""

from __future__ import annotations

from loyalty.app.tenancy.credentials import create_api_key, hash_key
from loyalty.app.tenancy.tenants import create_tenant
from loyalty.settings import Settings
from loyalty.storage.database import Database
from loyalty.storage.tenancy import api_keys as api_key_repo
from loyalty.storage.tenancy import tenants as tenant_repo


async def ensure_tenant(
    db: Database, *, name: str, admin_key: str | None, jwt_secret: str | None, now: int
) -> int:
    async with db.read() as conn:
        row = await tenant_repo.get_by_name(conn, name)
    if row is None:
        tenant_id = await create_tenant(db, name, jwt_secret=jwt_secret, now=now)
    else:
        tenant_id = int(row["id"])
    async with db.write() as conn:
        if jwt_secret is not None and (row is None or row["jwt_secret"] != jwt_secret):
            current = await tenant_repo.get_by_id(conn, tenant_id)
            assert current is not None
            await tenant_repo.update_settings(conn, tenant_id, current["settings"], jwt_secret)
        if admin_key is not None and await api_key_repo.find_by_hash(conn, hash_key(admin_key)) is None:
            existing = {k["key_id"] for k in await api_key_repo.list_for_tenant(conn, tenant_id)}
            key_id, n = "bootstrap-admin", 1
            while key_id in existing:
                n += 1
                key_id = f"bootstrap-admin-{n}"
            await create_api_key(
                conn,
                tenant_id=tenant_id,
                key_id=key_id,
                name="Bootstrap admin key",
                role="admin",
                now=now,
                key=admin_key,
            )
    return tenant_id


async def bootstrap_from_settings(db: Database, settings: Settings, now: int) -> int | None:
    if not settings.bootstrap_tenant:
        return None
    return await ensure_tenant(
        db,
        name=settings.bootstrap_tenant,
        admin_key=settings.bootstrap_admin_key,
        jwt_secret=settings.bootstrap_jwt_secret,
        now=now,
    )
