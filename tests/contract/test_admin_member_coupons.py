"""Granting and revoking a member's coupon through the admin API, and what each face shows after."""

from __future__ import annotations

from typing import Any

from tests.support import Clock, TenantHandle

GRANTS = "/v1/admin/users/ann/coupons"


async def setup(tenant: TenantHandle, offer: dict[str, Any] | None = None) -> None:
    await tenant.create_user("ann")
    body = offer or {"title": "Free coffee", "points": 100}
    assert (await tenant.put("offers", "coffee", body)).status_code == 200


async def grant(tenant: TenantHandle, reason: str = "late delivery") -> dict[str, Any]:
    r = await tenant.client.post(GRANTS, json={"offerId": "coffee", "reason": reason}, headers=tenant.admin)
    assert r.status_code == 201, r.text
    return dict(r.json())


async def revoke(tenant: TenantHandle, coupon_id: str, reason: str = "sent by mistake") -> Any:
    return await tenant.client.post(
        f"{GRANTS}/{coupon_id.replace('#', '%23')}/revoke", json={"reason": reason}, headers=tenant.admin
    )


async def audit_of(tenant: TenantHandle, action: str) -> list[dict[str, Any]]:
    records = (await tenant.client.get("/v1/admin/audit", headers=tenant.admin)).json()
    return [a for a in records if a["action"] == action]


async def test_a_granted_coupon_costs_no_points_and_is_the_members_open_coupon(tenant: TenantHandle) -> None:
    await setup(tenant)
    done = await grant(tenant)
    assert done["userId"] == "ann"
    assert done["offerId"] == "coffee"
    assert done["reason"] == "late delivery"
    assert done["couponId"].startswith("COUPON#")
    assert done["revokedAt"] is None
    points = (await tenant.client.get("/v1/user/ann/points", headers=tenant.admin)).json()
    assert points["points"] == 0
    listed = (await tenant.client.get("/v1/user/ann/coupon", headers=tenant.admin)).json()
    assert [(c["SK"], c["metadata"]["code"]) for c in listed] == [(done["couponId"], done["code"])]
    history = (await tenant.client.get("/v1/user/ann/history?showAll=true", headers=tenant.admin)).json()
    offer_lines = [h for h in history if h.get("type") == "OFFER"]
    assert [h["points"] for h in offer_lines] == [0]
    [record] = await audit_of(tenant, "coupon.grant")
    assert record["actor"] == "api-key:admin"
    assert record["target"] == f"users/ann/coupons/{done['couponId'].removeprefix('COUPON#')}"
    assert record["after"] == {"offerId": "coffee", "code": done["code"], "reason": "late delivery"}


async def test_a_revoked_coupon_leaves_the_lynes_list_and_is_refused_on_redeem(tenant: TenantHandle) -> None:
    await setup(tenant)
    done = await grant(tenant)
    r = await revoke(tenant, done["couponId"])
    assert r.status_code == 200, r.text
    assert r.json()["reason"] == "sent by mistake"
    assert isinstance(r.json()["revokedAt"], int)
    assert (await tenant.client.get("/v1/user/ann/coupon", headers=tenant.admin)).json() == []
    number = done["couponId"].removeprefix("COUPON#")
    redeem = await tenant.client.put(
        f"/v1/user/ann/coupon/{number}",
        json={"userId": "ann", "SK": done["couponId"]},
        headers=tenant.user("ann"),
    )
    assert redeem.status_code == 400
    assert redeem.json()["message"] == "the coupon was revoked"
    states = (await tenant.client.get(GRANTS, headers=tenant.admin)).json()
    assert [(c["couponId"], c["state"], c["revokeReason"]) for c in states] == [
        (done["couponId"], "revoked", "sent by mistake")
    ]
    [record] = await audit_of(tenant, "coupon.revoke")
    assert record["before"] == {
        "couponId": number,
        "code": done["code"],
        "offerId": "coffee",
        "state": "open",
    }
    assert record["after"] == {"state": "revoked", "reason": "sent by mistake"}


