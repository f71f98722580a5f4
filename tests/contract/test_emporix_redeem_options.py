"""Seed 003 "Redeem Options Management" and the storefront redemption, quoted and checked."""

from __future__ import annotations

import re

from tests.support import TenantHandle

BASE = "/reward-points"
# The vendor document's "Redeem option creation sample" (POST /reward-points/{tenant}/redeemOptions in
# ../shared/vendor/emporix-reward-points.openapi.yml; the seed shows its coupon collapsed).
SEED_OPTION = {
    "type": "coupon",
    "name": "10 Euro Gutschein",
    "description": "Für 90 Punkte können Sie sich einen Gutschein über 10 Euro generieren lassen. "
    "Diesen Gutschein können Sie auch an Freunde und Bekannte weitergeben.",
    "points": 90,
    "coupon": {
        "name": "Gutschein über 10 Euro (eingelöste Bonuspunkte)",
        "description": "Gutschein über 10 Euro aus 1000 Bonuspunkte",
        "discountType": "ABSOLUTE",
        "discountAbsolute": {"amount": 10, "currency": "EUR"},
        "allowAnonymous": True,
        "maxRedemptions": 1,
        "status": "VALID",
    },
}


def manager(tenant: TenantHandle) -> dict[str, str]:
    return tenant.user("employee", "rewardspoints.rewardpoints_manage")


async def create_option(tenant: TenantHandle, body: dict | None = None) -> dict:
    r = await tenant.client.post(
        f"{BASE}/{tenant.name}/redeemOptions", json=body or SEED_OPTION, headers=manager(tenant)
    )
    assert r.status_code == 200, r.text
    return r.json()[0]


async def give_points(tenant: TenantHandle, customer: str, points: int) -> None:
    r = await tenant.client.post(
        f"{BASE}/customer/{customer}/addPoints", json={"points": points}, headers=manager(tenant)
    )
    assert r.status_code == 201, r.text


async def test_create_answers_the_option_in_a_list(tenant: TenantHandle) -> None:
    r = await tenant.client.post(
        f"{BASE}/{tenant.name}/redeemOptions", json=SEED_OPTION, headers=manager(tenant)
    )
    assert r.status_code == 200
    [option] = r.json()
    assert re.fullmatch(r"[0-9a-f]{24}", option["id"])
    assert option == {**SEED_OPTION, "id": option["id"], "metadata": {"version": 1}}


async def test_create_with_an_id_keeps_it(tenant: TenantHandle) -> None:
    option = await create_option(tenant, {**SEED_OPTION, "id": "575937654bf757001d8496c9"})
    assert option["id"] == "575937654bf757001d8496c9"


async def test_create_with_a_used_id_is_400(tenant: TenantHandle) -> None:
    await create_option(tenant, {**SEED_OPTION, "id": "o1"})
    r = await tenant.client.post(
        f"{BASE}/{tenant.name}/redeemOptions", json={**SEED_OPTION, "id": "o1"}, headers=manager(tenant)
    )
    assert r.status_code == 400
    assert r.json()["field"] == "id"


async def test_create_without_a_name_names_the_field(tenant: TenantHandle) -> None:
    body = {k: v for k, v in SEED_OPTION.items() if k != "name"}
    r = await tenant.client.post(f"{BASE}/{tenant.name}/redeemOptions", json=body, headers=manager(tenant))
    assert r.status_code == 400
    assert r.json()["field"] == "name"
    assert r.json()["instance"] == f"/{tenant.name}/redeemOptions"


async def test_create_with_negative_points_is_400(tenant: TenantHandle) -> None:
    r = await tenant.client.post(
        f"{BASE}/{tenant.name}/redeemOptions", json={**SEED_OPTION, "points": -1}, headers=manager(tenant)
    )
    assert r.status_code == 400
    assert r.json()["field"] == "points"


