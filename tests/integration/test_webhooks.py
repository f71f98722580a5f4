"""Webhooks: configuration, the transactional outbox, signed delivery with retries, re-send."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import standardwebhooks

from loyalty.app.kernel.uow import Encoded, run_write
from loyalty.app.ledger import ledger
from loyalty.app.messaging import outbox
from loyalty.app.messaging.delivery import Deliverer
from loyalty.app.users.users import resolve_user
from tests.support import TenantHandle
from tests.webhook_receiver import (
    LEGACY_SECRET,
    STANDARD_SECRET,
    signature_is_valid,
    verified_by_the_standard_library,
    webhook_receiver,
)

SECRET = STANDARD_SECRET
T0 = 1_800_000_000_000


def hook(url: str, *event_types: str, **extra: Any) -> dict[str, Any]:
    return {"url": url, "secret": SECRET, "eventTypes": list(event_types or ["user.deleted"]), **extra}


async def deliver_due(app: Any) -> int:
    async with Deliverer(app.state.services) as deliverer:
        return await deliverer.drain()


async def delete_user(tenant: TenantHandle, user_id: str) -> None:
    await tenant.create_user(user_id)
    r = await tenant.client.delete(f"/v1/user/{user_id}", headers=tenant.admin)
    assert r.status_code == 200, r.text


async def deliveries(tenant: TenantHandle, webhook_id: str = "crm") -> list[dict[str, Any]]:
    r = await tenant.client.get(f"/v1/admin/webhooks/{webhook_id}/deliveries", headers=tenant.admin)
    assert r.status_code == 200, r.text
    return list(r.json())


# --- configuration ---


async def test_webhook_secret_is_never_returned_only_secret_set(tenant: TenantHandle) -> None:
    put = await tenant.put("webhooks", "crm", hook("https://crm.example.com/hook"))
    got = await tenant.client.get("/v1/admin/webhooks/crm", headers=tenant.admin)
    listed = await tenant.client.get("/v1/admin/webhooks", headers=tenant.admin)
    assert put.status_code == 200
    expected = {
        "id": "crm",
        "url": "https://crm.example.com/hook",
        "eventTypes": ["user.deleted"],
        "active": True,
        "description": None,
        "signatureFormat": "standard",
        "secretSet": True,
        "version": 1,
    }
    assert put.json() == expected
    assert got.json() == expected
    assert listed.json() == [expected]


async def test_replacing_a_webhook_without_secret_keeps_the_stored_secret(tenant: TenantHandle) -> None:
    await tenant.put("webhooks", "crm", hook("https://crm.example.com/hook"))
    r = await tenant.put(
        "webhooks",
        "crm",
        {"url": "https://crm.example.com/v2", "eventTypes": ["points.awarded"], "secretSet": True},
    )
    assert r.status_code == 200, r.text
    assert r.json()["secretSet"] is True
    assert r.json()["url"] == "https://crm.example.com/v2"


async def test_audit_trail_records_the_webhook_change_without_the_secret(tenant: TenantHandle) -> None:
    await tenant.put("webhooks", "crm", hook("https://crm.example.com/hook"))
    r = await tenant.client.get("/v1/admin/audit", headers=tenant.admin)
    record = r.json()[0]
    assert record["action"] == "webhooks.create"
    assert record["actor"] == "api-key:admin"
    assert record["before"] is None
    assert record["after"]["secretSet"] is True
    assert SECRET not in r.text


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"url": "ftp://x.example.com", "secret": SECRET, "eventTypes": ["user.deleted"]}, "url"),
        ({"url": "not a url", "secret": SECRET, "eventTypes": ["user.deleted"]}, "url"),
        ({"url": "https://x.example.com", "secret": SECRET, "eventTypes": ["points.gifted"]}, "eventTypes"),
        ({"url": "https://x.example.com", "secret": SECRET, "eventTypes": []}, "eventTypes"),
        ({"url": "https://x.example.com", "secret": "short", "eventTypes": ["user.deleted"]}, "secret"),
        ({"url": "https://x.example.com", "eventTypes": ["user.deleted"]}, "secret"),
        ({"secret": SECRET, "eventTypes": ["user.deleted"]}, "url"),
    ],
)
async def test_invalid_webhook_is_400_naming_the_field(tenant: TenantHandle, body: dict, field: str) -> None:
    r = await tenant.put("webhooks", "crm", body)
    assert r.status_code == 400, r.text
    assert r.json()["data"]["field"] == field
    assert field in r.json()["message"]


# --- the outbox ---


async def test_deleting_a_user_queues_one_user_deleted_message_per_subscribed_webhook(
    tenant: TenantHandle, clock
) -> None:
    clock.set(T0)
    await tenant.put("webhooks", "crm", hook("https://crm.example.com/hook"))
    await tenant.put("webhooks", "points-only", hook("https://bi.example.com/hook", "points.awarded"))
    await tenant.put("webhooks", "paused", hook("https://old.example.com/hook", active=False))
    await delete_user(tenant, "user_123")
    queued = await deliveries(tenant)
    assert len(queued) == 1
    assert queued[0]["eventType"] == "user.deleted"
    assert queued[0]["status"] == "pending"
    assert queued[0]["attempts"] == 0
    assert queued[0]["nextAttemptAt"] == T0
    assert queued[0]["body"] == {
        "id": queued[0]["id"],
        "type": "user.deleted",
        "tenant": tenant.name,
        "createdAt": T0,
        "data": {"userId": "user_123"},
    }
    assert await deliveries(tenant, "points-only") == []
    assert await deliveries(tenant, "paused") == []


async def test_a_rolled_back_change_queues_nothing(app, tenant: TenantHandle) -> None:
    await tenant.put("webhooks", "crm", hook("https://crm.example.com/hook", "points.awarded"))
    services = app.state.services
    principal = await _admin_principal(services, tenant)

    async def work(tx: Any) -> None:
        pk = await resolve_user(tx, "user_123", create=True)
        await ledger.credit(tx, pk, 50, source="manual")
        raise RuntimeError("the change fails after publishing")

    with pytest.raises(RuntimeError):
        await run_write(services, principal, work, lambda _: Encoded(200, b"", "application/json"))
    assert await deliveries(tenant) == []


async def test_credit_and_debit_publish_points_awarded_and_redeemed(app, tenant: TenantHandle, clock) -> None:
    clock.set(T0)
    await tenant.put(
        "webhooks", "crm", hook("https://crm.example.com/hook", "points.awarded", "points.redeemed")
    )
    services = app.state.services
    principal = await _admin_principal(services, tenant)

    async def work(tx: Any) -> None:
        pk = await resolve_user(tx, "user_123", create=True)
        await ledger.credit(tx, pk, 50, source="event", reference="purchase")
        await ledger.debit(tx, pk, 20, source="offer", reference="coffee")

    await run_write(services, principal, work, lambda _: Encoded(200, b"", "application/json"))
    data = [d["body"]["data"] for d in reversed(await deliveries(tenant))]
    types = [d["eventType"] for d in reversed(await deliveries(tenant))]
    assert types == ["points.awarded", "points.redeemed"]
    assert [{k: v for k, v in d.items() if k != "entryId"} for d in data] == [
        {
            "userId": "user_123",
            "metric": "points",
            "points": 50,
            "balance": 50,
            "source": "event",
            "reference": "purchase",
        },
        {
            "userId": "user_123",
            "metric": "points",
            "points": 20,
            "balance": 30,
            "source": "offer",
            "reference": "coffee",
        },
    ]


async def test_expiry_by_the_sweep_publishes_points_expired(app, tenant: TenantHandle, clock) -> None:
    clock.set(T0)
    await tenant.put("webhooks", "crm", hook("https://crm.example.com/hook", "points.expired"))
    services = app.state.services
    principal = await _admin_principal(services, tenant)
    day = 86_400_000

    async def work(tx: Any) -> None:
        pk = await resolve_user(tx, "user_123", create=True)
        await ledger.credit(tx, pk, 30, source="event", valid_until=T0 + day)
        await ledger.credit(tx, pk, 12, source="event", valid_until=T0 + day)
        await ledger.credit(tx, pk, 5, source="event")

    await run_write(services, principal, work, lambda _: Encoded(200, b"", "application/json"))
    assert await deliveries(tenant) == []
    assert await ledger.expire_due(services, now=T0 + day, tenant_id=tenant.tenant_id) == 1
    sent = await deliveries(tenant)
    assert [d["eventType"] for d in sent] == ["points.expired"]
    data = sent[0]["body"]["data"]
    assert {k: v for k, v in data.items() if k != "entryId"} == {
        "userId": "user_123",
        "metric": "points",
        "points": 42,
        "balance": 5,
        "source": "expiry",
        "reference": None,
    }
    assert await ledger.expire_due(services, now=T0 + 2 * day, tenant_id=tenant.tenant_id) == 0
    assert len(await deliveries(tenant)) == 1


async def test_manual_points_adjustment_is_in_the_audit_trail(app, tenant: TenantHandle) -> None:
    services = app.state.services
    principal = await _admin_principal(services, tenant)

    async def work(tx: Any) -> None:
        pk = await resolve_user(tx, "user_123", create=True)
        await ledger.credit(tx, pk, 40, source="manual", reference="goodwill")

    await run_write(services, principal, work, lambda _: Encoded(200, b"", "application/json"))
    r = await tenant.client.get("/v1/admin/audit", headers=tenant.admin)
    record = r.json()[0]
    assert record["action"] == "points.adjust"
    assert record["actor"] == "api-key:admin"
    assert record["target"] == "users/user_123/points"
    assert record["before"] == {"balance": 0}
    assert record["after"] == {"balance": 40, "amount": 40, "reference": "goodwill", "reason": None}


async def test_publish_refuses_an_unknown_event_type(app, tenant: TenantHandle) -> None:
    services = app.state.services
    principal = await _admin_principal(services, tenant)

    async def work(tx: Any) -> None:
        await outbox.publish(tx, "points.gifted", {})

    with pytest.raises(ValueError, match=r"points\.gifted"):
        await run_write(services, principal, work, lambda _: Encoded(200, b"", "application/json"))


# --- delivery ---


async def test_receiver_failing_twice_gets_the_message_exactly_once_with_a_valid_signature(
    app, tenant: TenantHandle, clock
) -> None:
    clock.set(T0)
    with webhook_receiver(fail_first=2) as receiver:
        await tenant.put("webhooks", "crm", hook(receiver.url))
        await delete_user(tenant, "user_123")
        await deliver_due(app)  # attempt 1: 500, retry after 1 s
        clock.advance(1_000)
        await deliver_due(app)  # attempt 2: 500, retry after 2 s
        clock.advance(1_999)
        await deliver_due(app)  # not due yet
        clock.advance(1)
        await deliver_due(app)  # attempt 3: 200
        clock.advance(48 * 3_600_000)
        await deliver_due(app)  # nothing left
        mine = receiver.for_tenant(tenant.name)
    assert [r.answered for r in mine] == [500, 500, 200]
    delivered = receiver.accepted(tenant.name)
    assert len(delivered) == 1
    message = delivered[0]
    assert message.json["type"] == "user.deleted"
    assert message.json["data"] == {"userId": "user_123"}
    assert message.headers["x-loyalty-event"] == "user.deleted"
    assert message.headers["x-loyalty-delivery"] == message.json["id"]
    # Standard Webhooks headers, signed for the attempt's own time (the clock is T0 + 3 s then).
    attempted_s = (T0 + 3_000) // 1000
    assert message.headers["webhook-id"] == message.json["id"]
    assert message.headers["webhook-timestamp"] == str(attempted_s)
    expected = standardwebhooks.Webhook(SECRET).sign(
        message.json["id"], datetime.fromtimestamp(attempted_s, tz=UTC), message.body
    )
    assert message.headers["webhook-signature"] == expected
    assert "x-loyalty-signature" not in message.headers


async def test_deliveries_in_the_standard_format_pass_the_standard_webhooks_library_verifier(
    app, tenant: TenantHandle
) -> None:
    """On the wall clock: the library's verifier refuses timestamps more than 5 minutes away."""
    with webhook_receiver() as receiver:
        await tenant.put("webhooks", "crm", hook(receiver.url, "user.deleted", "points.awarded"))
        await delete_user(tenant, "user_123")
        await deliver_due(app)
        [message] = receiver.accepted(tenant.name)
    assert verified_by_the_standard_library(STANDARD_SECRET, message)
    verifier = standardwebhooks.Webhook(STANDARD_SECRET)
    assert verifier.verify(message.body, message.headers) == {
        "id": message.json["id"],
        "type": "user.deleted",
        "tenant": tenant.name,
        "createdAt": message.json["createdAt"],
        "data": {"userId": "user_123"},
    }
    tampered = message.body.replace(b"user_123", b"user_999")
    with pytest.raises(standardwebhooks.WebhookVerificationError):
        verifier.verify(tampered, message.headers)
    other_key = "whsec_" + "B" * 44
    with pytest.raises(standardwebhooks.WebhookVerificationError):
        standardwebhooks.Webhook(other_key).verify(message.body, message.headers)


