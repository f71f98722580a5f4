"""Seed 003 "Reward Points Management" and "Signed-In Customer Reward Points", quoted and checked."""

from __future__ import annotations

import json

import httpx

from loyalty.core.timeutil import iso_utc, parse_iso_ms
from tests.support import TenantHandle

BASE = "/reward-points"
NOW = parse_iso_ms("2026-11-23T10:00:00Z")
DAY = 86_400_000
# The seed's addPoints request sample.
SEED_ADD_POINTS = {
    "id": "12345fee-0b83-48aa-95dc-11e3dcf84aaa",
    "reference-id": "123456",
    "description": "points added",
    "points": 123,
    "createdAt": "2023-10-24T14:15:22Z",
    "allPointsAfterCreation": 56778,
    "usedPoints": 5,
    "validUntil": "2029-08-24T14:15:22Z",
    "usedWith": [],
}


EMPTY_SUMMARY = {
    "addedPointsList": [],
    "redeemedPointsList": [],
    "expiredPointsList": [],
    "reversedPointsList": [],
    "totalAddedPoints": 0,
    "totalRedeemedPoints": 0,
    "totalExpiredPoints": 0,
    "totalReversedPoints": 0,
}


def manager(tenant: TenantHandle) -> dict[str, str]:
    return tenant.user("employee", "rewardspoints.rewardpoints_manage")


def viewer(tenant: TenantHandle) -> dict[str, str]:
    return tenant.user("analyst", "rewardspoints.rewardpoints_view")


async def add(tenant: TenantHandle, customer: str, body: dict) -> httpx.Response:
    return await tenant.client.post(
        f"{BASE}/customer/{customer}/addPoints", json=body, headers=manager(tenant)
    )


# The vendor document's error examples (components/responses), one body shape per status, all
# served as application/json:
VENDOR_400 = {  # trait_badRequest_400 "Bad request"
    "type": "about:blank",
    "title": "Bad Request",
    "status": 400,
    "detail": "Invalid request content.",
    "instance": "/customer/61443563/addPoints",
}
VENDOR_401 = {
    "fault": {"faultstring": "Invalid access token", "detail": {"errorcode": "oauth.v2.InvalidAccessToken"}}
}
VENDOR_403 = {  # trait_forbidden_403 "Forbidden"
    "code": 403,
    "status": "Forbidden",
    "message": "Scope validation failed",
    "details": ["Missing required scopes '[rewardspoints.rewardpoints_view, saasag.rewardpoints_view]'"],
}
VENDOR_404 = {
    "type": "resource_not_found",
    "status": 404,
    "message": "No reward points found for customer 202429132",
}
VENDOR_409 = {  # trait_conflict_409 "Conflict"
    "status": 409,
    "type": "application/json",
    "message": "New Reward Point Entry not Created",
    "moreInfo": "",
    "details": [{"field": None, "type": None, "message": "Couldn't create ...", "moreInfo": ""}],
}


def assert_problem(r: httpx.Response, status: int, instance: str) -> dict:
    """The error is in the vendor's shape for its status (its keys, their types), plus our
    ``field`` (and ``code``/``errorCode``) extensions."""
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/json"
    body = r.json()
    example = {400: VENDOR_400, 401: VENDOR_401, 403: VENDOR_403, 404: VENDOR_404, 409: VENDOR_409}[status]
    assert set(example) <= set(body), body
    for key, value in example.items():
        if value is not None and key != "details":
            assert type(body[key]) is type(value), (key, body)
    if status == 400:
        assert (body["type"], body["title"], body["status"]) == ("about:blank", "Bad Request", 400)
        assert body["instance"] == instance
        assert body["detail"]
    elif status == 401:
        assert body["fault"]["detail"]["errorcode"] == "oauth.v2.InvalidAccessToken"
        assert body["fault"]["faultstring"]
    elif status == 403:
        assert (body["code"], body["status"]) == (403, "Forbidden")
        assert body["details"] == [body["message"]]
    elif status == 404:
        assert (body["type"], body["status"]) == ("resource_not_found", 404)
        assert body["message"]
    elif status == 409:
        assert body["status"] == 409
        [detail] = body["details"]
        assert (detail["message"], detail["field"]) == (body["message"], body["field"])
    return body


