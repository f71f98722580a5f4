"""Seed 000 offers and coupons (feed, redeemable, redeem, coupons) and the offers' code pools."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from sqlalchemy import select

from loyalty.storage.messaging.ops_tables import webhook_outbox
from loyalty.storage.offers.coupon_tables import coupons as coupon_table
from tests.support import Clock, TenantHandle
from tests.webhook_receiver import STANDARD_SECRET

DAY = 86_400_000
NOW = 1_800_000_000_000
COFFEE = {
    "title": "Free Coffee",
    "description": "Get a free coffee with any purchase",
    "type": "LOCAL",
    "points": 100,
    "shopId": "shop_1",
}


async def offer(tenant: TenantHandle, offer_id: str, **fields: Any) -> dict[str, Any]:
    r = await tenant.put("offers", offer_id, {**COFFEE, **fields})
    assert r.status_code == 200, r.text
    return r.json()


async def give(tenant: TenantHandle, user_id: str, points: int) -> None:
    r = await tenant.client.post("/v1/user", json={"userId": user_id}, headers=tenant.admin)
    assert r.status_code in (201, 400), r.text
    r = await tenant.client.post(
        f"/v1/admin/users/{user_id}/adjustments",
        json={"points": points, "reason": "test"},
        headers=tenant.admin,
    )
    assert r.status_code == 201, r.text


async def balance(tenant: TenantHandle, user_id: str) -> int:
    r = await tenant.client.get(f"/v1/user/{user_id}/points", headers=tenant.admin)
    assert r.status_code == 200, r.text
    return int(r.json()["points"])


async def redeem(tenant: TenantHandle, user_id: str, offer_id: str, **kw: Any) -> Any:
    return await tenant.client.post(
        f"/v1/user/{user_id}/offer/{offer_id}/redeem", headers=tenant.user(user_id), **kw
    )


async def coupons(tenant: TenantHandle, user_id: str) -> list[dict[str, Any]]:
    r = await tenant.client.get(f"/v1/user/{user_id}/coupon", headers=tenant.user(user_id))
    assert r.status_code == 200, r.text
    return r.json()


async def check(tenant: TenantHandle, user_id: str, offer_id: str) -> dict[str, Any]:
    r = await tenant.client.get(
        f"/v1/user/{user_id}/offer/{offer_id}/redeemable", headers=tenant.user(user_id)
    )
    assert r.status_code == 200, r.text
    return r.json()


# Offer definitions.


async def test_an_offer_with_every_field_is_stored(tenant: TenantHandle) -> None:
    body = {
        **COFFEE,
        "validFrom": NOW,
        "validUntil": NOW + DAY,
        "stock": 5,
        "perUserLimit": 2,
        "couponTemplate": {
            "title": "Coffee voucher",
            "description": "Show at the counter",
            "validDays": 30,
            "codePattern": "CAFE-####",
            "link": "https://shop.example/coffee",
            "showOnNotification": False,
        },
    }
    r = await tenant.put("offers", "coffee", body)
    assert r.status_code == 200, r.text
    got = (await tenant.client.get("/v1/admin/offers/coffee", headers=tenant.admin)).json()
    assert {k: got[k] for k in body} == body


async def test_invalid_offer_definitions_are_400_naming_the_field(tenant: TenantHandle) -> None:
    cases = [
        ({"points": -1}, "points"),
        ({"stock": -1}, "stock"),
        ({"perUserLimit": 0}, "perUserLimit"),
        ({"type": ""}, "type"),
        ({"validFrom": NOW, "validUntil": NOW}, "validUntil"),
        ({"couponTemplate": {"validDays": 0}}, "couponTemplate.validDays"),
        ({"couponTemplate": {"codePattern": "NOHASH"}}, "couponTemplate.codePattern"),
        ({"couponTemplate": {"codePattern": "A B #"}}, "couponTemplate.codePattern"),
        ({"couponTemplate": {"codePattern": "A-##", "codePool": True}}, "couponTemplate.codePattern"),
    ]
    for fields, field in cases:
        r = await tenant.put("offers", "bad", {**COFFEE, **fields})
        assert r.status_code == 400, (fields, r.text)
        assert field in r.json()["message"] or r.json()["data"]["field"] == field, (fields, r.json())
    r = await tenant.put("offers", "bad", {**COFFEE, "couponTemplate": {"colour": "red"}})
    assert r.status_code == 400
    assert "colour" in r.json()["message"]
    assert (await tenant.client.get("/v1/admin/offers/bad", headers=tenant.admin)).status_code == 404


# Feed.


async def test_feed_lists_active_running_offers_filtered_by_type(tenant: TenantHandle, clock: Clock) -> None:
    clock.set(NOW)
    await offer(tenant, "coffee")
    await offer(tenant, "shirt", title="Shirt", type="ONLINE", points=500)
    await offer(tenant, "old", validUntil=NOW - 1)
    await offer(tenant, "off", status="INACTIVE")
    await tenant.create_user("user_123")
    r = await tenant.client.get("/v1/user/user_123/offer/feed", headers=tenant.user("user_123"))
    assert r.status_code == 200
    assert [o["offerId"] for o in r.json()] == ["coffee", "shirt"]
    r = await tenant.client.get("/v1/user/user_123/offer/feed?type=LOCAL", headers=tenant.user("user_123"))
    # The seed's sample item, field for field.
    assert r.json() == [{"offerId": "coffee", **COFFEE}]
    r = await tenant.client.get("/v1/user/user_123/offer/feed?type=NONE", headers=tenant.user("user_123"))
    assert r.json() == []


async def test_feed_of_another_user_is_403_and_without_a_token_401(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/v1/user/someone/offer/feed", headers=tenant.user("me"))
    assert r.status_code == 403
    assert r.json()["statusCode"] == 403
    assert (await tenant.client.get("/v1/user/me/offer/feed")).status_code == 401


# Redeemable.


async def test_redeemable_says_yes_when_everything_is_fine(tenant: TenantHandle) -> None:
    await offer(tenant, "coffee", stock=3, perUserLimit=2)
    await give(tenant, "user_123", 150)
    assert await check(tenant, "user_123", "coffee") == {
        "offerId": "coffee",
        "redeemable": True,
        "reasons": [],
        "messages": [],
        "points": 100,
        "userPoints": 150,
        "stockLeft": 3,
        "userRedemptions": 0,
        "perUserLimit": 2,
    }


async def test_redeemable_names_every_reason_that_applies(tenant: TenantHandle, clock: Clock) -> None:
    clock.set(NOW)
    await offer(tenant, "gone", validUntil=NOW - 1, stock=0)
    await give(tenant, "user_123", 10)
    got = await check(tenant, "user_123", "gone")
    assert got["redeemable"] is False
    assert got["reasons"] == ["EXPIRED", "NOT_ENOUGH_POINTS", "OUT_OF_STOCK"]
    assert got["messages"] == ["the offer has expired", "not enough points", "the offer is out of stock"]
    await offer(tenant, "soon", validFrom=NOW + DAY, points=5)
    assert (await check(tenant, "user_123", "soon"))["reasons"] == ["NOT_YET_VALID"]


async def test_redeemable_reports_the_per_user_limit(tenant: TenantHandle) -> None:
    await offer(tenant, "coffee", perUserLimit=1)
    await give(tenant, "user_123", 300)
    assert (await redeem(tenant, "user_123", "coffee")).status_code == 200
    got = await check(tenant, "user_123", "coffee")
    assert (got["reasons"], got["userRedemptions"]) == (["LIMIT_REACHED"], 1)


async def test_redeemable_of_unknown_offer_or_user_is_404(tenant: TenantHandle) -> None:
    await offer(tenant, "coffee")
    r = await tenant.client.get("/v1/user/ghost/offer/coffee/redeemable", headers=tenant.admin)
    assert r.status_code == 404
    await tenant.create_user("user_123")
    r = await tenant.client.get("/v1/user/user_123/offer/nope/redeemable", headers=tenant.admin)
    assert r.status_code == 404
    assert r.json()["message"] == "offer 'nope' does not exist"


# Redeem.


async def test_redeem_debits_issues_the_coupon_and_writes_history(app: Any, tenant: TenantHandle) -> None:
    hook = {"url": "http://127.0.0.1:9/hook", "secret": STANDARD_SECRET, "eventTypes": ["coupon.issued"]}
    assert (await tenant.put("webhooks", "crm", hook)).status_code == 200
    await offer(tenant, "coffee", couponTemplate={"codePattern": "CAFE-####", "validDays": 7})
    await give(tenant, "user_123", 150)
    r = await redeem(tenant, "user_123", "coffee", json={"metadata": {"source": "app"}})
    assert r.status_code == 200, r.text
    body = r.json()
    coupon = body["coupon"]
    assert re.fullmatch(r"CAFE-\d{4}", coupon["metadata"]["code"])
    assert (body["redeemed"], body["offerId"], body["points"], body["balance"]) == (True, "coffee", 100, 50)
    assert coupon["PK"] == "USER#user_123#COUPON"
    assert re.fullmatch(r"COUPON#\d+", coupon["SK"])
    assert await balance(tenant, "user_123") == 50
    assert await coupons(tenant, "user_123") == [coupon]
    assert coupon["metadata"] == {
        "shopId": "shop_1",
        "context": {"source": "app"},
        "code": coupon["metadata"]["code"],
        "offerId": "coffee",
    }
    history = (await tenant.client.get("/v1/user/user_123/history", headers=tenant.admin)).json()
    offers_seen = [h for h in history if h["type"] == "OFFER"]
    assert [(h["points"], h["title"]) for h in offers_seen] == [(-100, "Free Coffee")]
    async with app.state.runtime.database.read() as conn:
        rows = (
            (await conn.execute(select(webhook_outbox).where(webhook_outbox.c.tenant_id == tenant.tenant_id)))
            .mappings()
            .all()
        )
    [event] = [json.loads(r["body"]) for r in rows]
    assert event["type"] == "coupon.issued"
    assert event["data"]["userId"] == "user_123"
    assert event["data"]["code"] == coupon["metadata"]["code"]
    assert event["data"]["couponId"] == coupon["SK"].removeprefix("COUPON#")


async def test_a_refused_redemption_changes_nothing(tenant: TenantHandle) -> None:
    await offer(tenant, "coffee", stock=1, perUserLimit=1)
    await give(tenant, "user_123", 99)
    r = await redeem(tenant, "user_123", "coffee")
    assert r.status_code == 400
    assert r.json() == {
        "statusCode": 400,
        "message": "not enough points",
        "data": {"code": "insufficient_points", "field": "points"},
    }
    assert await balance(tenant, "user_123") == 99
    assert await coupons(tenant, "user_123") == []
    # Neither the stock nor the user's limit was used up by the refusal.
    await give(tenant, "user_123", 1)
    assert (await redeem(tenant, "user_123", "coffee")).status_code == 200
    assert await balance(tenant, "user_123") == 0


async def test_stock_and_per_user_limit_are_enforced(tenant: TenantHandle) -> None:
    await offer(tenant, "coffee", points=10, stock=2, perUserLimit=1)
    for user in ("a", "b", "c"):
        await give(tenant, user, 100)
    assert (await redeem(tenant, "a", "coffee")).status_code == 200
    r = await redeem(tenant, "a", "coffee")
    assert (r.status_code, r.json()["data"]["code"]) == (400, "limit_reached")
    assert (await redeem(tenant, "b", "coffee")).status_code == 200
    r = await redeem(tenant, "c", "coffee")
    assert (r.status_code, r.json()["message"]) == (400, "the offer is out of stock")
    assert [await balance(tenant, u) for u in ("a", "b", "c")] == [90, 90, 100]


async def test_redeem_outside_the_window_is_400(tenant: TenantHandle, clock: Clock) -> None:
    clock.set(NOW)
    await offer(tenant, "late", validUntil=NOW, points=0)
    await tenant.create_user("user_123")
    r = await redeem(tenant, "user_123", "late")
    assert (r.status_code, r.json()["message"]) == (400, "the offer has expired")


async def test_redeem_statuses_for_unknown_offer_other_user_and_no_token(tenant: TenantHandle) -> None:
    await give(tenant, "user_123", 100)
    assert (await redeem(tenant, "user_123", "nope")).status_code == 404
    await offer(tenant, "coffee")
    r = await tenant.client.post("/v1/user/user_123/offer/coffee/redeem", headers=tenant.user("other"))
    assert r.status_code == 403
    assert (await tenant.client.post("/v1/user/user_123/offer/coffee/redeem")).status_code == 401
    r = await tenant.client.post(
        "/v1/user/user_123/offer/coffee/redeem", json={"metadata": 5}, headers=tenant.user("user_123")
    )
    assert r.status_code == 400
    assert await balance(tenant, "user_123") == 100


# Coupons.


async def test_coupons_are_only_unredeemed_and_unexpired(tenant: TenantHandle, clock: Clock) -> None:
    clock.set(NOW)
    await offer(tenant, "short", points=0, couponTemplate={"validDays": 1})
    await offer(tenant, "long", points=0, title="Long")
    await tenant.create_user("user_123")
    short = (await redeem(tenant, "user_123", "short")).json()["coupon"]
    long = (await redeem(tenant, "user_123", "long")).json()["coupon"]
    assert short["validUntil"] == NOW + DAY
    assert long["validUntil"] == NOW + 365 * DAY  # no validity configured: the tenant's default
    assert [c["SK"] for c in await coupons(tenant, "user_123")] == [short["SK"], long["SK"]]
    clock.set(NOW + DAY)
    assert [c["SK"] for c in await coupons(tenant, "user_123")] == [long["SK"]]
    # An expired coupon cannot be redeemed either.
    cid = short["SK"].removeprefix("COUPON#")
    r = await tenant.client.put(
        f"/v1/user/user_123/coupon/{cid}",
        json={"userId": "user_123", "SK": short["SK"]},
        headers=tenant.user("user_123"),
    )
    assert (r.status_code, r.json()["message"]) == (400, "the coupon has expired")


async def test_redeem_a_coupon_once(tenant: TenantHandle) -> None:
    await offer(tenant, "coffee", points=0)
    await tenant.create_user("user_123")
    coupon = (await redeem(tenant, "user_123", "coffee")).json()["coupon"]
    cid = coupon["SK"].removeprefix("COUPON#")
    path = f"/v1/user/user_123/coupon/{cid}"
    body = {"userId": "user_123", "SK": coupon["SK"]}  # the seed's request body
    r = await tenant.client.put(path, json=body, headers=tenant.user("user_123"))
    assert (r.status_code, r.json()) == (200, {"redeemed": True})
    assert await coupons(tenant, "user_123") == []
    r = await tenant.client.put(path, json=body, headers=tenant.user("user_123"))
    assert r.status_code == 400
    assert r.json()["message"] == "the coupon is already redeemed"


async def test_redeem_coupon_input_errors(tenant: TenantHandle) -> None:
    await offer(tenant, "coffee", points=0)
    await tenant.create_user("user_123")
    coupon = (await redeem(tenant, "user_123", "coffee")).json()["coupon"]
    cid = coupon["SK"].removeprefix("COUPON#")
    me = tenant.user("user_123")
    r = await tenant.client.put(
        f"/v1/user/user_123/coupon/{cid}", json={"userId": "user_123", "SK": "COUPON#999999"}, headers=me
    )
    assert (r.status_code, r.json()["data"]["field"]) == (400, "SK")
    r = await tenant.client.put(f"/v1/user/user_123/coupon/{cid}", json={"userId": "user_123"}, headers=me)
    assert (r.status_code, r.json()["data"]["field"]) == (400, "SK")
    r = await tenant.client.put(
        f"/v1/user/user_123/coupon/{cid}", json={"SK": coupon["SK"], "userId": "x"}, headers=me
    )
    assert (r.status_code, r.json()["data"]["field"]) == (400, "userId")
    r = await tenant.client.put(
        "/v1/user/user_123/coupon/abc", json={"userId": "user_123", "SK": "COUPON#abc"}, headers=me
    )
    assert (r.status_code, r.json()["data"]["field"]) == (400, "couponId")
    r = await tenant.client.put(
        "/v1/user/user_123/coupon/999999", json={"userId": "user_123", "SK": "COUPON#999999"}, headers=me
    )
    assert r.status_code == 404
    # Someone else's coupon is not theirs to redeem.
    await tenant.create_user("other")
    r = await tenant.client.put(
        f"/v1/user/other/coupon/{cid}",
        json={"userId": "other", "SK": coupon["SK"]},
        headers=tenant.user("other"),
    )
    assert r.status_code == 404
    r = await tenant.client.put(
        f"/v1/user/user_123/coupon/{cid}",
        json={"userId": "user_123", "SK": coupon["SK"]},
        headers=tenant.user("other"),
    )
    assert r.status_code == 403
    assert len(await coupons(tenant, "user_123")) == 1


# Code pools.

POOL = {"codePool": True, "title": "Shop voucher"}


async def test_import_codes_as_csv_and_json_and_count_them(tenant: TenantHandle) -> None:
    await offer(tenant, "voucher", points=10, couponTemplate=POOL)
    r = await tenant.client.post(
        "/v1/admin/offers/voucher/codes",
        content="code\nAAA-1\nAAA-2\n\nAAA-2\n",
        headers={**tenant.admin, "Content-Type": "text/csv"},
    )
    assert r.status_code == 201, r.text
    assert r.json() == {"offerId": "voucher", "imported": 2, "duplicates": 0, "total": 2, "available": 2}
    r = await tenant.client.post(
        "/v1/admin/offers/voucher/codes", json=["AAA-2", "AAA-3"], headers=tenant.admin
    )
    assert r.json() == {"offerId": "voucher", "imported": 1, "duplicates": 1, "total": 3, "available": 3}
    r = await tenant.client.post(
        "/v1/admin/offers/voucher/codes", json={"codes": ["AAA-4"]}, headers=tenant.admin
    )
    assert r.json()["total"] == 4
    await give(tenant, "user_123", 100)
    r = await redeem(tenant, "user_123", "voucher")
    assert r.status_code == 200, r.text
    assert r.json()["coupon"]["metadata"]["code"] == "AAA-1"
    assert r.json()["coupon"]["title"] == "Shop voucher"
    r = await tenant.client.get("/v1/admin/offers/voucher/codes", headers=tenant.admin)
    assert r.json() == {"offerId": "voucher", "total": 4, "available": 3, "claimed": 1}


async def test_code_import_errors(tenant: TenantHandle) -> None:
    await offer(tenant, "voucher", couponTemplate=POOL)
    await offer(tenant, "coffee")
    path = "/v1/admin/offers/voucher/codes"
    csv = {**tenant.admin, "Content-Type": "text/csv"}
    r = await tenant.client.post(path, content="A-1\nhas space\n", headers=csv)
    assert (r.status_code, r.json()["data"]["field"]) == (400, "line 2")
    r = await tenant.client.post(path, json=["A-1", 7], headers=tenant.admin)
    assert (r.status_code, r.json()["data"]["field"]) == (400, "codes[1]")
    r = await tenant.client.post(path, json=[], headers=tenant.admin)
    assert (r.status_code, r.json()["data"]["field"]) == (400, "codes")
    r = await tenant.client.post(path, content="A-1", headers={**tenant.admin, "Content-Type": "image/png"})
    assert r.status_code == 415
    r = await tenant.client.post("/v1/admin/offers/coffee/codes", json=["A-1"], headers=tenant.admin)
    assert (r.status_code, r.json()["data"]["field"]) == (400, "couponTemplate.codePool")
    r = await tenant.client.post("/v1/admin/offers/nope/codes", json=["A-1"], headers=tenant.admin)
    assert r.status_code == 404
    r = await tenant.client.post(path, json=["A-1"], headers=tenant.manager())
    assert r.status_code == 403
    assert (await tenant.client.get(path, headers=tenant.manager())).status_code == 403
    assert (await tenant.client.get("/v1/admin/offers/nope/codes", headers=tenant.admin)).status_code == 404
    assert (await tenant.client.get(path, headers=tenant.admin)).json()["total"] == 0


async def test_codes_are_unique_per_tenant(tenant: TenantHandle, other_tenant: TenantHandle) -> None:
    for t in (tenant, other_tenant):
        await offer(t, "voucher", couponTemplate=POOL)
        await offer(t, "second", couponTemplate=POOL)
    r = await tenant.client.post("/v1/admin/offers/voucher/codes", json=["SAME"], headers=tenant.admin)
    assert r.json()["imported"] == 1
    r = await tenant.client.post("/v1/admin/offers/second/codes", json=["SAME"], headers=tenant.admin)
    assert (r.json()["imported"], r.json()["duplicates"]) == (0, 1)
    r = await other_tenant.client.post(
        "/v1/admin/offers/voucher/codes", json=["SAME"], headers=other_tenant.admin
    )
    assert r.json()["imported"] == 1


async def test_an_empty_pool_is_out_of_stock(tenant: TenantHandle) -> None:
    await offer(tenant, "voucher", points=10, couponTemplate=POOL)
    await tenant.client.post("/v1/admin/offers/voucher/codes", json=["ONLY-1"], headers=tenant.admin)
    await give(tenant, "user_123", 100)
    assert (await check(tenant, "user_123", "voucher"))["stockLeft"] == 1
    assert (await redeem(tenant, "user_123", "voucher")).status_code == 200
    got = await check(tenant, "user_123", "voucher")
    assert (got["reasons"], got["stockLeft"]) == (["OUT_OF_STOCK"], 0)
    r = await redeem(tenant, "user_123", "voucher")
    assert (r.status_code, r.json()["message"]) == (400, "the offer is out of stock")
    assert await balance(tenant, "user_123") == 90


async def test_a_code_already_on_a_coupon_is_not_imported(tenant: TenantHandle) -> None:
    await offer(tenant, "fixed", points=0, couponTemplate={"codePattern": "X-#"})
    await offer(tenant, "voucher", couponTemplate=POOL)
    await tenant.create_user("user_123")
    code = (await redeem(tenant, "user_123", "fixed")).json()["coupon"]["metadata"]["code"]
    r = await tenant.client.post("/v1/admin/offers/voucher/codes", json=[code, "NEW-1"], headers=tenant.admin)
    assert (r.json()["imported"], r.json()["duplicates"]) == (1, 1)


async def test_a_pool_code_taken_meanwhile_is_skipped(app: Any, tenant: TenantHandle) -> None:
    await offer(tenant, "voucher", points=0, couponTemplate=POOL)
    await tenant.create_user("user_123")
    r = await tenant.client.post(
        "/v1/admin/offers/voucher/codes", json=["DUP-1", "OK-1"], headers=tenant.admin
    )
    assert r.json()["imported"] == 2
    async with app.state.runtime.database.write() as conn:  # a coupon got DUP-1 after the import
        await conn.execute(
            coupon_table.insert().values(
                tenant_id=tenant.tenant_id, user_pk=0, code="DUP-1", metadata={}, created_at=0, redeemed=False
            )
        )
    r = await redeem(tenant, "user_123", "voucher")
    assert r.status_code == 200, r.text
    assert r.json()["coupon"]["metadata"]["code"] == "OK-1"
    r = await tenant.client.get("/v1/admin/offers/voucher/codes", headers=tenant.admin)
    assert r.json()["available"] == 0


# Seed 000 "PUT /user/{userId}/coupon/{couponId} – Redeem Coupon": Request Body
# {"userId": "user_123", "SK": "COUPON#abc123"}; "400 Bad Request - userId missing."
@pytest.mark.parametrize("version", ["v0", "v1", "v2", "v3"])
@pytest.mark.parametrize("coupon_form", ["{cid}", "COUPON%23{cid}"])
async def test_redeem_coupon_without_user_id_in_the_body_is_400_on_every_path_form(
    tenant: TenantHandle, version: str, coupon_form: str
) -> None:
    await offer(tenant, "coffee", points=0)
    await tenant.create_user("user_123")
    coupon = (await redeem(tenant, "user_123", "coffee")).json()["coupon"]
    cid = coupon["SK"].removeprefix("COUPON#")
    path = f"/{version}/user/user_123/coupon/{coupon_form.format(cid=cid)}"
    for body in (
        {"SK": coupon["SK"]},
        {"userId": None, "SK": coupon["SK"]},
        {"userId": "", "SK": coupon["SK"]},
    ):
        r = await tenant.client.put(path, json=body, headers=tenant.user("user_123"))
        assert r.status_code == 400
        assert r.json() == {
            "statusCode": 400,
            "message": "'userId' is required",
            "data": {"code": "invalid_input", "field": "userId"},
        }
    assert len(await coupons(tenant, "user_123")) == 1  # nothing was redeemed
    r = await tenant.client.put(
        path, json={"userId": "user_123", "SK": coupon["SK"]}, headers=tenant.user("user_123")
    )
    assert (r.status_code, r.json()) == (200, {"redeemed": True})


# Seed 000 "GET /user/{userId}/coupon": "validUntil": 1762354799000 (a number); "Only coupons
# where redeemed === false and validUntil > now are returned."
async def test_a_coupon_without_configured_validity_ends_after_the_tenant_default(
    tenant: TenantHandle, clock: Clock
) -> None:
    clock.set(NOW)
    await offer(tenant, "plain", points=0)
    await tenant.create_user("user_123")
    first = (await redeem(tenant, "user_123", "plain")).json()["coupon"]
    assert first["validUntil"] == NOW + 365 * DAY
    r = await tenant.put("settings", "tenant", {"couponValidDays": 30})
    assert r.status_code == 200, r.text
    assert r.json()["couponValidDays"] == 30
    second = (await redeem(tenant, "user_123", "plain")).json()["coupon"]
    assert second["validUntil"] == NOW + 30 * DAY
    listed = await coupons(tenant, "user_123")
    assert [(c["SK"], c["validUntil"]) for c in listed] == [
        (first["SK"], NOW + 365 * DAY),
        (second["SK"], NOW + 30 * DAY),
    ]
    clock.set(NOW + 30 * DAY)
    assert [c["SK"] for c in await coupons(tenant, "user_123")] == [first["SK"]]


@pytest.mark.parametrize("days", [0, -1, 36_501, 1.5, "a year"])
async def test_coupon_valid_days_must_be_a_positive_whole_number(tenant: TenantHandle, days: Any) -> None:
    r = await tenant.put("settings", "tenant", {"couponValidDays": days})
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "couponValidDays"