async def test_a_webhook_in_the_loyalty_v1_format_is_signed_with_x_loyalty_signature(
    app, tenant: TenantHandle, clock
) -> None:
    clock.set(T0)
    with webhook_receiver() as receiver:
        legacy = {**hook(receiver.url), "secret": LEGACY_SECRET, "signatureFormat": "loyalty-v1"}
        put = await tenant.put("webhooks", "crm", legacy)
        assert put.status_code == 200, put.text
        assert put.json()["signatureFormat"] == "loyalty-v1"
        await delete_user(tenant, "user_123")
        await deliver_due(app)
        [message] = receiver.accepted(tenant.name)
    assert message.headers["x-loyalty-signature"].startswith(f"t={T0 // 1000},v1=")
    assert signature_is_valid(LEGACY_SECRET, message.headers["x-loyalty-signature"], message.body)
    assert not signature_is_valid("another-secret-123", message.headers["x-loyalty-signature"], message.body)
    assert "webhook-signature" not in message.headers


@pytest.mark.parametrize(
    "secret",
    [
        LEGACY_SECRET,  # any text is enough for loyalty-v1, not for the standard format
        "whsec_not base64!",
        "whsec_" + "A" * 16,  # 12 bytes: shorter than the 24 the standard asks for
        "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=",  # the key without its whsec_ prefix
    ],
)
async def test_a_standard_format_webhook_needs_a_whsec_base64_secret(
    tenant: TenantHandle, secret: str
) -> None:
    r = await tenant.put("webhooks", "crm", {**hook("https://crm.example.com/hook"), "secret": secret})
    assert r.status_code == 400, r.text
    assert r.json()["data"]["field"] == "secret"
    assert "whsec_" in r.json()["message"]