async def test_add_points_answers_201_with_the_points_entry(tenant: TenantHandle, clock) -> None:
    clock.set(NOW)
    r = await add(tenant, "C4289081720", SEED_ADD_POINTS)
    assert r.status_code == 201, r.text
    assert r.json() == {
        "id": "12345fee-0b83-48aa-95dc-11e3dcf84aaa",
        "reference-id": "123456",
        "description": "points added",
        "points": 123,
        "createdAt": "2026-11-23T10:00:00.000Z",
        "validUntil": "2029-08-24T14:15:22.000Z",
        "allPointsAfterCreation": 123,
        "usedPoints": 0,
        "usedWith": [],
        "siteCode": "main",
    }


async def test_add_points_honours_the_site_code(tenant: TenantHandle) -> None:
    r = await tenant.client.post(
        f"{BASE}/customer/c1/addPoints?siteCode=de", json={"points": 5}, headers=manager(tenant)
    )
    assert r.status_code == 201
    assert r.json()["siteCode"] == "de"
    assert "validUntil" not in r.json()  # a date-time in the vendor's addedPoints: never null


async def test_get_customer_answers_a_bare_integer(tenant: TenantHandle) -> None:
    await add(tenant, "123", {"points": 2000})
    r = await tenant.client.get(f"{BASE}/customer/123", headers=viewer(tenant))
    assert r.status_code == 200
    assert r.content == b"2000"
    assert r.json() == 2000


async def test_get_unknown_customer_is_zero(tenant: TenantHandle) -> None:
    r = await tenant.client.get(f"{BASE}/customer/nobody", headers=viewer(tenant))
    assert r.status_code == 200
    assert r.json() == 0


async def test_redeem_points_answers_201_and_uses_the_credit(tenant: TenantHandle, clock) -> None:
    clock.set(NOW)
    await add(tenant, "c1", SEED_ADD_POINTS)
    clock.set(NOW + 1000)
    r = await tenant.client.post(
        f"{BASE}/customer/c1/redeemPoints",
        json={"description": "points redeemed", "points": 50},  # the seed's sample
        headers=manager(tenant),
    )
    assert r.status_code == 201, r.text
    redeemed = r.json()
    assert redeemed["points"] == 50
    assert redeemed["description"] == "points redeemed"
    assert redeemed["allPointsAfterCreation"] == 73
    assert redeemed["createdAt"] == "2026-11-23T10:00:01.000Z"
    assert redeemed["usedWith"] == ["12345fee-0b83-48aa-95dc-11e3dcf84aaa"]
    summary = (await tenant.client.get(f"{BASE}/customer/c1/summary", headers=viewer(tenant))).json()
    added = summary["summary"]["addedPointsList"][0]
    assert (added["usedPoints"], added["usedWith"]) == (50, [redeemed["id"]])
    assert summary["activePoints"] == 73


async def test_redeem_points_beyond_the_balance_is_a_400_problem(tenant: TenantHandle) -> None:
    await add(tenant, "c1", {"points": 40})
    r = await tenant.client.post(
        f"{BASE}/customer/c1/redeemPoints", json={"points": 50}, headers=manager(tenant)
    )
    body = assert_problem(r, 400, "/customer/c1/redeemPoints")
    assert body["detail"] == "not enough points"
    assert (await tenant.client.get(f"{BASE}/customer/c1", headers=viewer(tenant))).json() == 40


async def test_redeem_points_of_an_unknown_customer_is_400(tenant: TenantHandle) -> None:
    r = await tenant.client.post(
        f"{BASE}/customer/ghost/redeemPoints", json={"points": 1}, headers=manager(tenant)
    )
    assert_problem(r, 400, "/customer/ghost/redeemPoints")


