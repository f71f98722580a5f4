"""Webhook messages hold personal data: finished ones are removed after the retention period
(``LOYALTY_DELIVERY_RETENTION_DAYS``, 30 by default), and a user's deletion redacts the user's
messages, all but the ``user.deleted`` notice."""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import func, select

from loyalty.app.kernel.uow import Encoded, run_write
from loyalty.app.ledger import ledger
from loyalty.app.messaging.delivery import Deliverer
from loyalty.app.users.users import resolve_user
from loyalty.storage.messaging.ops_tables import webhook_attempts, webhook_outbox
from tests.integration.test_webhooks import T0, _admin_principal, delete_user, deliver_due, deliveries, hook
from tests.support import TenantHandle
from tests.webhook_receiver import webhook_receiver

DAY = 86_400_000
UNREACHABLE = "http://127.0.0.1:9/unreachable"  # allowed, nothing listens: every attempt fails


async def attempts_recorded(app: Any, delivery_id: str) -> int:
    async with app.state.runtime.database.read() as conn:
        outbox_id = select(webhook_outbox.c.id).where(webhook_outbox.c.delivery_id == delivery_id)
        found = await conn.execute(
            select(func.count())
            .select_from(webhook_attempts)
            .where(webhook_attempts.c.outbox_id.in_(outbox_id.scalar_subquery()))
        )
        return int(found.scalar_one())


async def credit(app: Any, tenant: TenantHandle, user_id: str, points: int) -> None:
    services = app.state.services
    principal = await _admin_principal(services, tenant)

    async def work(tx: Any) -> None:
        pk = await resolve_user(tx, user_id, create=True)
        await ledger.credit(tx, pk, points, source="event", reference="purchase")

    await run_write(services, principal, work, lambda _: Encoded(200, b"", "application/json"))


async def test_finished_messages_are_removed_after_the_retention_period_on_the_test_clock(
    app: Any, tenant: TenantHandle, clock: Any
) -> None:
    assert app.state.services.settings.delivery_retention_days == 30
    clock.set(T0)
    with webhook_receiver() as receiver:
        await tenant.put("webhooks", "crm", hook(receiver.url))
        await tenant.put("webhooks", "erp", hook(UNREACHABLE))
        await delete_user(tenant, "user_123")
        await deliver_due(app)  # crm: delivered at T0; erp: failed attempt, retried later
        [delivered] = await deliveries(tenant, "crm")
        assert (delivered["status"], delivered["deliveredAt"]) == ("delivered", T0)
        assert await attempts_recorded(app, delivered["id"]) == 1

        clock.set(T0 + 30 * DAY)
        await deliver_due(app)  # exactly 30 days: kept; erp's last attempt fails it (retry period over)
        assert [d["id"] for d in await deliveries(tenant, "crm")] == [delivered["id"]]
        [failed] = await deliveries(tenant, "erp")
        assert failed["status"] == "failed"

        clock.set(T0 + 30 * DAY + 1)
        await deliver_due(app)  # the delivered message is past the retention period
        assert await deliveries(tenant, "crm") == []
        gone = await tenant.client.get(
            f"/v1/admin/webhooks/crm/deliveries/{delivered['id']}", headers=tenant.admin
        )
        assert gone.status_code == 404
        assert await attempts_recorded(app, delivered["id"]) == 0
        assert [d["id"] for d in await deliveries(tenant, "erp")] == [failed["id"]]  # failed at T0 + 30 d

        clock.set(T0 + 60 * DAY + 1)
        await deliver_due(app)
        assert await deliveries(tenant, "erp") == []
    assert len(receiver.accepted(tenant.name)) == 1


async def test_pending_messages_are_never_removed_by_the_retention(
    app: Any, tenant: TenantHandle, clock: Any
) -> None:
    clock.set(T0)
    await tenant.put("webhooks", "crm", hook(UNREACHABLE))
    await delete_user(tenant, "user_123")
    clock.set(T0 + 400 * DAY)  # never attempted since: still pending, due long ago
    async with Deliverer(app.state.services) as deliverer:
        await deliverer.remove_expired()
    [pending] = await deliveries(tenant)
    assert (pending["status"], pending["attempts"]) == ("pending", 0)


async def test_a_retention_of_zero_days_keeps_every_message(
    app: Any, tenant: TenantHandle, clock: Any
) -> None:
    clock.set(T0)
    with webhook_receiver() as receiver:
        await tenant.put("webhooks", "crm", hook(receiver.url))
        await delete_user(tenant, "user_123")
        await deliver_due(app)
    services = app.state.services
    keep_all = dataclasses.replace(
        services, settings=services.settings.model_copy(update={"delivery_retention_days": 0})
    )
    clock.set(T0 + 3_650 * DAY)
    async with Deliverer(keep_all) as deliverer:
        assert await deliverer.remove_expired() == 0
    assert [d["status"] for d in await deliveries(tenant)] == ["delivered"]


async def test_deleting_a_user_redacts_their_messages_but_not_the_user_deleted_notice(
    app: Any, tenant: TenantHandle, clock: Any
) -> None:
    clock.set(T0)
    with webhook_receiver() as receiver:
        await tenant.put("webhooks", "crm", hook(receiver.url, "points.awarded", "user.deleted"))
        await credit(app, tenant, "user_123", 50)
        await deliver_due(app)  # the first message is delivered and stays in the log
        clock.advance(1_000)
        await credit(app, tenant, "user_123", 20)  # still queued when the user is deleted
        await credit(app, tenant, "user_456", 7)  # another user's message
        r = await tenant.client.delete("/v1/user/user_123", headers=tenant.admin)
        assert r.status_code == 200, r.text

        listed = {d["id"]: d for d in await deliveries(tenant)}
        bodies = [d["body"] for d in listed.values()]
        redacted_first, redacted_queued = sorted(
            (b for b in bodies if b.get("redacted")), key=lambda b: b["createdAt"]
        )
        [other_user] = [b for b in bodies if b["data"].get("userId") == "user_456"]
        [notice] = [b for b in bodies if b["type"] == "user.deleted"]
        assert len(bodies) == 4
        deleted_at = T0 + 1_000
        assert redacted_first == {
            "id": redacted_first["id"],
            "type": "points.awarded",
            "tenant": tenant.name,
            "createdAt": T0,
            "data": {},
            "redacted": True,
        }
        assert listed[redacted_first["id"]]["status"] == "delivered"
        assert redacted_queued == {
            "id": redacted_queued["id"],
            "type": "points.awarded",
            "tenant": tenant.name,
            "createdAt": deleted_at,
            "data": {},
            "redacted": True,
        }
        assert other_user["data"]["points"] == 7
        assert notice == {
            "id": notice["id"],
            "type": "user.deleted",
            "tenant": tenant.name,
            "createdAt": deleted_at,
            "data": {"userId": "user_123"},
        }

        await deliver_due(app)  # the queued message goes out redacted, with the notice
        received = {r.json["id"]: r for r in receiver.accepted(tenant.name)}
    assert received[redacted_queued["id"]].json == redacted_queued
    assert b"user_123" not in received[redacted_queued["id"]].body
    assert received[notice["id"]].json["data"] == {"userId": "user_123"}
    async with app.state.runtime.database.read() as conn:
        named = await conn.execute(
            select(webhook_outbox.c.event_type).where(
                webhook_outbox.c.tenant_id == tenant.tenant_id, webhook_outbox.c.user_id == "user_123"
            )
        )
        assert [row[0] for row in named] == ["user.deleted"]
