"""``Idempotency-Key`` on state-changing requests."""

from __future__ import annotations

from tests.support import TenantHandle


async def test_a_retry_returns_the_first_response_without_a_second_effect(tenant: TenantHandle) -> None:
    headers = {**tenant.admin, "Idempotency-Key": "create-u1"}
    first = await tenant.client.post("/v1/user", json={"userId": "u1"}, headers=headers)
    second = await tenant.client.post("/v1/user", json={"userId": "u1"}, headers=headers)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert second.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers


async def test_the_same_key_with_another_body_is_422(tenant: TenantHandle) -> None:
    headers = {**tenant.admin, "Idempotency-Key": "k1"}
    await tenant.client.post("/v1/user", json={"userId": "u1"}, headers=headers)
    r = await tenant.client.post("/v1/user", json={"userId": "u2"}, headers=headers)
    assert r.status_code == 422
    assert r.json()["data"]["field"] == "Idempotency-Key"


async def test_a_failed_first_attempt_leaves_the_key_free(tenant: TenantHandle) -> None:
    await tenant.create_user("u1")
    headers = {**tenant.admin, "Idempotency-Key": "k2"}
    failed = await tenant.client.post("/v1/user", json={"userId": "u1"}, headers=headers)
    assert failed.status_code == 400
    await tenant.client.delete("/v1/user/u1", headers=tenant.admin)
    retried = await tenant.client.post("/v1/user", json={"userId": "u1"}, headers=headers)
    assert retried.status_code == 201


async def test_keys_are_per_tenant(tenant: TenantHandle, other_tenant: TenantHandle) -> None:
    a = await tenant.client.post(
        "/v1/user", json={"userId": "u1"}, headers={**tenant.admin, "Idempotency-Key": "same"}
    )
    b = await other_tenant.client.post(
        "/v1/user", json={"userId": "u1"}, headers={**other_tenant.admin, "Idempotency-Key": "same"}
    )
    assert a.status_code == b.status_code == 201
    assert "Idempotent-Replayed" not in b.headers


async def test_an_overlong_key_is_400(tenant: TenantHandle) -> None:
    r = await tenant.client.post(
        "/v1/user", json={"userId": "u1"}, headers={**tenant.admin, "Idempotency-Key": "k" * 201}
    )
    assert r.status_code == 400