async def test_add_points_without_points_names_the_field(tenant: TenantHandle) -> None:
    r = await add(tenant, "c1", {"description": "no points"})
    body = assert_problem(r, 400, "/customer/c1/addPoints")
    assert body["field"] == "points"


async def test_add_points_with_zero_points_is_400(tenant: TenantHandle) -> None:
    body = assert_problem(await add(tenant, "c1", {"points": 0}), 400, "/customer/c1/addPoints")
    assert body["field"] == "points"


async def test_add_points_with_a_malformed_valid_until_names_the_field(tenant: TenantHandle) -> None:
    r = await add(tenant, "c1", {"points": 5, "validUntil": "next tuesday"})
    assert assert_problem(r, 400, "/customer/c1/addPoints")["field"] == "validUntil"


async def test_add_points_valid_until_in_the_past_is_400(tenant: TenantHandle, clock) -> None:
    clock.set(NOW)
    r = await add(tenant, "c1", {"points": 5, "validUntil": "2026-11-22T00:00:00Z"})
    assert assert_problem(r, 400, "/customer/c1/addPoints")["field"] == "validUntil"


async def test_add_points_with_an_id_already_used_is_409(tenant: TenantHandle) -> None:
    assert (await add(tenant, "c1", {"id": "order-1", "points": 5})).status_code == 201
    r = await add(tenant, "c1", {"id": "order-1", "points": 5})
    assert assert_problem(r, 409, "/customer/c1/addPoints")["field"] == "id"
    assert (await tenant.client.get(f"{BASE}/customer/c1", headers=viewer(tenant))).json() == 5


async def test_create_customer_with_start_points(tenant: TenantHandle, clock) -> None:
    clock.set(NOW)
    body = {"customerId": "C4289081720", "startPoints": {"points": 100, "description": "welcome"}}
    r = await tenant.client.post(f"{BASE}/customer/C4289081720", json=body, headers=manager(tenant))
    assert r.status_code == 200, r.text
    assert r.json()["customerId"] == "C4289081720"
    assert r.json()["activePoints"] == 100
    assert r.json()["summary"]["addedPointsList"][0]["description"] == "welcome"
    assert (await tenant.client.get(f"{BASE}/customer/C4289081720", headers=viewer(tenant))).json() == 100


async def test_create_customer_without_a_body_opens_an_empty_account(tenant: TenantHandle) -> None:
    r = await tenant.client.post(f"{BASE}/customer/c9", headers=manager(tenant))
    assert r.status_code == 200
    assert r.json()["activePoints"] == 0
    summary = await tenant.client.get(f"{BASE}/customer/c9/summary", headers=viewer(tenant))
    assert summary.status_code == 200


async def test_create_an_existing_customer_is_409(tenant: TenantHandle) -> None:
    await tenant.client.post(f"{BASE}/customer/c1", json={}, headers=manager(tenant))
    r = await tenant.client.post(f"{BASE}/customer/c1", json={}, headers=manager(tenant))
    assert_problem(r, 409, "/customer/c1")


async def test_create_customer_with_another_customer_id_in_the_body_is_400(tenant: TenantHandle) -> None:
    r = await tenant.client.post(f"{BASE}/customer/c1", json={"customerId": "c2"}, headers=manager(tenant))
    assert assert_problem(r, 400, "/customer/c1")["field"] == "customerId"


async def test_delete_customer_removes_their_points(tenant: TenantHandle) -> None:
    await add(tenant, "c1", {"points": 70})
    r = await tenant.client.delete(f"{BASE}/customer/c1", headers=manager(tenant))
    assert r.status_code == 200
    assert (await tenant.client.get(f"{BASE}/customer/c1", headers=viewer(tenant))).json() == 0
    r = await tenant.client.delete(f"{BASE}/customer/c1", headers=manager(tenant))
    assert r.status_code == 200


async def test_summary_of_an_unknown_customer_is_404(tenant: TenantHandle) -> None:
    r = await tenant.client.get(f"{BASE}/customer/ghost/summary", headers=viewer(tenant))
    assert_problem(r, 404, "/customer/ghost/summary")