async def test_switching_a_loyalty_v1_webhook_to_standard_checks_the_kept_secret(
    tenant: TenantHandle,
) -> None:
    legacy = {
        **hook("https://crm.example.com/hook"),
        "secret": LEGACY_SECRET,
        "signatureFormat": "loyalty-v1",
    }
    assert (await tenant.put("webhooks", "crm", legacy)).status_code == 200
    switched = {
        "url": "https://crm.example.com/hook",
        "eventTypes": ["user.deleted"],
        "signatureFormat": "standard",
    }
    refused = await tenant.put("webhooks", "crm", switched)
    assert refused.status_code == 400, refused.text
    assert refused.json()["data"]["field"] == "secret"
    accepted = await tenant.put("webhooks", "crm", {**switched, "secret": STANDARD_SECRET})
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["signatureFormat"] == "standard"


async def test_an_unknown_signature_format_is_400(tenant: TenantHandle) -> None:
    r = await tenant.put("webhooks", "crm", hook("https://crm.example.com/hook", signatureFormat="svix"))
    assert r.status_code == 400, r.text
    assert r.json()["data"]["field"] == "signatureFormat"


async def test_delivery_with_its_attempts_is_visible_in_the_admin_api(
    app, tenant: TenantHandle, clock
) -> None:
    clock.set(T0)
    with webhook_receiver(fail_first=1) as receiver:
        await tenant.put("webhooks", "crm", hook(receiver.url))
        await delete_user(tenant, "user_123")
        await deliver_due(app)
        clock.advance(1_000)
        await deliver_due(app)
    [listed] = await deliveries(tenant)
    r = await tenant.client.get(f"/v1/admin/webhooks/crm/deliveries/{listed['id']}", headers=tenant.admin)
    assert r.status_code == 200
    one = r.json()
    assert one["status"] == "delivered"
    assert one["attempts"] == 2
    assert one["deliveredAt"] == T0 + 1_000
    assert one["nextAttemptAt"] is None
    assert one["lastStatusCode"] == 200
    assert one["lastError"] is None
    assert [(a["attemptedAt"], a["statusCode"], a["error"]) for a in one["attemptLog"]] == [
        (T0, 500, "HTTP 500"),
        (T0 + 1_000, 200, None),
    ]


