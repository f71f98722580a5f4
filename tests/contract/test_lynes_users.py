"""Seed 000 user endpoints, quoted from the seed and checked against real responses."""

from __future__ import annotations

import pytest

from tests.support import TenantHandle


async def test_create_user_answers_201_with_the_seed_shape(tenant: TenantHandle, clock) -> None:
    clock.set(1730818799123)
    r = await tenant.client.post("/v1/user", json={"userId": "user_123"}, headers=tenant.user("user_123"))
    assert r.status_code == 201
    assert r.json() == {
        "message": "user created successfully",
        "userId": "user_123",
        "createdAt": 1730818799123,
    }


async def test_create_existing_user_is_400(tenant: TenantHandle) -> None:
    await tenant.create_user("user_123")
    r = await tenant.client.post("/v1/user", json={"userId": "user_123"}, headers=tenant.admin)
    assert r.status_code == 400
    assert r.json()["statusCode"] == 400
    assert r.json()["data"]["field"] == "userId"


async def test_create_user_without_user_id_is_400_naming_the_field(tenant: TenantHandle) -> None:
    r = await tenant.client.post("/v1/user", json={}, headers=tenant.admin)
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "userId"
    assert "userId" in r.json()["message"]


@pytest.mark.parametrize("prefix", ["/v0", "/v1", "/v2", "/v3"])
async def test_points_of_a_new_user_are_zero_on_every_version_prefix(
    tenant: TenantHandle, prefix: str
) -> None:
    await tenant.create_user("user_123")
    r = await tenant.client.get(f"{prefix}/user/user_123/points", headers=tenant.user("user_123"))
    assert r.status_code == 200
    assert r.json() == {"userId": "user_123", "points": 0, "userExists": True, "pendingPoints": 0}


async def test_points_of_an_unknown_user_say_user_exists_false(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/v1/user/nobody/points", headers=tenant.user("nobody"))
    assert r.status_code == 200
    assert r.json() == {"userId": "nobody", "points": 0, "userExists": False, "pendingPoints": 0}


async def test_history_of_a_user_without_entries_is_204(tenant: TenantHandle) -> None:
    await tenant.create_user("user_123")
    r = await tenant.client.get("/v1/user/user_123/history", headers=tenant.user("user_123"))
    assert r.status_code == 204
    assert r.content == b""


async def test_history_rejects_an_unknown_sort(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/v1/user/u/history?sort=up", headers=tenant.user("u"))
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "sort"


async def test_delete_user_answers_the_seed_message_and_the_user_is_gone(tenant: TenantHandle) -> None:
    await tenant.create_user("user_123")
    r = await tenant.client.delete("/v1/user/user_123", headers=tenant.user("user_123"))
    assert r.status_code == 200
    assert r.json() == {
        "message": "User data deletion process initiated successfully. Check logs for details.",
        "userId": "user_123",
    }
    points = await tenant.client.get("/v1/user/user_123/points", headers=tenant.admin)
    assert points.json()["userExists"] is False
    export = await tenant.client.get("/v1/user/user_123/export", headers=tenant.admin)
    assert export.status_code == 404


async def test_delete_unknown_user_is_404(tenant: TenantHandle) -> None:
    r = await tenant.client.delete("/v1/user/ghost", headers=tenant.admin)
    assert r.status_code == 404


async def test_export_returns_the_user_and_their_tables(tenant: TenantHandle) -> None:
    await tenant.create_user("user_123")
    r = await tenant.client.get("/v1/user/user_123/export", headers=tenant.user("user_123"))
    assert r.status_code == 200
    body = r.json()
    assert body["userId"] == "user_123"
    assert body["tenant"] == tenant.name
    assert body["ledger_entries"] == []
    assert body["user"]["external_id"] == "user_123"