async def test_summary_adds_up_added_redeemed_and_expired(tenant: TenantHandle, clock) -> None:
    clock.set(NOW)
    await add(tenant, "c1", {"id": "short", "points": 100, "validUntil": iso_utc(NOW + DAY)})
    await add(tenant, "c1", {"id": "long", "points": 50})
    await tenant.client.post(f"{BASE}/customer/c1/redeemPoints", json={"points": 30}, headers=manager(tenant))
    clock.set(NOW + 2 * DAY)
    r = await tenant.client.get(f"{BASE}/customer/c1/summary", headers=viewer(tenant))
    body = r.json()
    assert body["activePoints"] == 50
    s = body["summary"]
    assert [e["id"] for e in s["addedPointsList"]] == ["short", "long"]
    assert [e["usedPoints"] for e in s["addedPointsList"]] == [30, 0]  # first-expiring first
    assert [(e["points"], e["reference-id"]) for e in s["expiredPointsList"]] == [(70, "short")]
    assert s["expiredPointsList"][0]["validUntil"] == iso_utc(NOW + DAY)
    assert (s["totalAddedPoints"], s["totalRedeemedPoints"], s["totalExpiredPoints"]) == (150, 30, 70)
    assert s["totalAddedPoints"] - s["totalRedeemedPoints"] - s["totalExpiredPoints"] == body["activePoints"]


async def test_expired_points_are_not_active(tenant: TenantHandle, clock) -> None:
    clock.set(NOW)
    await add(tenant, "c1", {"points": 100, "validUntil": iso_utc(NOW + DAY)})
    clock.set(NOW + DAY)
    assert (await tenant.client.get(f"{BASE}/customer/c1", headers=viewer(tenant))).json() == 0
    r = await tenant.client.post(
        f"{BASE}/customer/c1/redeemPoints", json={"points": 1}, headers=manager(tenant)
    )
    assert r.status_code == 400


async def test_the_tenant_expiry_policy_sets_valid_until(tenant: TenantHandle, clock) -> None:
    r = await tenant.put("settings", "tenant", {"expiryPolicy": {"mode": "days_after_earning", "days": 30}})
    assert r.status_code == 200, r.text
    clock.set(NOW)
    r = await add(tenant, "c1", {"points": 10})
    assert r.json()["validUntil"] == iso_utc(NOW + 30 * DAY)


async def test_summary_batch_lists_every_customer(tenant: TenantHandle) -> None:
    await add(tenant, "a", {"points": 1})
    await add(tenant, "b", {"points": 2})
    r = await tenant.client.get(f"{BASE}/summaryBatch", headers=viewer(tenant))
    assert r.status_code == 200
    assert [(s["customerId"], s["activePoints"]) for s in r.json()] == [("a", 1), ("b", 2)]
    page = await tenant.client.get(f"{BASE}/summaryBatch?pageNumber=2&pageSize=1", headers=viewer(tenant))
    assert [s["customerId"] for s in page.json()] == ["b"]


async def test_summary_batch_with_a_bad_page_size_names_the_field(tenant: TenantHandle) -> None:
    r = await tenant.client.get(f"{BASE}/summaryBatch?pageSize=0", headers=viewer(tenant))
    assert assert_problem(r, 400, "/summaryBatch")["field"] == "pageSize"


async def test_employee_endpoints_refuse_a_customer_token_for_themself(tenant: TenantHandle) -> None:
    customer = tenant.user("c1")
    for method, path, body in [
        ("POST", "/customer/c1/addPoints", {"points": 1000}),
        ("POST", "/customer/c1/redeemPoints", {"points": 1}),
        ("POST", "/customer/c1", {}),
        ("DELETE", "/customer/c1", None),
        ("GET", "/customer/c1", None),
        ("GET", "/customer/c1/summary", None),
        ("GET", "/summaryBatch", None),
    ]:
        r = await tenant.client.request(method, BASE + path, json=body, headers=customer)
        assert_problem(r, 403, path)


