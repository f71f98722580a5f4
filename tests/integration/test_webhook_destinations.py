"""Webhook destinations that cannot be turned against the operator: internal addresses are refused
when a webhook is configured (400 naming ``url``) and again on the resolved address when a delivery
connects, unless the operator lists them in ``LOYALTY_WEBHOOK_ALLOWED_DESTINATIONS``.

The session's app allows 127.0.0.1 (``tests.support.TEST_RECEIVERS``), as an operator would for
receivers on the same machine; the refusals at connect time use a deliverer whose settings have no
allow-list, the default.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import httpx
import pytest

from loyalty.app.messaging.delivery import Deliverer
from loyalty.app.messaging.destinations import DestinationPolicy
from loyalty.app.messaging.pinned_transport import DestinationRefused, PinnedTransport
from loyalty.app.tenancy.config_as_code import ConfigDocumentInvalid, apply_document
from tests.integration.test_config_as_code import admin_of
from tests.integration.test_webhooks import T0, delete_user, deliveries, hook
from tests.support import TenantHandle
from tests.webhook_receiver import webhook_receiver


def resolver_of(answers: dict[str, list[str]]) -> Any:
    """An in-process resolver: the names a test adds, nothing else (no DNS is asked)."""

    async def resolve(host: str, port: int) -> list[str]:
        if host not in answers:
            raise OSError(f"unknown name {host}")
        return answers[host]

    return resolve


def default_policy_services(app: Any) -> Any:
    """The app's services with the operator's allow-list unset (the default)."""
    services = app.state.services
    return dataclasses.replace(
        services, settings=services.settings.model_copy(update={"webhook_allowed_destinations": None})
    )


def port_of(url: str) -> int:
    port = httpx.URL(url).port
    assert port is not None
    return port


# --- at configuration ---


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("http://127.0.0.2:8080/hook", "127.0.0.2 is a loopback address"),
        ("http://[::1]/hook", "::1 is a loopback address"),
        ("http://2130706434/hook", "127.0.0.2 is a loopback address"),
        ("http://10.0.0.7/hook", "10.0.0.7 is a private address"),
        ("http://192.168.0.10/hook", "192.168.0.10 is a private address"),
        ("http://169.254.169.254/latest/meta-data/iam", "169.254.169.254 is a cloud metadata address"),
        ("http://[fe80::1]/hook", "fe80::1 is a link-local address"),
        ("http://239.1.2.3/hook", "239.1.2.3 is a multicast address"),
        ("http://0.0.0.0/hook", "0.0.0.0 is the unspecified address"),
        ("http://localhost:8000/hook", "'localhost' is a local name"),
        ("http://metadata.google.internal/computeMetadata/v1/", "'metadata.google.internal' is a local name"),
        ("http://postgres:5432/", "'postgres' is a local name"),
    ],
)
async def test_an_internal_destination_is_refused_with_400_naming_url(
    tenant: TenantHandle, url: str, shown: str
) -> None:
    r = await tenant.put("webhooks", "crm", hook(url))
    assert r.status_code == 400, r.text
    assert r.json()["data"]["field"] == "url"
    assert shown in r.json()["message"]
    assert "LOYALTY_WEBHOOK_ALLOWED_DESTINATIONS" in r.json()["message"]
    missing = await tenant.client.get("/v1/admin/webhooks/crm", headers=tenant.admin)
    assert missing.status_code == 404  # nothing was written


async def test_an_address_the_operator_allows_is_accepted(tenant: TenantHandle) -> None:
    r = await tenant.put("webhooks", "crm", hook("http://127.0.0.1:9/hook"))
    assert r.status_code == 200, r.text
    assert r.json()["url"] == "http://127.0.0.1:9/hook"


async def test_config_as_code_reports_an_internal_destination_before_writing(
    app: Any, tenant: TenantHandle
) -> None:
    document = {"items": {"webhooks": {"crm": hook("http://10.0.0.7/hook")}}}
    with pytest.raises(ConfigDocumentInvalid) as caught:
        await apply_document(*admin_of(app, tenant), document)
    [problem] = caught.value.problems
    assert (problem.kind, problem.item_id, problem.field) == ("webhooks", "crm", "url")
    assert "10.0.0.7 is a private address" in problem.message
    assert (await tenant.client.get("/v1/admin/webhooks", headers=tenant.admin)).json() == []


# --- at connect time ---


async def test_a_name_that_resolves_to_127_0_0_1_is_refused_when_the_delivery_connects(
    app: Any, tenant: TenantHandle, clock: Any
) -> None:
    clock.set(T0)
    with webhook_receiver() as receiver:
        # A public-looking name passes the configuration check; its DNS answer is 127.0.0.1.
        url = f"http://hooks.shop.example:{port_of(receiver.url)}/hooks/loyalty"
        assert (await tenant.put("webhooks", "crm", hook(url))).status_code == 200
        await delete_user(tenant, "user_123")
        resolver = resolver_of({"hooks.shop.example": ["127.0.0.1"]})
        async with Deliverer(default_policy_services(app), resolver=resolver) as deliverer:
            assert await deliverer.drain() >= 1
        sent = receiver.for_tenant(tenant.name)
    [delivery] = await deliveries(tenant)
    assert sent == []
    assert (delivery["status"], delivery["attempts"], delivery["lastStatusCode"]) == ("pending", 1, None)
    assert delivery["lastError"] == (
        "DestinationRefused: refused: hooks.shop.example resolves to 127.0.0.1, which is a loopback "
        "address; the operator can allow it with LOYALTY_WEBHOOK_ALLOWED_DESTINATIONS"
    )
    assert delivery["nextAttemptAt"] == T0 + 1_000  # an ordinary failed attempt, retried


async def test_a_name_with_any_internal_address_in_its_answer_is_refused(
    app: Any, tenant: TenantHandle, clock: Any
) -> None:
    clock.set(T0)
    await tenant.put("webhooks", "crm", hook("https://hooks.shop.example/hook"))
    await delete_user(tenant, "user_123")
    resolver = resolver_of({"hooks.shop.example": ["93.184.215.14", "169.254.169.254"]})
    async with Deliverer(default_policy_services(app), resolver=resolver) as deliverer:
        await deliverer.drain()
    [delivery] = await deliveries(tenant)
    assert delivery["lastError"].startswith(
        "DestinationRefused: refused: hooks.shop.example resolves to 169.254.169.254, which is a cloud "
        "metadata address"
    )


async def test_localhost_through_the_system_resolver_is_refused_at_connect_time() -> None:
    """``localhost`` comes from the machine's own resolver (/etc/hosts), not the configuration."""
    with webhook_receiver() as receiver:
        transport = PinnedTransport(DestinationPolicy(), inner=httpx.AsyncHTTPTransport())
        async with httpx.AsyncClient(transport=transport) as client:
            with pytest.raises(
                DestinationRefused, match=r"localhost resolves to (127\.0\.0\.1|::1), which is a loopback"
            ):
                await client.post(f"http://localhost:{port_of(receiver.url)}/hooks/loyalty", content=b"{}")
        assert receiver.requests == []


async def test_the_connection_goes_to_the_checked_address_with_the_name_in_host(
    app: Any, tenant: TenantHandle, clock: Any
) -> None:
    """The name is resolved once, by the deliverer, and the request is sent to that address: the
    in-process name below exists for no other resolver, yet the receiver gets the message."""
    clock.set(T0)
    with webhook_receiver() as receiver:
        port = port_of(receiver.url)
        url = f"http://hooks.shop.example:{port}/hooks/loyalty"
        assert (await tenant.put("webhooks", "crm", hook(url))).status_code == 200
        await delete_user(tenant, "user_123")
        resolver = resolver_of({"hooks.shop.example": ["127.0.0.1"]})
        async with Deliverer(app.state.services, resolver=resolver) as deliverer:  # allows 127.0.0.1
            await deliverer.drain()
        [received] = receiver.accepted(tenant.name)
    assert received.headers["host"] == f"hooks.shop.example:{port}"
    assert received.json["data"] == {"userId": "user_123"}
    [delivery] = await deliveries(tenant)
    assert (delivery["status"], delivery["lastStatusCode"]) == ("delivered", 200)
