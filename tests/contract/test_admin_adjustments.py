"""``POST /v1/admin/users/{userId}/adjustments``: manual points changes with a reason."""

from __future__ import annotations

from tests.support import TenantHandle


async def test_adjustment_credits_points_and_answers_the_new_balance(tenant: TenantHandle) -> None:
    await tenant.create_user("ann")
    r = await tenant.client.post(
        "/v1/admin/users/ann/adjustments", json={"points": 75, "reason": "welcome gift"}, headers=tenant.admin
    )
    assert r.status_code == 201
    body = r.json()
    assert (body["userId"], body["points"], body["balance"], body["reason"]) == (
        "ann",
        75,
        75,
        "welcome gift",
    )
    points = await tenant.client.get("/v1/user/ann/points", headers=tenant.admin)
    assert points.json() == {"userId": "ann", "points": 75, "userExists": True, "pendingPoints": 0}


async def test_negative_adjustment_debits_and_is_audited(tenant: TenantHandle) -> None:
    await tenant.create_user("ann")
    url = "/v1/admin/users/ann/adjustments"
    await tenant.client.post(url, json={"points": 50, "reason": "gift"}, headers=tenant.admin)
    r = await tenant.client.post(url, json={"points": -30, "reason": "returned order"}, headers=tenant.admin)
    assert r.json()["balance"] == 20
    audit = next(
        a
        for a in (await tenant.client.get("/v1/admin/audit", headers=tenant.admin)).json()
        if a["target"] == "users/ann/points"
    )
    assert (audit["action"], audit["target"], audit["actor"]) == (
        "points.adjust",
        "users/ann/points",
        "api-key:admin",
    )
    assert audit["before"] == {"balance": 50}
    assert audit["after"] == {"balance": 20, "amount": -30, "reference": None, "reason": "returned order"}


async def test_adjustment_below_zero_is_refused(tenant: TenantHandle) -> None:
    await tenant.create_user("ann")
    r = await tenant.client.post(
        "/v1/admin/users/ann/adjustments", json={"points": -1, "reason": "x"}, headers=tenant.admin
    )
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "points"


async def test_reason_is_required(tenant: TenantHandle) -> None:
    await tenant.create_user("ann")
    r = await tenant.client.post(
        "/v1/admin/users/ann/adjustments", json={"points": 5, "reason": "  "}, headers=tenant.admin
    )
    assert r.status_code == 400
    assert r.json()["message"] == "'reason' is required: say why the points change"
    assert r.json()["data"]["field"] == "reason"


async def test_zero_points_is_refused(tenant: TenantHandle) -> None:
    await tenant.create_user("ann")
    r = await tenant.client.post(
        "/v1/admin/users/ann/adjustments", json={"points": 0, "reason": "x"}, headers=tenant.admin
    )
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "points"


async def test_unknown_user_is_404(tenant: TenantHandle) -> None:
    r = await tenant.client.post(
        "/v1/admin/users/ghost/adjustments", json={"points": 5, "reason": "x"}, headers=tenant.admin
    )
    assert r.status_code == 404


async def test_a_user_token_cannot_adjust_its_own_points(tenant: TenantHandle) -> None:
    await tenant.create_user("ann")
    r = await tenant.client.post(
        "/v1/admin/users/ann/adjustments", json={"points": 500, "reason": "me"}, headers=tenant.user("ann")
    )
    assert r.status_code == 403


async def test_a_manage_token_may_adjust(tenant: TenantHandle) -> None:
    await tenant.create_user("ann")
    r = await tenant.client.post(
        "/v1/admin/users/ann/adjustments", json={"points": 5, "reason": "support"}, headers=tenant.manager()
    )
    assert r.status_code == 201
