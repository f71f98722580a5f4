"""Rate limits per tenant and per credential: 429 with ``Retry-After`` in each dialect's envelope."""

from __future__ import annotations

from typing import Any

import httpx

from loyalty.app.kernel.ratelimit import credential_key
from tests.support import TenantHandle

WINDOW_START = 1_800_000_000_000 - 1_800_000_000_000 % 60_000
MID_WINDOW = WINDOW_START + 60_000 + 30_000  # 30 s into the minute after the settings change


async def limit(tenant: TenantHandle, clock: Any, **rate_limit: int) -> None:
    clock.set(WINDOW_START)
    r = await tenant.put("settings", "tenant", {"rateLimit": rate_limit})
    assert r.status_code == 200, r.text
    clock.set(MID_WINDOW)


async def points(tenant: TenantHandle, headers: dict[str, str]) -> httpx.Response:
    return await tenant.client.get("/v1/user/user_123/points", headers=headers)


async def test_the_request_over_the_per_credential_limit_is_429_with_retry_after(
    tenant: TenantHandle, clock
) -> None:
    await limit(tenant, clock, perCredentialPerMinute=3)
    user = tenant.user("user_123")
    answered = [(await points(tenant, user)).status_code for _ in range(3)]
    refused = await points(tenant, user)
    assert answered == [200, 200, 200]
    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "30"
    assert refused.json() == {
        "statusCode": 429,
        "message": "rate limit of 3 requests per minute per credential exceeded; retry in 30 s",
        "data": {"code": "rate_limited", "field": None},
    }


async def test_another_credential_of_the_tenant_has_its_own_budget(tenant: TenantHandle, clock) -> None:
    await limit(tenant, clock, perCredentialPerMinute=1)
    assert (await points(tenant, tenant.user("user_123"))).status_code == 200
    assert (await points(tenant, tenant.user("user_123"))).status_code == 429
    assert (await points(tenant, tenant.admin)).status_code == 200


async def test_the_tenant_limit_counts_every_credential_together(tenant: TenantHandle, clock) -> None:
    await limit(tenant, clock, requestsPerMinute=2)
    statuses = [
        (await points(tenant, tenant.user("user_123"))).status_code,
        (await points(tenant, tenant.admin)).status_code,
        (await points(tenant, tenant.manager())).status_code,
    ]
    assert statuses == [200, 200, 429]


async def test_the_limit_starts_again_in_the_next_minute(tenant: TenantHandle, clock) -> None:
    await limit(tenant, clock, perCredentialPerMinute=1)
    user = tenant.user("user_123")
    before = [(await points(tenant, user)).status_code for _ in range(2)]
    clock.advance(30_000)
    after = (await points(tenant, user)).status_code
    assert before == [200, 429]
    assert after == 200


async def test_limits_of_one_tenant_do_not_touch_another(
    tenant: TenantHandle, other_tenant: TenantHandle, clock
) -> None:
    await limit(tenant, clock, requestsPerMinute=1)
    await points(tenant, tenant.admin)
    assert (await points(tenant, tenant.admin)).status_code == 429
    assert (await points(other_tenant, other_tenant.admin)).status_code == 200


async def test_emporix_answers_429_as_a_problem_document(app: Any, tenant: TenantHandle, clock) -> None:
    from starlette.applications import Starlette

    from loyalty.api.dialects import emporix
    from loyalty.api.routing import Endpoint, Reply, build_route

    async def ping(call: Any) -> Reply:
        return Reply({"ok": True})

    route = build_route(
        emporix.PREFIX, Endpoint("GET", "/{tenant}/ping", ping, "test"), emporix.DIALECT, app.state.services
    )
    transport = httpx.ASGITransport(app=Starlette(routes=[route]))
    await limit(tenant, clock, perCredentialPerMinute=1)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        url = f"/reward-points/{tenant.name}/ping"
        first = await client.get(url, headers=tenant.admin)
        refused = await client.get(url, headers=tenant.admin)
    assert first.status_code == 200
    assert refused.status_code == 429
    assert refused.headers["content-type"] == "application/json"  # as the vendor documents its errors
    assert refused.headers["Retry-After"] == "30"
    assert (refused.json()["status"], refused.json()["code"]) == (429, "rate_limited")


async def test_negative_limits_are_400_naming_the_field(tenant: TenantHandle) -> None:
    r = await tenant.put("settings", "tenant", {"rateLimit": {"requestsPerMinute": -1}})
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "rateLimit"


def test_credential_counters_do_not_hold_user_ids_in_clear() -> None:
    from loyalty.app.kernel.principal import Principal

    key = credential_key(Principal(tenant_id=7, tenant="t", subject="alice@example.com", scopes=frozenset()))
    assert key.startswith("c:7:sub:")
    assert "alice" not in key