async def test_the_audience_face_answers_a_revoked_coupon_as_not_found(tenant: TenantHandle) -> None:
    await setup(tenant)
    done = await grant(tenant)
    number = done["couponId"].removeprefix("COUPON#")
    before = await tenant.client.get(f"/api/loyalty/coupons/{number}", headers=tenant.user("ann"))
    assert before.status_code == 200
    assert before.json()["data"]["coupon_code"] == done["code"]
    assert (await revoke(tenant, done["couponId"])).status_code == 200
    after = await tenant.client.get(f"/api/loyalty/coupons/{number}", headers=tenant.user("ann"))
    assert after.status_code == 404


async def test_a_coupon_is_revoked_once_and_a_redeemed_one_never(tenant: TenantHandle) -> None:
    await setup(tenant)
    first, second = await grant(tenant), await grant(tenant)
    assert (await revoke(tenant, first["couponId"])).status_code == 200
    again = await revoke(tenant, first["couponId"])
    assert again.status_code == 409
    assert (
        again.json()["message"] == "the coupon is already revoked: only an unredeemed coupon can be revoked"
    )
    number = second["couponId"].removeprefix("COUPON#")
    redeemed = await tenant.client.put(
        f"/v1/user/ann/coupon/{number}",
        json={"userId": "ann", "SK": second["couponId"]},
        headers=tenant.admin,
    )
    assert redeemed.status_code == 200, redeemed.text
    refused = await revoke(tenant, second["couponId"])
    assert refused.status_code == 409
    assert (
        refused.json()["message"]
        == "the coupon is already redeemed: only an unredeemed coupon can be revoked"
    )
    missing = await revoke(tenant, "COUPON#999999")
    assert missing.status_code == 404
    assert len(await audit_of(tenant, "coupon.revoke")) == 1


async def test_a_grant_needs_a_reason_and_a_known_offer_in_its_window(
    tenant: TenantHandle, clock: Clock
) -> None:
    await setup(tenant)
    no_reason = await tenant.client.post(
        GRANTS, json={"offerId": "coffee", "reason": " "}, headers=tenant.admin
    )
    assert no_reason.status_code == 400
    assert no_reason.json()["message"] == "'reason' is required: say why the member gets this coupon"
    unknown = await tenant.client.post(GRANTS, json={"offerId": "tea", "reason": "x"}, headers=tenant.admin)
    assert unknown.status_code == 404
    assert unknown.json()["message"] == "offer 'tea' does not exist"
    ended = clock() - 1000
    assert (
        await tenant.put("offers", "old", {"title": "Old", "points": 1, "validUntil": ended})
    ).status_code == 200
    late = await tenant.client.post(GRANTS, json={"offerId": "old", "reason": "x"}, headers=tenant.admin)
    assert late.status_code == 400
    assert late.json()["message"] == "the offer has expired"
    assert (await tenant.client.get(GRANTS, headers=tenant.admin)).json() == []


async def test_an_inactive_offer_may_be_granted_but_its_stock_still_counts(tenant: TenantHandle) -> None:
    await setup(tenant, {"title": "Goodwill", "points": 500, "stock": 1, "status": "INACTIVE"})
    await grant(tenant)
    second = await tenant.client.post(
        GRANTS, json={"offerId": "coffee", "reason": "again"}, headers=tenant.admin
    )
    assert second.status_code == 400
    assert "stock" in second.json()["message"]
    assert len((await tenant.client.get(GRANTS, headers=tenant.admin)).json()) == 1


async def test_a_plain_user_token_may_neither_grant_nor_revoke(tenant: TenantHandle) -> None:
    await setup(tenant)
    own = await tenant.client.post(
        GRANTS, json={"offerId": "coffee", "reason": "me"}, headers=tenant.user("ann")
    )
    assert own.status_code == 403
    done = await grant(tenant)
    r = await tenant.client.post(
        f"{GRANTS}/{done['couponId'].removeprefix('COUPON#')}/revoke",
        json={"reason": "me"},
        headers=tenant.user("ann"),
    )
    assert r.status_code == 403
    managed = await tenant.client.post(
        f"{GRANTS}/{done['couponId'].removeprefix('COUPON#')}/revoke",
        json={"reason": "support"},
        headers=tenant.manager(),
    )
    assert managed.status_code == 200