async def test_only_employees_create_options(tenant: TenantHandle) -> None:
    r = await tenant.client.post(
        f"{BASE}/{tenant.name}/redeemOptions", json=SEED_OPTION, headers=tenant.user("shopper")
    )
    assert r.status_code == 403
    assert r.headers["content-type"] == "application/json"
    # trait_forbidden_403: {"code": 403, "status": "Forbidden", "message": ..., "details": [...]}
    assert (r.json()["code"], r.json()["status"]) == (403, "Forbidden")


async def test_another_tenant_in_the_path_is_403(tenant: TenantHandle, other_tenant: TenantHandle) -> None:
    r = await tenant.client.get(f"{BASE}/{other_tenant.name}/redeemOptions", headers=manager(tenant))
    assert r.status_code == 403


async def test_every_customer_reads_the_options(tenant: TenantHandle) -> None:
    option = await create_option(tenant)
    r = await tenant.client.get(f"{BASE}/{tenant.name}/redeemOptions", headers=tenant.user("shopper"))
    assert r.status_code == 200
    assert r.json() == [option]


async def test_update_with_the_current_version_answers_the_new_one(tenant: TenantHandle) -> None:
    option = await create_option(tenant)
    body = {**SEED_OPTION, "points": 80, "metadata": {"version": 1}}
    r = await tenant.client.put(
        f"{BASE}/{tenant.name}/redeemOptions/{option['id']}", json=body, headers=manager(tenant)
    )
    assert r.status_code == 200, r.text
    assert r.json()["points"] == 80
    assert r.json()["metadata"] == {"version": 2}


async def test_update_with_a_stale_version_is_409(tenant: TenantHandle) -> None:
    option = await create_option(tenant)
    path = f"{BASE}/{tenant.name}/redeemOptions/{option['id']}"
    body = {**SEED_OPTION, "metadata": {"version": 1}}
    assert (await tenant.client.put(path, json=body, headers=manager(tenant))).status_code == 200
    r = await tenant.client.put(path, json={**body, "points": 1}, headers=manager(tenant))
    assert r.status_code == 409
    assert r.headers["content-type"] == "application/json"
    # The vendor's PUT 409 example: {"status": 409, "message": "RedeemOption not Updated",
    #   "details": {"message": "The resource that was requested for update with id = 64b7a has changed. ..."}}
    assert (r.json()["status"], r.json()["message"]) == (409, "RedeemOption not Updated")
    assert r.json()["details"]["message"] == f"offer '{option['id']}' has changed (version 2, not 1)"
    assert r.json()["field"] == "metadata.version"
    listed = (await tenant.client.get(f"{BASE}/{tenant.name}/redeemOptions", headers=manager(tenant))).json()
    assert listed[0]["points"] == 90


async def test_update_of_an_unknown_option_is_404(tenant: TenantHandle) -> None:
    r = await tenant.client.put(
        f"{BASE}/{tenant.name}/redeemOptions/nope", json=SEED_OPTION, headers=manager(tenant)
    )
    assert r.status_code == 404


async def test_delete_answers_204_and_the_option_is_gone(tenant: TenantHandle) -> None:
    option = await create_option(tenant)
    path = f"{BASE}/{tenant.name}/redeemOptions/{option['id']}"
    r = await tenant.client.delete(path, headers=manager(tenant))
    assert r.status_code == 204
    assert (
        await tenant.client.get(f"{BASE}/{tenant.name}/redeemOptions", headers=manager(tenant))
    ).json() == []
    assert (await tenant.client.delete(path, headers=manager(tenant))).status_code == 404


