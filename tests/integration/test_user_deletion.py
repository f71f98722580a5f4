"""GDPR deletion: the user disappears at once; their rows are swept in batches in the background."""

from __future__ import annotations

from sqlalchemy import func, select

from loyalty.app.users import users
from loyalty.storage.tables import history_entries, user_deletion_jobs
from tests.support import TenantHandle


async def test_deleted_users_rows_are_swept_and_a_recreated_user_starts_clean(
    app, tenant: TenantHandle
) -> None:
    services = app.state.services
    await tenant.create_user("gone")
    async with services.stores.write() as store:
        conn = store.conn
        pk = await store.users.find_pk(tenant.tenant_id, "gone")
        for i in range(7):
            await conn.execute(
                history_entries.insert().values(
                    tenant_id=tenant.tenant_id,
                    user_pk=pk,
                    entry_id=f"EVENT#e#{i}",
                    type="EVENT",
                    ref_id="e",
                    points=1,
                    ts=i,
                    date_key="2025-01-01",
                )
            )
    r = await tenant.client.delete("/v1/user/gone", headers=tenant.admin)
    assert r.status_code == 200
    await users.process_deletions(services, batch=3)
    async with app.state.runtime.database.read() as conn:
        left = (await conn.execute(select(func.count()).where(history_entries.c.user_pk == pk))).scalar_one()
        job = (
            (await conn.execute(select(user_deletion_jobs).where(user_deletion_jobs.c.user_pk == pk)))
            .mappings()
            .one()
        )
    assert left == 0
    assert job["finished_at"] is not None
    assert job["deleted_rows"] == 7
    await tenant.create_user("gone")
    history = await tenant.client.get("/v1/user/gone/history?showAll=true", headers=tenant.admin)
    assert history.status_code == 204