async def test_the_view_scope_cannot_change_points(tenant: TenantHandle) -> None:
    r = await tenant.client.post(f"{BASE}/customer/c1/addPoints", json={"points": 1}, headers=viewer(tenant))
    assert_problem(r, 403, "/customer/c1/addPoints")


async def test_public_customer_answers_the_signed_in_customers_points(tenant: TenantHandle) -> None:
    await add(tenant, "shopper", {"points": 1153})
    r = await tenant.client.get(f"{BASE}/public/customer", headers=tenant.user("shopper"))
    assert r.status_code == 200
    assert r.content == b"1153"


async def test_public_summary_of_a_customer_without_points_is_empty(tenant: TenantHandle) -> None:
    r = await tenant.client.get(f"{BASE}/public/customer/summary", headers=tenant.user("new"))
    assert r.status_code == 200
    assert r.json()["customerId"] == "new"
    assert r.json()["activePoints"] == 0
    assert r.json()["summary"] == EMPTY_SUMMARY


async def test_public_summary_shows_the_signed_in_customer(tenant: TenantHandle) -> None:
    await add(tenant, "123", {"points": 1153})
    r = await tenant.client.get(f"{BASE}/public/customer/summary", headers=tenant.user("123"))
    assert r.json()["customerId"] == "123"
    assert r.json()["activePoints"] == 1153


async def test_public_endpoints_need_a_customer_token(tenant: TenantHandle) -> None:
    r = await tenant.client.get(f"{BASE}/public/customer", headers=tenant.admin)
    assert_problem(r, 403, "/public/customer")


async def test_no_credentials_is_401(tenant: TenantHandle) -> None:
    r = await tenant.client.get(f"{BASE}/public/customer")
    assert_problem(r, 401, "/public/customer")


async def test_the_summary_has_the_vendors_customer_summary_shape(tenant: TenantHandle, clock) -> None:
    """The vendor's "Customer summary sample" (GET /customer/{customerId}/summary, pointsSummaryOut):
    ``summary`` is ``customerSummary`` = ``{addedPointsList (required), redeemedPointsList}`` of
    ``addedPoints`` / ``redeemedPoints``; ours adds the expired and reversed lists and the totals."""
    clock.set(NOW)
    await add(tenant, "123", {"id": "zzpscd12uimlmybtthb", "reference-id": "B7011746", "points": 209})
    clock.set(NOW + 1000)
    r = await tenant.client.post(
        f"{BASE}/customer/123/redeemPoints",
        json={"id": "e7522b99-2448-44b5-8f68-8bffcc207d18", "points": 9},
        headers=manager(tenant),
    )
    assert r.json() == {
        "id": "e7522b99-2448-44b5-8f68-8bffcc207d18",
        "points": 9,
        "createdAt": "2026-11-23T10:00:01.000Z",
        "allPointsAfterCreation": 200,
        "usedPoints": 9,
        "usedWith": ["zzpscd12uimlmybtthb"],
    }
    summary = (await tenant.client.get(f"{BASE}/customer/123/summary", headers=viewer(tenant))).json()
    assert summary == {
        "customerId": "123",
        "activePoints": 200,
        "pendingPoints": 0,
        "summary": {
            **EMPTY_SUMMARY,
            "addedPointsList": [
                {
                    "id": "zzpscd12uimlmybtthb",
                    "reference-id": "B7011746",
                    "points": 209,
                    "createdAt": "2026-11-23T10:00:00.000Z",
                    "allPointsAfterCreation": 209,
                    "usedPoints": 9,
                    "usedWith": ["e7522b99-2448-44b5-8f68-8bffcc207d18"],
                    "siteCode": "main",
                }
            ],
            "redeemedPointsList": [r.json()],
            "totalAddedPoints": 209,
            "totalRedeemedPoints": 9,
        },
    }
    batch = (await tenant.client.get(f"{BASE}/summaryBatch", headers=viewer(tenant))).json()
    assert batch == [summary]  # customerSummaryBatchOut: an array of pointsSummaryOut


