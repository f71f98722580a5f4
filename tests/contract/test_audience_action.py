"""Seed 001 ``POST /api/loyalty/action``: an action goes through the same rules engine as a Lynes
event (``action`` = event id, ``data`` = metadata)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support import TenantHandle

# The seed's request example, with its placeholders filled in.
SEED_ACTION = {
    "action": "visit_store",
    "data": {"city": "arbitrary string up to 1024 characters long", "minutes": 1000, "member": True},
}


async def setup_action(tenant: TenantHandle, **changes: Any) -> None:
    body = {"eventId": "visit_store", "title": "Store visit", "reward": {"default": 7}, **changes}
    r = await tenant.put("events", "visit_store", body)
    assert r.status_code == 200, r.text
    await tenant.create_user("sub-1")


async def test_action_is_logged_for_the_tokens_subject(tenant: TenantHandle) -> None:
    await setup_action(tenant)
    r = await tenant.client.post("/api/loyalty/action", json=SEED_ACTION, headers=tenant.user("sub-1"))
    assert r.status_code == 200
    assert r.json() == {
        "message": "OK",
        "data": {"action": "visit_store", "points": 7, "conditionReached": True, "limitReached": False},
    }
    points = await tenant.client.get("/v1/user/sub-1/points", headers=tenant.admin)
    assert points.json()["points"] == 7


async def test_action_data_feeds_the_conditions(tenant: TenantHandle) -> None:
    await setup_action(
        tenant,
        conditions={"type": "AND", "conditions": [{"field": "member", "operator": "equals", "value": False}]},
    )
    r = await tenant.client.post("/api/loyalty/action", json=SEED_ACTION, headers=tenant.user("sub-1"))
    assert r.json()["data"] == {
        "action": "visit_store",
        "points": 0,
        "conditionReached": False,
        "limitReached": False,
    }


async def test_action_with_an_api_key_names_the_user(tenant: TenantHandle) -> None:
    await setup_action(tenant)
    r = await tenant.client.post(
        "/api/loyalty/action", json={**SEED_ACTION, "userId": "sub-1"}, headers=tenant.admin
    )
    assert r.json()["data"]["points"] == 7


async def test_action_string_over_1024_characters_is_400_naming_it(tenant: TenantHandle) -> None:
    await setup_action(tenant)
    body = {"action": "visit_store", "data": {"note": "x" * 1025}}
    r = await tenant.client.post("/api/loyalty/action", json=body, headers=tenant.user("sub-1"))
    assert r.status_code == 400
    assert r.json()["data"] == {"code": "invalid_input", "field": "data.note"}


@pytest.mark.parametrize("value", [[1, 2], {"a": 1}, None])
async def test_action_data_that_is_not_string_number_or_boolean_is_400(
    tenant: TenantHandle, value: Any
) -> None:
    await setup_action(tenant)
    body = {"action": "visit_store", "data": {"bad": value}}
    r = await tenant.client.post("/api/loyalty/action", json=body, headers=tenant.user("sub-1"))
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "data.bad"


async def test_action_without_a_name_is_400(tenant: TenantHandle) -> None:
    r = await tenant.client.post("/api/loyalty/action", json={"data": {}}, headers=tenant.user("sub-1"))
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "action"


async def test_unknown_action_is_404(tenant: TenantHandle) -> None:
    await tenant.create_user("sub-1")
    r = await tenant.client.post("/api/loyalty/action", json={"action": "nope"}, headers=tenant.user("sub-1"))
    assert r.status_code == 404
    assert r.json()["data"]["code"] == "not_found"


async def test_action_counts_towards_the_event_limit(tenant: TenantHandle) -> None:
    await setup_action(tenant, limit=1)
    headers = tenant.user("sub-1")
    await tenant.client.post("/api/loyalty/action", json=SEED_ACTION, headers=headers)
    r = await tenant.client.post("/api/loyalty/action", json=SEED_ACTION, headers=headers)
    assert (r.json()["data"]["points"], r.json()["data"]["limitReached"]) == (0, True)
