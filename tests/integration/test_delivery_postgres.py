"""Several workers on PostgreSQL deliver every message exactly once (row locks + leases)."""

from __future__ import annotations

import asyncio
from collections import Counter
from typing import Any

import pytest

from loyalty.app.kernel.uow import Encoded, run_write
from loyalty.app.messaging import outbox
from loyalty.app.messaging.delivery import Deliverer
from loyalty.app.tenancy.credentials import principal_from_api_key
from loyalty.settings import Settings
from loyalty.wiring import Runtime, start
from tests.support import TEST_RECEIVERS, TenantHandle
from tests.webhook_receiver import STANDARD_SECRET, webhook_receiver

MESSAGES = 60


def _worker_services(database_url: str) -> Runtime:
    settings = Settings(
        database_url=database_url,
        delivery_batch_size=4,
        config_cache_seconds=0.0,
        webhook_allowed_destinations=TEST_RECEIVERS,
    )
    return start(settings, config_cache_seconds=0.0)


@pytest.mark.postgres_only
async def test_two_workers_deliver_each_message_exactly_once(
    app: Any, database_url: str, tenant: TenantHandle
) -> None:
    with webhook_receiver() as receiver:
        await tenant.put(
            "webhooks",
            "crm",
            {"url": receiver.url, "secret": STANDARD_SECRET, "eventTypes": ["points.awarded"]},
        )
        services = app.state.services
        principal = await principal_from_api_key(services.tenants, tenant.admin_key)

        async def publish_all(tx: Any) -> None:
            for n in range(MESSAGES):
                await outbox.publish(tx, "points.awarded", {"points": n}, user_id=f"user_{n}")

        await run_write(services, principal, publish_all, lambda _: Encoded(200, b"", "application/json"))

        workers = [_worker_services(database_url), _worker_services(database_url)]
        try:
            async with Deliverer(workers[0].services) as first, Deliverer(workers[1].services) as second:
                attempted = await asyncio.gather(first.drain(), second.drain())
        finally:
            for w in workers:
                await w.close()
        received = receiver.for_tenant(tenant.name)
    per_message = Counter(r.json["id"] for r in received)
    assert len(per_message) == MESSAGES
    assert set(per_message.values()) == {1}
    assert sorted(r.json["data"]["points"] for r in received) == list(range(MESSAGES))
    assert sum(attempted) >= MESSAGES
