"""The dashboard's view of a webhook's deliveries (status, attempts, last response, next attempt)
and its Re-send form: the same data and action as ``GET /v1/admin/webhooks/{id}/deliveries`` and
``POST /v1/admin/webhooks/{id}/deliveries/{deliveryId}/resend``."""

from __future__ import annotations

import html
import re
from typing import Any

import httpx

from loyalty.core.timeutil import iso_utc
from tests.integration.test_dashboard import csrf_of
from tests.integration.test_webhooks import delete_user, deliver_due, deliveries, hook
from tests.support import Clock, TenantHandle
from tests.webhook_receiver import webhook_receiver

T0 = 1_800_000_000_000
HOUR = 3_600_000
PAGE = "/dashboard/config/webhooks/crm"


def when(ms: int) -> str:
    """A time as the dashboard shows it."""
    return iso_utc(ms).replace("T", " ")[:16]


def delivery_row(text: str, delivery_id: str) -> list[str]:
    match = re.search(rf'<tr data-delivery="{delivery_id}">(.*?)</tr>', text, re.S)
    assert match, f"no row for delivery {delivery_id}"
    cells = re.findall(r"<td[^>]*>(.*?)</td>", match.group(1), re.S)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", c)).split()) for c in cells[:7]]


def resend_action(delivery_id: str) -> str:
    return f"{PAGE}/deliveries/{delivery_id}/resend"


async def resend_form(browser: httpx.AsyncClient, delivery_id: str) -> httpx.Response:
    page = await browser.get(PAGE)
    assert page.status_code == 200, page.text[:300]
    assert f'action="{resend_action(delivery_id)}"' in page.text
    return await browser.post(resend_action(delivery_id), data={"csrf": csrf_of(page.text)})


async def audit_actions(tenant: TenantHandle) -> list[str]:
    r = await tenant.client.get("/v1/admin/audit", headers=tenant.admin)
    assert r.status_code == 200, r.text
    return [a["action"] for a in r.json()]


async def test_webhook_page_shows_deliveries_and_resending_queues_the_message_again(
    app: Any, admin_browser: httpx.AsyncClient, tenant: TenantHandle, clock: Clock
) -> None:
    clock.set(T0)
    with webhook_receiver(fail_first=10_000) as receiver:
        assert (await tenant.put("webhooks", "crm", hook(receiver.url))).status_code == 200
        page = await admin_browser.get(PAGE)
        assert page.status_code == 200
        assert 'id="no-deliveries"' in page.text

        await delete_user(tenant, "user_123")
        await deliver_due(app)  # attempt 1: HTTP 500, retry after 1 s
        [listed] = await deliveries(tenant)
        assert (listed["status"], listed["attempts"], listed["nextAttemptAt"]) == ("pending", 1, T0 + 1_000)
        page = await admin_browser.get(PAGE)
        assert page.status_code == 200
        assert delivery_row(page.text, listed["id"]) == [
            f"{listed['id']} queued {when(T0)}",
            "user.deleted",
            "pending",
            "1",
            when(T0),
            "HTTP 500",
            when(T0 + 1_000),
        ]

        clock.advance(24 * HOUR)
        await deliver_due(app)  # a failure at the end of the retry period gives up
        [failed] = await deliveries(tenant)
        assert (failed["status"], failed["attempts"], failed["nextAttemptAt"]) == ("failed", 2, None)
        page = await admin_browser.get(PAGE)
        assert delivery_row(page.text, failed["id"])[2:] == [
            "failed",
            "2",
            when(T0 + 24 * HOUR),
            "HTTP 500",
            "—",
        ]

        receiver.fail_first = 0
        r = await resend_form(admin_browser, failed["id"])
        assert r.status_code == 303, r.text[:500]
        assert r.headers["location"].startswith(PAGE + "?notice=")
        page = await admin_browser.get(r.headers["location"])
        assert f"Re-sending delivery {failed['id']} (user.deleted); it is pending again." in page.text
        # The same state the admin API's re-send leaves: pending, due now, the same message.
        [pending] = await deliveries(tenant)
        assert (pending["id"], pending["status"], pending["attempts"]) == (failed["id"], "pending", 2)
        assert pending["nextAttemptAt"] == T0 + 24 * HOUR
        assert pending["retryUntil"] == T0 + 48 * HOUR
        assert pending["body"] == failed["body"]
        assert delivery_row(page.text, failed["id"])[2:4] == ["pending", "2"]
        assert delivery_row(page.text, failed["id"])[6] == when(T0 + 24 * HOUR)
        assert "webhook-delivery.resend" in await audit_actions(tenant)

        await deliver_due(app)
        accepted = receiver.accepted(tenant.name)
    assert [m.json["id"] for m in accepted] == [failed["id"]]
    [delivered] = await deliveries(tenant)
    assert (delivered["status"], delivered["attempts"]) == ("delivered", 3)
    page = await admin_browser.get(PAGE)
    assert delivery_row(page.text, failed["id"])[2:] == [
        "delivered",
        "3",
        when(T0 + 24 * HOUR),
        "HTTP 200",
        "—",
    ]


async def test_resend_form_needs_the_csrf_token(
    app: Any, admin_browser: httpx.AsyncClient, tenant: TenantHandle, clock: Clock
) -> None:
    clock.set(T0)
    assert (await tenant.put("webhooks", "crm", hook("http://127.0.0.1:9/unroutable"))).status_code == 200
    await delete_user(tenant, "user_123")
    await deliver_due(app)  # nothing listens on port 9: the attempt fails with a connection error
    [before] = await deliveries(tenant)
    assert (before["status"], before["attempts"], before["lastStatusCode"]) == ("pending", 1, None)
    assert before["lastError"]
    page = await admin_browser.get(PAGE)
    row = delivery_row(page.text, before["id"])
    assert row[2:4] == ["pending", "1"]
    assert row[5] == " ".join(before["lastError"].split())

    r = await admin_browser.post(resend_action(before["id"]), data={})
    assert r.status_code == 403
    r = await admin_browser.post(resend_action(before["id"]), data={"csrf": "forged"})
    assert r.status_code == 403
    assert await deliveries(tenant) == [before]
    assert "webhook-delivery.resend" not in await audit_actions(tenant)


async def test_resending_an_unknown_delivery_is_404(
    admin_browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    assert (await tenant.put("webhooks", "crm", hook("http://127.0.0.1:9/unroutable"))).status_code == 200
    page = await admin_browser.get(PAGE)
    r = await admin_browser.post(resend_action("whd_nope"), data={"csrf": csrf_of(page.text)})
    assert r.status_code == 404
    assert "whd_nope" in r.text


async def test_resending_a_message_being_sent_right_now_is_409_with_the_api_message(
    app: Any, admin_browser: httpx.AsyncClient, tenant: TenantHandle, clock: Clock
) -> None:
    clock.set(T0)
    assert (await tenant.put("webhooks", "crm", hook("http://127.0.0.1:9/unroutable"))).status_code == 200
    await delete_user(tenant, "user_123")
    async with app.state.services.stores.write() as store:  # a deliverer holds its lease for a minute
        await store.outbox.claim_due(owner="busy", now=T0, lease_until=T0 + 60_000, limit=1000)
    [before] = await deliveries(tenant)
    r = await resend_form(admin_browser, before["id"])
    assert r.status_code == 409
    error = r.text.split('id="delivery-error">', 1)[1].split("</div>", 1)[0]
    assert "this delivery is being sent right now; retry shortly" in error
    assert await deliveries(tenant) == [before]
    assert "webhook-delivery.resend" not in await audit_actions(tenant)
