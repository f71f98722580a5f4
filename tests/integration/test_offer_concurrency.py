"""Offer stock, per-user limits, points and code pools under real parallel HTTP redemptions."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from loyalty.app.ledger import ledger
from loyalty.storage.offers.coupon_tables import coupons as coupon_table
from tests.support import TenantHandle, start_live_server


async def setup_users(tenant: TenantHandle, users: list[str], points: int) -> None:
    for user in users:
        r = await tenant.client.post("/v1/user", json={"userId": user}, headers=tenant.admin)
        assert r.status_code == 201, r.text
        r = await tenant.client.post(
            f"/v1/admin/users/{user}/adjustments",
            json={"points": points, "reason": "seed"},
            headers=tenant.admin,
        )
        assert r.status_code == 201, r.text


async def fire(base_url: str, tenant: TenantHandle, offer_id: str, users: list[str]) -> list[httpx.Response]:
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as http:
        return list(
            await asyncio.gather(
                *(http.post(f"/v1/user/{u}/offer/{offer_id}/redeem", headers=tenant.user(u)) for u in users)
            )
        )


def ok(responses: list[httpx.Response]) -> list[dict[str, Any]]:
    assert {r.status_code for r in responses} <= {200, 400}, [
        r.text for r in responses if r.status_code >= 500
    ]
    return [r.json()["coupon"] for r in responses if r.status_code == 200]


async def open_coupons(tenant: TenantHandle, users: list[str]) -> int:
    total = 0
    for user in users:
        r = await tenant.client.get(f"/v1/user/{user}/coupon", headers=tenant.admin)
        total += len(r.json())
    return total


async def stock_of_five(base_url: str, app: Any, tenant: TenantHandle) -> None:
    users = [f"u{i}" for i in range(10)]
    await setup_users(tenant, users, 100)
    r = await tenant.put("offers", "mug", {"title": "Mug", "points": 10, "stock": 5})
    assert r.status_code == 200, r.text
    coupons = ok(await fire(base_url, tenant, "mug", users * 5))
    assert len(coupons) == 5
    assert len({c["SK"] for c in coupons}) == 5
    assert await open_coupons(tenant, users) == 5
    balances = [
        (await tenant.client.get(f"/v1/user/{u}/points", headers=tenant.admin)).json()["points"]
        for u in users
    ]
    assert sum(balances) == 1000 - 50
    assert await ledger.verify(app.state.services.stores, tenant_id=tenant.tenant_id) == []


async def test_fifty_parallel_redemptions_of_a_stock_of_five_issue_exactly_five(
    app: Any, live_server: str, tenant: TenantHandle
) -> None:
    await stock_of_five(live_server, app, tenant)


async def test_a_user_with_points_for_three_gets_exactly_three(
    app: Any, live_server: str, tenant: TenantHandle
) -> None:
    await setup_users(tenant, ["saver"], 95)
    assert (await tenant.put("offers", "cake", {"title": "Cake", "points": 30})).status_code == 200
    coupons = ok(await fire(live_server, tenant, "cake", ["saver"] * 20))
    assert len(coupons) == 3
    r = await tenant.client.get("/v1/user/saver/points", headers=tenant.admin)
    assert r.json()["points"] == 5
    assert await ledger.verify(app.state.services.stores, tenant_id=tenant.tenant_id) == []


async def test_the_per_user_limit_holds_under_parallel_requests(
    app: Any, live_server: str, tenant: TenantHandle
) -> None:
    await setup_users(tenant, ["eager"], 1000)
    r = await tenant.put("offers", "pin", {"title": "Pin", "points": 10, "perUserLimit": 2})
    assert r.status_code == 200
    coupons = ok(await fire(live_server, tenant, "pin", ["eager"] * 20))
    assert len(coupons) == 2
    assert (await tenant.client.get("/v1/user/eager/points", headers=tenant.admin)).json()["points"] == 980
    assert await ledger.verify(app.state.services.stores, tenant_id=tenant.tenant_id) == []


async def test_a_pool_of_ten_codes_under_twenty_parallel_redemptions_hands_each_out_once(
    app: Any, live_server: str, tenant: TenantHandle
) -> None:
    users = [f"p{i}" for i in range(20)]
    await setup_users(tenant, users, 50)
    r = await tenant.put(
        "offers", "gift", {"title": "Gift", "points": 20, "couponTemplate": {"codePool": True}}
    )
    assert r.status_code == 200
    pool = [f"GIFT-{i:03d}" for i in range(10)]
    r = await tenant.client.post("/v1/admin/offers/gift/codes", json=pool, headers=tenant.admin)
    assert r.status_code == 201, r.text
    coupons = ok(await fire(live_server, tenant, "gift", users))
    codes = [c["metadata"]["code"] for c in coupons]
    assert sorted(codes) == pool
    r = await tenant.client.get("/v1/admin/offers/gift/codes", headers=tenant.admin)
    assert r.json() == {"offerId": "gift", "total": 10, "available": 0, "claimed": 10}
    balances = [
        (await tenant.client.get(f"/v1/user/{u}/points", headers=tenant.admin)).json()["points"]
        for u in users
    ]
    assert sorted(balances) == [30] * 10 + [50] * 10
    assert await ledger.verify(app.state.services.stores, tenant_id=tenant.tenant_id) == []


async def redeem_one_coupon_twenty_times(base_url: str, app: Any, tenant: TenantHandle) -> None:
    await setup_users(tenant, ["taker"], 10)
    assert (await tenant.put("offers", "tea", {"title": "Tea", "points": 0})).status_code == 200
    r = await tenant.client.post("/v1/user/taker/offer/tea/redeem", headers=tenant.user("taker"))
    assert r.status_code == 200, r.text
    sk = r.json()["coupon"]["SK"]
    coupon_id = int(sk.removeprefix("COUPON#"))
    body = {"userId": "taker", "SK": sk}  # the seed's request body
    started = int(time.time() * 1000)
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as http:
        responses = await asyncio.gather(
            *(
                http.put(f"/v1/user/taker/coupon/{coupon_id}", json=body, headers=tenant.user("taker"))
                for _ in range(20)
            )
        )
    finished = int(time.time() * 1000)
    print(f"coupon race: 20 PUTs in {(finished - started) / 1000:.2f} s")  # the figure in the docs
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200] + [400] * 19, [r.text for r in responses if r.status_code >= 500]
    assert [r.json() for r in responses if r.status_code == 200] == [{"redeemed": True}]
    assert {r.json()["message"] for r in responses if r.status_code == 400} == {
        "the coupon is already redeemed"
    }
    async with app.state.runtime.database.read() as conn:
        rows = (
            (await conn.execute(select(coupon_table).where(coupon_table.c.tenant_id == tenant.tenant_id)))
            .mappings()
            .all()
        )
    assert [(row["id"], row["redeemed"]) for row in rows] == [(coupon_id, True)]
    assert started <= rows[0]["redeemed_at"] <= finished  # the one winner's stamp, set by the server
    assert await open_coupons(tenant, ["taker"]) == 0


async def test_one_coupon_put_twenty_times_in_parallel_is_redeemed_once(
    app: Any, live_server: str, tenant: TenantHandle
) -> None:
    await redeem_one_coupon_twenty_times(live_server, app, tenant)


@pytest.mark.postgres_only
async def test_two_server_processes_on_postgresql_keep_the_stock(
    app: Any, database_url: str, tenant: TenantHandle
) -> None:
    with start_live_server(database_url, workers=2) as base_url:
        await stock_of_five(base_url, app, tenant)


@pytest.mark.postgres_only
async def test_two_server_processes_on_postgresql_redeem_a_coupon_once(
    app: Any, database_url: str, tenant: TenantHandle
) -> None:
    with start_live_server(database_url, workers=2) as base_url:
        await redeem_one_coupon_twenty_times(base_url, app, tenant)
