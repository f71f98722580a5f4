"""Admin kinds ``challenges``, ``metrics`` and ``inventory``: stored as given, refused naming the field."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support import TenantHandle


async def test_a_challenge_round_trips_through_the_admin_api(tenant: TenantHandle) -> None:
    body = {
        "challengeId": "c1",
        "title": {"en": "Ride"},
        "eventId": "ride",
        "goal": 3,
        "points": 15,
        "time": {"showInUI": True, "from": 1, "to": 2},
        "repeat": {"per": "week", "maxCompletions": 2},
    }
    put = await tenant.put("challenges", "c1", body)
    assert put.status_code == 200
    got = await tenant.client.get("/v1/admin/challenges/c1", headers=tenant.admin)
    assert got.json()["time"] == {"showInUI": True, "from": 1, "to": 2}
    assert got.json()["repeat"] == {"per": "week", "maxCompletions": 2}
    assert (got.json()["goal"], got.json()["points"], got.json()["version"]) == (3, 15, 1)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"title": "x"}, "eventId"),
        ({"title": "x", "eventId": "e", "goal": 0}, "goal"),
        ({"title": "x", "eventId": "e", "points": -1}, "points"),
        ({"title": "x", "eventId": "e", "type": "TRANSACTION"}, "valueField"),
        ({"title": "x", "eventId": "e", "status": "DONE"}, "status"),
        ({"eventId": "e"}, "title"),
        ({"title": "x", "eventId": "e", "color": "red"}, "color"),
        ({"title": "x", "eventId": "e", "time": {"from": 5, "to": 1}}, "time.to"),
        (
            {"title": "x", "eventId": "e", "conditions": {"field": "a", "operator": "like"}},
            "conditions.operator",
        ),
        (
            {"title": "x", "missions": [{"id": "m", "eventId": "a"}, {"id": "m", "eventId": "b"}]},
            "missions[1].id",
        ),
        ({"title": "x", "missions": [{"id": "m"}]}, "missions[0].eventId"),
        ({"title": "x", "eventId": "e", "missions": [{"id": "m", "eventId": "a"}]}, "eventId"),
        (
            {"title": "x", "eventId": "e", "rewards": [{"type": "metric", "metricQuantity": 1}]},
            "rewards[0].metricId",
        ),
        (
            {"title": "x", "eventId": "e", "rewards": [{"type": "metric", "metricId": "g"}]},
            "rewards[0].metricQuantity",
        ),
        (
            {"title": "x", "eventId": "e", "rewards": [{"type": "inventory", "inventorySetId": "s"}]},
            "rewards[0].inventoryItemId",
        ),
        ({"title": "x", "eventId": "e", "rewards": [{"type": "coupon"}]}, "rewards[0].type"),
        ({"title": "x", "eventId": "e", "repeat": {"maxCompletions": 0}}, "repeat.maxCompletions"),
        ({"title": "x", "eventId": "e", "repeat": {"per": "month"}}, "repeat.per"),
    ],
)
async def test_invalid_challenge_is_400_naming_the_field(
    tenant: TenantHandle, body: dict[str, Any], field: str
) -> None:
    r = await tenant.put("challenges", "c1", {"challengeId": "c1", **body})
    assert r.status_code == 400, r.text
    assert r.json()["data"]["field"] == field


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"defaultValue": -1}, "defaultValue"),
        ({"minimumValue": 5, "defaultValue": 0}, "defaultValue"),
        ({"maximumValue": 10, "defaultValue": 11}, "defaultValue"),
        ({"minimumValue": 5, "maximumValue": 1, "defaultValue": 5}, "maximumValue"),
        ({"maximumValue": "lots"}, "maximumValue"),
    ],
)
async def test_invalid_metric_is_400_naming_the_field(
    tenant: TenantHandle, body: dict[str, Any], field: str
) -> None:
    r = await tenant.put("metrics", "gems", {"id": "gems", **body})
    assert r.status_code == 400, r.text
    assert r.json()["data"]["field"] == field


async def test_inventory_set_with_a_repeated_item_is_400(tenant: TenantHandle) -> None:
    r = await tenant.put("inventory", "s", {"id": "s", "items": [{"id": "a"}, {"id": "a"}]})
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "items[1].id"


async def test_metric_and_inventory_are_listed_by_the_admin_api(tenant: TenantHandle) -> None:
    await tenant.put("metrics", "gems", {"id": "gems", "title": "Gems", "maximumValue": 100})
    await tenant.put("inventory", "s", {"id": "s", "title": "Stickers", "items": [{"id": "a", "title": "A"}]})
    metrics = await tenant.client.get("/v1/admin/metrics", headers=tenant.admin)
    sets = await tenant.client.get("/v1/admin/inventory", headers=tenant.admin)
    assert metrics.json() == [
        {
            "id": "gems",
            "title": "Gems",
            "media": None,
            "defaultValue": 0,
            "minimumValue": 0,
            "maximumValue": 100,
            "version": 1,
        }
    ]
    assert sets.json() == [
        {"id": "s", "title": "Stickers", "items": [{"id": "a", "title": "A", "media": None}], "version": 1}
    ]
