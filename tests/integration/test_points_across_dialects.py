"""One ledger, several faces: Emporix reward points are the Lynes points balance."""

from __future__ import annotations

from loyalty.core.timeutil import iso_utc
from tests.support import TenantHandle

NOW = 1_800_000_000_000
DAY = 86_400_000


async def test_points_added_through_emporix_are_the_lynes_balance(tenant: TenantHandle) -> None:
    manager = tenant.user("employee", "rewardspoints.rewardpoints_manage")
    r = await tenant.client.post(
        "/reward-points/customer/user_123/addPoints", json={"points": 150}, headers=manager
    )
    assert r.status_code == 201
    await tenant.client.post(
        "/reward-points/customer/user_123/redeemPoints", json={"points": 40}, headers=manager
    )
    for prefix in ("/v1", "/v3"):
        r = await tenant.client.get(f"{prefix}/user/user_123/points", headers=tenant.user("user_123"))
        assert r.json() == {"userId": "user_123", "points": 110, "userExists": True, "pendingPoints": 0}


async def test_expired_emporix_points_are_gone_from_the_lynes_balance(tenant: TenantHandle, clock) -> None:
    clock.set(NOW)
    manager = tenant.user("employee", "rewardspoints.rewardpoints_manage")
    await tenant.client.post(
        "/reward-points/customer/u/addPoints",
        json={"points": 100, "validUntil": iso_utc(NOW + DAY)},
        headers=manager,
    )
    await tenant.client.post("/reward-points/customer/u/addPoints", json={"points": 5}, headers=manager)
    clock.set(NOW + DAY)
    r = await tenant.client.get("/v1/user/u/points", headers=tenant.user("u"))
    assert r.json()["points"] == 5