async def test_message_is_failed_after_the_retry_period_and_can_be_resent(
    app, tenant: TenantHandle, clock
) -> None:
    clock.set(T0)
    with webhook_receiver(fail_first=10_000) as receiver:
        await tenant.put("webhooks", "crm", hook(receiver.url))
        await delete_user(tenant, "user_123")
        await deliver_due(app)
        clock.advance(24 * 3_600_000)
        await deliver_due(app)  # a failure at the end of the retry period gives up
        [failed] = await deliveries(tenant)
        assert (failed["status"], failed["attempts"], failed["nextAttemptAt"]) == ("failed", 2, None)
        receiver.fail_first = 0
        resent = await tenant.client.post(
            f"/v1/admin/webhooks/crm/deliveries/{failed['id']}/resend", headers=tenant.admin
        )
        assert resent.status_code == 200, resent.text
        assert resent.json()["status"] == "pending"
        assert resent.json()["nextAttemptAt"] == T0 + 24 * 3_600_000
        await deliver_due(app)
        accepted = receiver.accepted(tenant.name)
    [delivered] = await deliveries(tenant)
    assert delivered["status"] == "delivered"
    assert delivered["attempts"] == 3
    assert [r.json["id"] for r in accepted] == [failed["id"]]


async def test_resend_of_an_unknown_delivery_is_404(tenant: TenantHandle) -> None:
    r = await tenant.client.post("/v1/admin/webhooks/crm/deliveries/whd_nope/resend", headers=tenant.admin)
    assert r.status_code == 404