async def test_redeem_debits_the_points_and_answers_a_coupon_code(tenant: TenantHandle) -> None:
    option = await create_option(tenant)
    await give_points(tenant, "shopper", 100)
    r = await tenant.client.post(
        f"{BASE}/public/customer/redeem", json={"id": option["id"]}, headers=tenant.user("shopper")
    )
    assert r.status_code == 200, r.text
    assert re.fullmatch(r"LLS-\d{6}", r.json()["code"])  # the seed's "LLS-232394" shape
    assert (await tenant.client.get(f"{BASE}/public/customer", headers=tenant.user("shopper"))).json() == 10
    export = (await tenant.client.get("/v1/user/shopper/export", headers=tenant.admin)).json()
    [coupon] = export["coupons"]
    assert (coupon["code"], coupon["offer_id"], coupon["title"]) == (
        r.json()["code"],
        option["id"],
        "10 Euro Gutschein",
    )


async def test_redeem_uses_the_tenant_code_pattern(tenant: TenantHandle) -> None:
    await tenant.put("settings", "tenant", {"couponCodePattern": "SHOP-##-##"})
    option = await create_option(tenant)
    await give_points(tenant, "shopper", 90)
    r = await tenant.client.post(
        f"{BASE}/public/customer/redeem", json={"id": option["id"]}, headers=tenant.user("shopper")
    )
    assert re.fullmatch(r"SHOP-\d\d-\d\d", r.json()["code"])


async def test_redeem_without_enough_points_is_400_and_issues_nothing(tenant: TenantHandle) -> None:
    option = await create_option(tenant)
    await give_points(tenant, "shopper", 89)
    r = await tenant.client.post(
        f"{BASE}/public/customer/redeem", json={"id": option["id"]}, headers=tenant.user("shopper")
    )
    assert r.status_code == 400
    assert r.json()["detail"] == "not enough points"
    export = (await tenant.client.get("/v1/user/shopper/export", headers=tenant.admin)).json()
    assert export["coupons"] == []


async def test_redeem_an_unknown_option_is_404(tenant: TenantHandle) -> None:
    await give_points(tenant, "shopper", 100)
    r = await tenant.client.post(
        f"{BASE}/public/customer/redeem", json={"id": "nope"}, headers=tenant.user("shopper")
    )
    assert r.status_code == 404
    # trait_notFound_404: {"type": "resource_not_found", "status": 404, "message": ...}
    assert (r.json()["type"], r.json()["status"]) == ("resource_not_found", 404)
    assert r.json()["message"]


async def test_redeem_without_an_id_names_the_field(tenant: TenantHandle) -> None:
    r = await tenant.client.post(f"{BASE}/public/customer/redeem", json={}, headers=tenant.user("shopper"))
    assert r.status_code == 400
    assert r.json()["field"] == "id"


async def test_an_inactive_offer_cannot_be_redeemed(tenant: TenantHandle) -> None:
    r = await tenant.put("offers", "coffee", {"title": "Free coffee", "points": 10, "status": "INACTIVE"})
    assert r.status_code == 200, r.text
    await give_points(tenant, "shopper", 100)
    r = await tenant.client.post(
        f"{BASE}/public/customer/redeem", json={"id": "coffee"}, headers=tenant.user("shopper")
    )
    assert r.status_code == 400
    assert r.json()["detail"] == "the offer is not active"


async def test_an_offer_from_the_admin_api_is_a_redeem_option(tenant: TenantHandle) -> None:
    """One catalog: the Lynes names (offerId, title) are the Emporix id and name."""
    r = await tenant.put(
        "offers",
        "offer_123",
        {
            "offerId": "offer_123",
            "title": "Free Coffee",
            "description": "Get a free coffee with any purchase",
            "type": "LOCAL",
            "points": 100,
            "shopId": "shop_1",
        },
    )
    assert r.status_code == 200, r.text
    listed = (await tenant.client.get(f"{BASE}/{tenant.name}/redeemOptions", headers=tenant.user("u"))).json()
    assert listed == [
        {
            "id": "offer_123",
            "type": "LOCAL",
            "name": "Free Coffee",
            "description": "Get a free coffee with any purchase",
            "points": 100,
            "metadata": {"version": 1},
        }
    ]


