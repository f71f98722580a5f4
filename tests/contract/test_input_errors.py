"""Bad input gets a 4xx naming the problem, never a 500."""

from __future__ import annotations

import pytest

from tests.support import TenantHandle


async def test_malformed_json_is_400(tenant: TenantHandle) -> None:
    r = await tenant.client.post(
        "/v1/user", content=b'{"userId": ', headers={**tenant.admin, "Content-Type": "application/json"}
    )
    assert r.status_code == 400
    assert "invalid JSON" in r.json()["message"]


async def test_empty_body_is_400(tenant: TenantHandle) -> None:
    r = await tenant.client.post("/v1/user", content=b"", headers=tenant.admin)
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "body"


async def test_wrong_type_is_400_naming_the_field(tenant: TenantHandle) -> None:
    r = await tenant.client.post("/v1/user", json={"userId": 42}, headers=tenant.admin)
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "userId"


async def test_a_json_array_instead_of_an_object_is_400(tenant: TenantHandle) -> None:
    r = await tenant.client.post("/v1/user", json=["u1"], headers=tenant.admin)
    assert r.status_code == 400


async def test_oversized_body_is_413(tenant: TenantHandle) -> None:
    # The test app is configured with a 64 KiB limit (production default: 1 MiB).
    r = await tenant.client.post("/v1/user", json={"userId": "u" * 70_000}, headers=tenant.admin)
    assert r.status_code == 413
    assert "exceeds the limit of 65536 bytes" in r.json()["message"]


async def test_overlong_user_id_is_400(tenant: TenantHandle) -> None:
    r = await tenant.client.post("/v1/user", json={"userId": "u" * 201}, headers=tenant.admin)
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "userId"


async def test_deeply_nested_json_is_400(tenant: TenantHandle) -> None:
    nested: object = "x"
    for _ in range(40):
        nested = [nested]
    r = await tenant.client.put(
        "/v1/admin/settings/tenant", json={"jwks": {"keys": nested}}, headers=tenant.admin
    )
    assert r.status_code == 400
    assert "nested deeper" in r.json()["message"]


async def test_non_json_content_type_is_415(tenant: TenantHandle) -> None:
    r = await tenant.client.post(
        "/v1/user",
        content=b"userId=u1",
        headers={**tenant.admin, "Content-Type": "application/x-www-form-urlencoded"},
    )
    assert r.status_code == 415