async def test_deliveries_need_an_admin_credential(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/v1/admin/webhooks/crm/deliveries", headers=tenant.manager())
    assert r.status_code == 403


async def test_listing_deliveries_with_an_unknown_status_is_400(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/v1/admin/webhooks/crm/deliveries?status=lost", headers=tenant.admin)
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "status"


async def test_a_message_for_a_deleted_webhook_is_failed_without_sending(
    app, tenant: TenantHandle, clock
) -> None:
    clock.set(T0)
    with webhook_receiver() as receiver:
        await tenant.put("webhooks", "crm", hook(receiver.url))
        await delete_user(tenant, "user_123")
        [queued] = await deliveries(tenant)
        await tenant.client.delete("/v1/admin/webhooks/crm", headers=tenant.admin)
        await deliver_due(app)
        sent = receiver.for_tenant(tenant.name)
    [failed] = await deliveries(tenant)
    assert sent == []
    assert (failed["id"], failed["status"], failed["lastError"]) == (
        queued["id"],
        "failed",
        "webhook was deleted",
    )


async def test_messages_sent_together_are_each_recorded_by_their_own_outcome(
    app, tenant: TenantHandle, clock
) -> None:
    clock.set(T0)
    with webhook_receiver() as ok, webhook_receiver(fail_first=10_000) as failing:
        await tenant.put("webhooks", "crm", hook(ok.url))
        await tenant.put("webhooks", "erp", hook(failing.url))
        await tenant.put("webhooks", "old", hook(ok.url))
        await delete_user(tenant, "user_123")  # one message per webhook, all due now
        await tenant.client.delete("/v1/admin/webhooks/old", headers=tenant.admin)
        await deliver_due(app)  # one batch (of up to 50): sent at once, recorded in one transaction
        sent_ok, sent_failing = ok.for_tenant(tenant.name), failing.for_tenant(tenant.name)
    assert [r.json["type"] for r in sent_ok] == ["user.deleted"]
    assert [r.answered for r in sent_failing] == [500]
    outcome = {}
    for webhook_id in ("crm", "erp", "old"):
        [d] = await deliveries(tenant, webhook_id)
        outcome[webhook_id] = (
            d["status"],
            d["attempts"],
            d["nextAttemptAt"],
            d["lastStatusCode"],
            d["lastError"],
        )
    assert outcome == {
        "crm": ("delivered", 1, None, 200, None),
        "erp": ("pending", 1, T0 + 1_000, 500, "HTTP 500"),
        "old": ("failed", 0, None, None, "webhook was deleted"),
    }


async def test_a_claimed_message_is_not_claimed_again_while_its_lease_runs(
    app, tenant: TenantHandle, clock
) -> None:
    clock.set(T0)
    await tenant.put("webhooks", "crm", hook("http://127.0.0.1:9/unused"))
    await delete_user(tenant, "user_123")
    stores = app.state.services.stores
    async with stores.write() as store:
        first = await store.outbox.claim_due(owner="a", now=T0, lease_until=T0 + 60_000, limit=1000)
    async with stores.write() as store:
        second = await store.outbox.claim_due(
            owner="b", now=T0 + 59_999, lease_until=T0 + 120_000, limit=1000
        )
    async with stores.write() as store:
        after_expiry = await store.outbox.claim_due(
            owner="c", now=T0 + 60_001, lease_until=T0 + 9e9, limit=1000
        )
    mine = {r["delivery_id"] for r in first if r["tenant_id"] == tenant.tenant_id}
    assert len(mine) == 1
    assert mine.isdisjoint(r["delivery_id"] for r in second)
    assert mine <= {r["delivery_id"] for r in after_expiry}


async def _admin_principal(services: Any, tenant: TenantHandle) -> Any:
    from loyalty.app.tenancy.credentials import principal_from_api_key

    return await principal_from_api_key(services.tenants, tenant.admin_key)