async def test_an_emporix_update_keeps_the_fields_only_the_other_face_sets(tenant: TenantHandle) -> None:
    await tenant.put(
        "offers", "o1", {"title": "Coffee", "points": 100, "shopId": "shop_1", "metadata": {"shelf": 3}}
    )
    r = await tenant.client.put(
        f"{BASE}/{tenant.name}/redeemOptions/o1", json=SEED_OPTION, headers=manager(tenant)
    )
    assert r.status_code == 200
    stored = (await tenant.client.get("/v1/admin/offers/o1", headers=tenant.admin)).json()
    assert (stored["title"], stored["shopId"], stored["points"]) == ("10 Euro Gutschein", "shop_1", 90)
    assert stored["metadata"] == {"shelf": 3}  # display metadata of the other faces, not this face's


async def test_update_with_another_id_in_the_body_names_the_field(tenant: TenantHandle) -> None:
    option = await create_option(tenant)
    r = await tenant.client.put(
        f"{BASE}/{tenant.name}/redeemOptions/{option['id']}",
        json={**SEED_OPTION, "id": "other"},
        headers=manager(tenant),
    )
    assert r.status_code == 400
    assert r.json()["field"] == "id"


# The vendor's "Sample response" of GET /reward-points/{tenant}/redeemOptions.
VENDOR_LISTED = {
    "id": "5f905280df6b3b0013b6c541",
    **SEED_OPTION,
    "metadata": {
        "version": 1,
        "createdAt": "2023-07-25T13:28:25.960Z",
        "modifiedAt": "2023-07-25T13:28:25.960Z",
    },
}


async def test_the_listed_option_has_the_vendors_shape(tenant: TenantHandle) -> None:
    created = await create_option(tenant, {**SEED_OPTION, "id": "5f905280df6b3b0013b6c541"})
    listed = (await tenant.client.get(f"{BASE}/{tenant.name}/redeemOptions", headers=tenant.user("u"))).json()
    assert listed == [created]
    # The same keys and values as the vendor's sample; metadata carries only the version (we keep no
    # creation or modification time per option).
    assert {k: v for k, v in created.items() if k != "metadata"} == {
        k: v for k, v in VENDOR_LISTED.items() if k != "metadata"
    }
    assert created["metadata"] == {"version": 1}


async def invalid_option(tenant: TenantHandle, body: dict) -> dict:
    r = await tenant.client.post(f"{BASE}/{tenant.name}/redeemOptions", json=body, headers=manager(tenant))
    assert r.status_code == 400, r.text
    assert r.headers["content-type"] == "application/json"
    return r.json()


