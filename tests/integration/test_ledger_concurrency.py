"""No double spend: real parallel HTTP requests against real server processes on one database."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from loyalty.app.ledger import ledger
from tests.support import TenantHandle, start_live_server

BASE = "/reward-points"


async def fifty_redemptions_of_100(base_url: str, tenant: TenantHandle) -> list[int]:
    headers = tenant.user("employee", "rewardspoints.rewardpoints_manage")
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as http:
        r = await http.post(f"{BASE}/customer/rich/addPoints", json={"points": 1000}, headers=headers)
        assert r.status_code == 201, r.text
        responses = await asyncio.gather(
            *(
                http.post(f"{BASE}/customer/rich/redeemPoints", json={"points": 100}, headers=headers)
                for _ in range(50)
            )
        )
        balance = await http.get(f"{BASE}/customer/rich", headers=headers)
    assert balance.json() == 0
    return sorted(r.status_code for r in responses)


async def test_fifty_parallel_redemptions_of_100_from_1000_points_succeed_exactly_ten_times(
    app: Any, live_server: str, tenant: TenantHandle
) -> None:
    statuses = await fifty_redemptions_of_100(live_server, tenant)
    assert statuses == [201] * 10 + [400] * 40
    assert await ledger.verify(app.state.services.stores, tenant_id=tenant.tenant_id) == []


@pytest.mark.postgres_only
async def test_two_server_processes_on_one_postgresql_do_not_double_spend(
    app: Any, database_url: str, tenant: TenantHandle
) -> None:
    with start_live_server(database_url, workers=2) as base_url:
        statuses = await fifty_redemptions_of_100(base_url, tenant)
    assert statuses == [201] * 10 + [400] * 40
    assert await ledger.verify(app.state.services.stores, tenant_id=tenant.tenant_id) == []


async def test_parallel_storefront_redemptions_never_overdraw(
    app: Any, live_server: str, tenant: TenantHandle
) -> None:
    manager = tenant.user("employee", "rewardspoints.rewardpoints_manage")
    shopper = tenant.user("shopper")
    async with httpx.AsyncClient(base_url=live_server, timeout=60) as http:
        r = await http.post(
            f"{BASE}/{tenant.name}/redeemOptions",
            json={"id": "voucher", "type": "coupon", "name": "Voucher", "points": 90},
            headers=manager,
        )
        assert r.status_code == 200, r.text
        await http.post(f"{BASE}/customer/shopper/addPoints", json={"points": 450}, headers=manager)
        responses = await asyncio.gather(
            *(
                http.post(f"{BASE}/public/customer/redeem", json={"id": "voucher"}, headers=shopper)
                for _ in range(20)
            )
        )
        left = (await http.get(f"{BASE}/public/customer", headers=shopper)).json()
    codes = [r.json()["code"] for r in responses if r.status_code == 200]
    assert len(codes) == 5
    assert len(set(codes)) == 5
    assert left == 0
    assert await ledger.verify(app.state.services.stores, tenant_id=tenant.tenant_id) == []
