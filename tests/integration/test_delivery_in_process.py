"""By default a server process delivers its own webhook messages right after the commit."""

from __future__ import annotations

import asyncio

import httpx

from loyalty.api.app import create_app
from loyalty.settings import Settings
from tests.support import TEST_RECEIVERS, TenantHandle
from tests.webhook_receiver import STANDARD_SECRET, verified_by_the_standard_library, webhook_receiver


async def test_a_server_with_default_settings_delivers_after_the_commit_without_a_worker(
    database_url: str, tenant: TenantHandle
) -> None:
    settings = Settings(
        database_url=database_url,
        migrate_on_start=False,
        config_cache_seconds=0.0,
        webhook_allowed_destinations=TEST_RECEIVERS,
    )
    assert settings.delivery_in_process is True
    server = create_app(settings)
    with webhook_receiver() as receiver:
        async with server.router.lifespan_context(server):
            transport = httpx.ASGITransport(app=server)
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
                hook = {"url": receiver.url, "secret": STANDARD_SECRET, "eventTypes": ["user.deleted"]}
                assert (
                    await client.put("/v1/admin/webhooks/crm", json=hook, headers=tenant.admin)
                ).status_code == 200
                assert (
                    await client.post("/v1/user", json={"userId": "u1"}, headers=tenant.admin)
                ).status_code == 201
                assert (await client.delete("/v1/user/u1", headers=tenant.admin)).status_code == 200
                delivered_in_time = await asyncio.to_thread(receiver.answered_ok.wait, 20)
        accepted = receiver.accepted(tenant.name)
    assert delivered_in_time
    assert [r.json["data"] for r in accepted] == [{"userId": "u1"}]
    assert verified_by_the_standard_library(STANDARD_SECRET, accepted[0])