async def test_the_coupon_is_held_to_the_vendors_coupon_schema(tenant: TenantHandle) -> None:
    coupon = SEED_OPTION["coupon"]
    cases = [
        (
            {**coupon, "discountAbsolute": {"amount": 10, "currency": ""}},
            "coupon.discountAbsolute.currency",
            "'coupon.discountAbsolute.currency' must match '^[a-zA-Z]{3}$'",
        ),
        (
            {**coupon, "discountAbsolute": {"amount": -1, "currency": "EUR"}},
            "coupon.discountAbsolute.amount",
            "'coupon.discountAbsolute.amount' must be at least 0",
        ),
        (
            {**coupon, "discountType": "HALF"},
            "coupon.discountType",
            "'coupon.discountType' must be one of the allowed values, not 'HALF'",
        ),
        (
            {**coupon, "status": "SOLD"},
            "coupon.status",
            "'coupon.status' must be one of the allowed values, not 'SOLD'",
        ),
        (
            {**coupon, "maxRedemptions": -2},
            "coupon.maxRedemptions",
            "'coupon.maxRedemptions' must be at least -1",
        ),
        (
            {**coupon, "maxRedemptions": 1.5},
            "coupon.maxRedemptions",
            "'coupon.maxRedemptions' must be a whole number",
        ),
        (
            {**coupon, "maxRedemptions": "1"},
            "coupon.maxRedemptions",
            "'coupon.maxRedemptions' must be a number",
        ),
        (
            {**coupon, "allowAnonymous": "yes"},
            "coupon.allowAnonymous",
            "'coupon.allowAnonymous' must be a boolean",
        ),
        ({**coupon, "name": {"de": "Gutschein"}}, "coupon.name", "'coupon.name' must be a string"),
        ({k: v for k, v in coupon.items() if k != "name"}, "coupon.name", "'coupon.name' is required"),
        (
            {"name": "10 %", "discountType": "PERCENT", "discountPercentage": 101},
            "coupon.discountPercentage",
            "'coupon.discountPercentage' must be at most 100",
        ),
        (
            {**coupon, "discountPercentage": 10},
            "coupon.discountPercentage",
            "'coupon.discountPercentage' is only for discountType PERCENT",
        ),
        (
            {**coupon, "restrictions": {"validFrom": "soon"}},
            "coupon.restrictions.validFrom",
            "'coupon.restrictions.validFrom' must be an ISO 8601 date-time",
        ),
        (
            {**coupon, "links": [{"rel": "self"}]},
            "coupon.links[0].title",
            "'coupon.links[0].title' is required",
        ),
        ({**coupon, "colour": "red"}, "coupon.colour", "'coupon.colour' is not a known field"),
        ("ten euros", "coupon", "'coupon' must be an object"),
    ]
    for bad, field, detail in cases:
        problem = await invalid_option(tenant, {**SEED_OPTION, "coupon": bad})
        assert (problem["field"], problem["detail"]) == (field, detail), bad
    listed = (await tenant.client.get(f"{BASE}/{tenant.name}/redeemOptions", headers=manager(tenant))).json()
    assert listed == []


async def test_every_field_of_the_wrong_type_is_named_as_such(tenant: TenantHandle) -> None:
    cases = [
        ({"id": 5}, "id", "a string"),
        ({"type": 5}, "type", "a string"),
        ({"name": None}, "name", "a string"),
        ({"description": 5}, "description", "a string"),
        ({"points": "90"}, "points", "a whole number"),
        ({"pointsAfterCoupon": 1.5}, "pointsAfterCoupon", "a whole number"),
        ({"metadata": []}, "metadata", "an object"),
        ({"metadata": {"version": "1"}}, "metadata.version", "a whole number"),
        ({"metadata": {"createdAt": 1}}, "metadata.createdAt", "a string"),
    ]
    for change, field, kind in cases:
        problem = await invalid_option(tenant, {**SEED_OPTION, **change})
        assert (problem["field"], problem["detail"]) == (field, f"'{field}' must be {kind}"), change


async def test_metadata_other_than_the_vendors_is_refused_not_stored(tenant: TenantHandle) -> None:
    problem = await invalid_option(tenant, {**SEED_OPTION, "metadata": {"owner": {"x": 1}}})
    assert problem["field"] == "metadata.owner"
    option = await create_option(
        tenant, {**SEED_OPTION, "metadata": {"createdAt": "2023-07-25T13:28:25.960Z"}}
    )
    assert option["metadata"] == {"version": 1}


async def test_a_free_form_coupon_from_the_admin_api_is_not_echoed(tenant: TenantHandle) -> None:
    """The admin API stores coupon templates free-form; this face answers only a vendor ``coupon``."""
    r = await tenant.put("offers", "o1", {"title": "Coffee", "points": 10, "coupon": {"currency": ""}})
    assert r.status_code == 200, r.text
    listed = (await tenant.client.get(f"{BASE}/{tenant.name}/redeemOptions", headers=manager(tenant))).json()
    assert listed == [
        {"id": "o1", "type": "coupon", "name": "Coffee", "points": 10, "metadata": {"version": 1}}
    ]
