"""Challenge completions, streak milestones and tier changes are queued as webhooks in the same
transaction as the change (the outbox), for the webhooks subscribed to them."""

from __future__ import annotations

import json

from sqlalchemy import select

from loyalty.storage.messaging.ops_tables import webhook_outbox
from tests.support import TenantHandle
from tests.webhook_receiver import STANDARD_SECRET


async def queued(app, tenant: TenantHandle) -> list[tuple[str, str | None]]:
    async with app.state.runtime.database.read() as conn:
        rows = await conn.execute(
            select(webhook_outbox)
            .where(webhook_outbox.c.tenant_id == tenant.tenant_id)
            .order_by(webhook_outbox.c.id)
        )
        return [(r["event_type"], json.loads(r["body"])["data"]["userId"]) for r in rows.mappings()]


async def test_a_completed_challenge_and_a_crossed_tier_are_queued_for_subscribers(
    app, tenant: TenantHandle
) -> None:
    hook = {
        "url": "http://127.0.0.1:9/hook",
        "secret": STANDARD_SECRET,
        "eventTypes": ["challenge.completed", "milestone.changed"],
    }
    assert (await tenant.put("webhooks", "crm", hook)).status_code == 200, (
        await tenant.put("webhooks", "crm", hook)
    ).text
    event = {
        "eventId": "ride",
        "title": "Ride",
        "status": "ACTIVE",
        "type": "FIXED",
        "reward": {"default": 10},
    }
    assert (await tenant.put("events", "ride", event)).status_code == 200
    challenge = {"challengeId": "one-ride", "title": "One ride", "eventId": "ride", "goal": 1, "points": 5}
    assert (await tenant.put("challenges", "one-ride", challenge)).status_code == 200
    tiers = {
        "id": "tier",
        "metric": "points",
        "basis": "lifetime",
        "milestones": [{"id": "bronze", "threshold": 0}, {"id": "silver", "threshold": 10}],
    }
    r = await tenant.put("milestones", "tier", tiers)
    assert r.status_code == 200, r.text
    await tenant.create_user("rider")
    r = await tenant.client.post(
        "/v1/event", json={"eventId": "ride", "userId": "rider"}, headers=tenant.admin
    )
    assert r.status_code == 200
    assert sorted(await queued(app, tenant)) == [
        ("challenge.completed", "rider"),
        ("milestone.changed", "rider"),
    ]
