"""Bad input gets a 4xx naming the problem, never a 500."""

from __future__ import annotations

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
