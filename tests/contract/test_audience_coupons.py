"""Seed 001 "Get coupon data by id": ``GET /api/loyalty/coupons/{couponId}`` for the signed-in user."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.support import TenantHandle


async def issue(tenant: TenantHandle, user_id: str, offer_id: str, **fields: Any) -> str:
    body = {"title": "10% Discount", "type": "ONLINE", "points": 0, **fields}
    r = await tenant.put("offers", offer_id, body)
    assert r.status_code == 200, r.text
    r = await tenant.client.post(f"/v1/user/{user_id}/offer/{offer_id}/redeem", headers=tenant.user(user_id))
    assert r.status_code == 200, r.text
    return str(r.json()["coupon"]["SK"]).removeprefix("COUPON#")


async def test_coupon_by_id_has_the_seed_shape(tenant: TenantHandle) -> None:
    await tenant.create_user("user_123")
    template = {"codePattern": "WEB-####", "link": "https://shop.example/c", "showOnNotification": False}
    cid = await issue(tenant, "user_123", "discount", couponTemplate=template)
    r = await tenant.client.get(f"/api/loyalty/coupons/{cid}", headers=tenant.user("user_123"))
    assert r.status_code == 200, r.text
    body = r.json()
    code = body["data"]["coupon_code"]
    assert re.fullmatch(r"WEB-\d{4}", code)
    assert body == {
        "message": "OK",
        "data": {
            "id": cid,
            "title": "10% Discount",
            "link": "https://shop.example/c",
            "coupon_id": "discount",
            "coupon_type": "ONLINE",
            "coupon_code": code,
            "showOnNotification": False,
        },
    }
    # The SK form of the id is accepted too.
    r = await tenant.client.get(f"/api/loyalty/coupons/COUPON%23{cid}", headers=tenant.user("user_123"))
    assert r.json() == body


async def test_defaults_without_a_template(tenant: TenantHandle) -> None:
    await tenant.create_user("user_123")
    cid = await issue(tenant, "user_123", "plain")
    data = (await tenant.client.get(f"/api/loyalty/coupons/{cid}", headers=tenant.user("user_123"))).json()[
        "data"
    ]
    assert (data["link"], data["showOnNotification"], data["coupon_type"]) == (None, True, "ONLINE")


async def test_someone_elses_or_unknown_coupon_is_404(tenant: TenantHandle) -> None:
    await tenant.create_user("user_123")
    await tenant.create_user("other")
    cid = await issue(tenant, "user_123", "discount")
    r = await tenant.client.get(f"/api/loyalty/coupons/{cid}", headers=tenant.user("other"))
    assert r.status_code == 404
    assert r.json() == {
        "message": f"coupon '{cid}' does not exist",
        "data": {"code": "not_found", "field": None},
    }
    r = await tenant.client.get("/api/loyalty/coupons/999999", headers=tenant.user("user_123"))
    assert r.status_code == 404


@pytest.mark.parametrize("coupon_id", ["abc", "COUPON%23abc", "-1", "1.5", "9" * 40, "%C2%B2"])
async def test_an_id_that_is_not_one_of_the_users_coupons_is_404_whatever_its_form(
    tenant: TenantHandle, coupon_id: str
) -> None:
    # Seed 001: "GET /api/loyalty/coupons/{couponId}" with "couponId string Required - ID of the
    # coupon". Any string is an id; one that names none of the user's coupons is not found (a 400
    # would tell the caller what our ids look like).
    await tenant.create_user("user_123")
    r = await tenant.client.get(f"/api/loyalty/coupons/{coupon_id}", headers=tenant.user("user_123"))
    assert r.status_code == 404
    assert r.json()["data"] == {"code": "not_found", "field": None}
    assert r.json()["message"].endswith("' does not exist")


async def test_no_token_401_and_api_key_403(tenant: TenantHandle) -> None:
    assert (await tenant.client.get("/api/loyalty/coupons/1")).status_code == 401
    assert (await tenant.client.get("/api/loyalty/coupons/1", headers=tenant.admin)).status_code == 403