async def test_a_field_of_the_wrong_type_is_named_as_such(tenant: TenantHandle) -> None:
    """Every body field of the addedPoints / redeemedPoints / newCustomerIn / redeemOptionIn schemas,
    sent with the wrong type, is a 400 saying which type it must be (never "is required")."""
    cases = [
        ("/customer/c1/addPoints", {"points": "5"}, "points", "a whole number"),
        ("/customer/c1/addPoints", {"points": 5, "id": 7}, "id", "a string"),
        ("/customer/c1/addPoints", {"points": 5, "reference-id": 7}, "reference-id", "a string"),
        ("/customer/c1/addPoints", {"points": 5, "description": None}, "description", "a string"),
        ("/customer/c1/addPoints", {"points": 5, "createdAt": 1}, "createdAt", "a string"),
        ("/customer/c1/addPoints", {"points": 5, "validUntil": 1}, "validUntil", "a string"),
        (
            "/customer/c1/addPoints",
            {"points": 5, "allPointsAfterCreation": "1"},
            "allPointsAfterCreation",
            "a whole number",
        ),
        ("/customer/c1/addPoints", {"points": 5, "usedPoints": True}, "usedPoints", "a whole number"),
        ("/customer/c1/addPoints", {"points": 5, "usedWith": "x"}, "usedWith", "an array"),
        ("/customer/c1/addPoints", {"points": 5, "usedWith": [1]}, "usedWith[0]", "a string"),
        ("/customer/c1/redeemPoints", {"points": 1.5}, "points", "a whole number"),
        ("/customer/c1/redeemPoints", {"points": 1, "id": 1}, "id", "a string"),
        ("/customer/c1/redeemPoints", {"points": 1, "description": 1}, "description", "a string"),
        ("/customer/c1/redeemPoints", {"points": 1, "createdAt": []}, "createdAt", "a string"),
        (
            "/customer/c1/redeemPoints",
            {"points": 1, "allPointsAfterCreation": {}},
            "allPointsAfterCreation",
            "a whole number",
        ),
        ("/customer/c1", {"customerId": 1}, "customerId", "a string"),
        ("/customer/c1", {"startPoints": 5}, "startPoints", "an object"),
        ("/customer/c1", {"startPoints": {"points": "5"}}, "startPoints.points", "a whole number"),
    ]
    for path, body, field, kind in cases:
        r = await tenant.client.post(BASE + path, json=body, headers=manager(tenant))
        problem = assert_problem(r, 400, path)
        assert (problem["field"], problem["detail"]) == (field, f"'{field}' must be {kind}"), body
    r = await tenant.client.post(f"{BASE}/public/customer/redeem", json={"id": 5}, headers=tenant.user("c1"))
    assert assert_problem(r, 400, "/public/customer/redeem")["detail"] == "'id' must be a string"
    assert (await tenant.client.get(f"{BASE}/customer/c1", headers=viewer(tenant))).json() == 0


async def test_a_path_of_no_endpoint_answers_the_vendors_404_shape(tenant: TenantHandle) -> None:
    r = await tenant.client.get(f"{BASE}/customer/c1/nothing", headers=viewer(tenant))
    assert_problem(r, 404, "/customer/c1/nothing")
    assert r.json()["message"] == "no such endpoint"


def test_an_unhandled_error_answers_the_vendors_500_shape() -> None:
    """trait_internal_500: {"timestamp": "2023-10-12T06:41:03.866+00:00", "status": 500,
    "error": "Internal Server Error", "path": "/customer/30010284222"}."""
    from starlette.requests import Request

    from loyalty.api.dialects import emporix

    scope = {"type": "http", "method": "GET", "path": "/reward-points/customer/30010284222", "headers": []}
    request = Request(scope)
    response = emporix.internal_error(request, NOW)
    assert (response.status_code, response.media_type) == (500, "application/json")
    assert json.loads(response.body) == {
        "timestamp": "2026-11-23T10:00:00.000Z",
        "status": 500,
        "error": "Internal Server Error",
        "path": "/customer/30010284222",
    }
