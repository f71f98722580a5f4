"""The limit and Idempotency-Key under real parallel HTTP requests to a real server process."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from loyalty.app.ledger import ledger
from tests.support import TenantHandle


async def test_forty_parallel_events_on_a_limit_of_ten_award_exactly_ten(
    app: Any, tenant: TenantHandle, live_server: str
) -> None:
    r = await tenant.put(
        "events", "scan", {"eventId": "scan", "title": "Scan", "limit": 10, "reward": {"default": 3}}
    )
    assert r.status_code == 200
    await tenant.create_user("racer")
    body = {"eventId": "scan", "userId": "racer"}
    async with httpx.AsyncClient(base_url=live_server, timeout=60) as client:
        answers = await asyncio.gather(
            *(client.post("/v1/event", json=body, headers=tenant.admin) for _ in range(40))
        )
    assert sorted({a.status_code for a in answers}) == [200]
    awarded = [a.json()["data"]["points"] for a in answers if not a.json()["data"]["limitReached"]]
    assert awarded == [3] * 10
    points = await tenant.client.get("/v1/user/racer/points", headers=tenant.admin)
    assert points.json()["points"] == 30
    assert await ledger.verify(app.state.services.stores, tenant_id=tenant.tenant_id) == []


async def test_twenty_parallel_retries_with_one_idempotency_key_award_once(
    app: Any, tenant: TenantHandle, live_server: str
) -> None:
    r = await tenant.put("events", "buy", {"eventId": "buy", "title": "Buy", "reward": {"default": 25}})
    assert r.status_code == 200
    await tenant.create_user("retry")
    body = {"eventId": "buy", "userId": "retry"}
    headers = {**tenant.admin, "Idempotency-Key": "order-4711"}
    async with httpx.AsyncClient(base_url=live_server, timeout=60) as client:
        answers = await asyncio.gather(
            *(client.post("/v1/event", json=body, headers=headers) for _ in range(20))
        )
    assert [a.status_code for a in answers] == [200] * 20
    assert {a.json()["data"]["points"] for a in answers} == {25}
    assert sum(a.headers.get("Idempotent-Replayed") == "true" for a in answers) == 19
    points = await tenant.client.get("/v1/user/retry/points", headers=tenant.admin)
    assert points.json()["points"] == 25
    history = await tenant.client.get("/v1/user/retry/history", headers=tenant.admin)
    assert len(history.json()) == 1
    assert await ledger.verify(app.state.services.stores, tenant_id=tenant.tenant_id) == []


async def test_parallel_reversals_of_one_event_take_its_points_back_once(
    app: Any, tenant: TenantHandle, live_server: str
) -> None:
    r = await tenant.put(
        "events", "order", {"eventId": "order", "title": "Order", "limit": 2, "reward": {"default": 40}}
    )
    assert r.status_code == 200
    await tenant.create_user("refund")
    body = {"eventId": "order", "userId": "refund"}
    async with httpx.AsyncClient(base_url=live_server, timeout=60) as client:
        logged = await client.post("/v1/event", json=body, headers=tenant.admin)
        await client.post("/v1/event", json=body, headers=tenant.admin)
        logged_id = logged.headers["Loyalty-Logged-Event-Id"]
        answers = await asyncio.gather(
            *(client.post(f"/v1/event/{logged_id}/reverse", headers=tenant.admin) for _ in range(12))
        )
        assert sorted(a.status_code for a in answers) == [200] + [409] * 11
        assert [a.json()["data"]["points"] for a in answers if a.status_code == 200] == [40]
        again = [await client.post("/v1/event", json=body, headers=tenant.admin) for _ in range(2)]
    # one occurrence of the limit of two was given back, once
    assert [a.json()["data"]["limitReached"] for a in again] == [False, True]
    points = await tenant.client.get("/v1/user/refund/points", headers=tenant.admin)
    assert points.json()["points"] == 80
    history = (await tenant.client.get("/v1/user/refund/history", headers=tenant.admin)).json()
    assert sorted(entry["points"] for entry in history) == [-40, 40, 40, 40]
    assert await ledger.verify(app.state.services.stores, tenant_id=tenant.tenant_id) == []