async def test_unknown_route_is_404_json(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/v1/nothing-here", headers=tenant.admin)
    assert r.status_code == 404
    assert r.json()["statusCode"] == 404


async def test_wrong_method_is_405_json(tenant: TenantHandle) -> None:
    r = await tenant.client.patch("/v1/user", headers=tenant.admin)
    assert r.status_code == 405
    assert r.json()["statusCode"] == 405


# The shared limits of every request body (docs/reliability.md "Input limits"): each is a 400 whose
# ``field`` names the offending member, checked before any endpoint logic runs.


async def _event(tenant: TenantHandle, metadata: object) -> dict[str, object]:
    body = {"eventId": "login", "userId": "u1", "metadata": metadata}
    r = await tenant.client.post("/v1/event", json=body, headers=tenant.admin)
    assert r.status_code == 400, r.text
    return {**r.json()["data"], "message": r.json()["message"]}


async def test_a_string_longer_than_10000_characters_is_400_naming_it(tenant: TenantHandle) -> None:
    data = await _event(tenant, {"note": "x" * 10_001})
    assert data["field"] == "metadata.note"
    assert "longer than 10000 characters" in str(data["message"])


async def test_an_integer_beyond_2_to_the_53_is_400_naming_it(tenant: TenantHandle) -> None:
    r = await tenant.client.post(
        "/reward-points/customer/c1/addPoints",
        json={"points": 2**63},
        headers=tenant.admin,
    )
    assert r.status_code == 400, r.text
    assert r.json()["field"] == "points"
    assert "2^53-1" in r.json()["detail"]


async def test_a_nested_overflowing_integer_names_its_path(tenant: TenantHandle) -> None:
    data = await _event(tenant, {"items": [1, {"qty": -(2**64)}]})
    assert data["field"] == "metadata.items[1].qty"


async def test_a_float_where_an_integer_is_expected_is_400_naming_it(tenant: TenantHandle) -> None:
    r = await tenant.client.post(
        "/reward-points/customer/c1/addPoints", json={"points": 1.5}, headers=tenant.admin
    )
    assert r.status_code == 400, r.text
    assert r.json()["field"] == "points"


async def test_more_than_100_metadata_keys_is_400_naming_metadata(tenant: TenantHandle) -> None:
    data = await _event(tenant, {f"k{i}": i for i in range(101)})
    assert data["field"] == "metadata"
    assert "101 keys; at most 100" in str(data["message"])


async def test_nesting_too_deep_for_the_decoder_is_400_not_a_crash(tenant: TenantHandle) -> None:
    depth = 20_000  # past the JSON decoder's own recursion limit, within the body size limit
    raw = b'{"eventId": "login", "userId": "u1", "metadata": ' + b"[" * depth + b"]" * depth + b"}"
    r = await tenant.client.post(
        "/v1/event", content=raw, headers={**tenant.admin, "Content-Type": "application/json"}
    )
    assert r.status_code == 400, r.text
    assert r.json()["data"]["field"] == "body"
    assert "nested deeper than 32 levels" in r.json()["message"]


async def test_numbers_out_of_the_float_range_are_400(tenant: TenantHandle) -> None:
    raw = b'{"eventId": "login", "userId": "u1", "metadata": {"amount": 1e400}}'
    r = await tenant.client.post(
        "/v1/event", content=raw, headers={**tenant.admin, "Content-Type": "application/json"}
    )
    assert r.status_code == 400, r.text
    assert r.json()["data"]["field"] == "body"


# Found by probing on PostgreSQL: text there cannot hold NUL (U+0000) and integers stop at 2^63; each
# was a 500 before. Now one shared check of path segments, query parameters and body strings.


async def test_a_nul_character_in_a_body_string_is_400_naming_it(tenant: TenantHandle) -> None:
    r = await tenant.client.post("/v1/user", json={"userId": "a\u0000b"}, headers=tenant.admin)
    assert r.status_code == 400, r.text
    assert r.json()["data"]["field"] == "userId"
    assert "NUL" in r.json()["message"]


async def test_a_nul_character_in_a_path_segment_is_400_naming_it(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/reward-points/customer/a%00b", headers=tenant.admin)
    assert r.status_code == 400, r.text
    assert r.json()["field"] == "customerId"


async def test_a_nul_character_in_a_query_parameter_is_400_naming_it(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/v1/user/u1/rank?leaderboardId=a%00b", headers=tenant.admin)
    assert r.status_code == 400, r.text
    assert r.json()["data"]["field"] == "leaderboardId"


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/reward-points/summaryBatch?pageNumber=9223372036854775807", "pageNumber"),
        ("/reward-points/summaryBatch?pageNumber=99999999999999999999999", "pageNumber"),
        ("/api/loyalty/history?from=99999999999999999999", "from"),
        ("/v1/leaderboard/x?limit=%C2%B2", "limit"),
        ("/v1/user/u1/challenge?limit=%C2%B2", "limit"),
    ],
)
async def test_query_numbers_beyond_range_or_not_ascii_digits_are_400(
    tenant: TenantHandle, path: str, field: str
) -> None:
    headers = tenant.admin if "api/loyalty" not in path else tenant.user("u1")
    r = await tenant.client.get(path, headers=headers)
    assert r.status_code == 400, r.text
    body = r.json()
    assert (body.get("field") or body.get("data", {}).get("field")) == field


async def test_a_logged_event_id_beyond_the_integer_range_is_400(tenant: TenantHandle) -> None:
    r = await tenant.client.post("/v1/event/99999999999999999999999/reverse", headers=tenant.admin)
    assert r.status_code == 400, r.text
    assert r.json()["data"]["field"] == "loggedEventId"


@pytest.mark.parametrize("raw", [b'{"userId": "a\xff\xfeb"}', b'{"userId": "a\\ud800b"}'])
async def test_a_body_that_is_not_utf8_or_has_a_lone_surrogate_is_400(
    tenant: TenantHandle, raw: bytes
) -> None:
    headers = {**tenant.admin, "Content-Type": "application/json"}
    r = await tenant.client.post("/v1/user", content=raw, headers=headers)
    assert r.status_code == 400, r.text
    assert r.json()["data"]["field"] == "body"
