"""The challenges reactor and its payouts, driven directly inside write transactions."""

from __future__ import annotations

from typing import Any

from tests.activity_support import log_activity
from tests.support import TenantHandle

T0 = 1_763_900_000_000
DAY = 86_400_000


async def put(tenant: TenantHandle, kind: str, item_id: str, body: dict[str, Any]) -> None:
    r = await tenant.put(kind, item_id, body)
    assert r.status_code == 200, r.text


async def points(tenant: TenantHandle, user_id: str) -> int:
    r = await tenant.client.get(f"/v1/user/{user_id}/points", headers=tenant.admin)
    return int(r.json()["points"])


async def profile(tenant: TenantHandle, user_id: str) -> dict[str, Any]:
    r = await tenant.client.get("/api/loyalty/profile", headers=tenant.user(user_id))
    assert r.status_code == 200, r.text
    return dict(r.json()["data"])


async def test_condition_filters_which_events_count(app: Any, tenant: TenantHandle) -> None:
    await put(
        tenant,
        "challenges",
        "big",
        {
            "challengeId": "big",
            "title": "Big buys",
            "eventId": "buy",
            "goal": 2,
            "conditions": {
                "type": "AND",
                "conditions": [{"field": "amount", "operator": "greater_than", "value": 50}],
            },
        },
    )
    await log_activity(app, tenant, "u1", "buy", {"amount": 10})
    await log_activity(app, tenant, "u1", "buy", {"amount": 60})
    await log_activity(app, tenant, "u1", "login")
    r = await tenant.client.get("/v1/user/u1/challenge/big", headers=tenant.admin)
    assert (r.json()["progress"], r.json()["completed"]) == (1, False)


async def test_event_whose_own_condition_failed_does_not_count_but_one_over_its_limit_does(
    app: Any, tenant: TenantHandle
) -> None:
    await put(tenant, "challenges", "c", {"challengeId": "c", "title": "C", "eventId": "e", "goal": 5})
    condition = {"type": "AND", "conditions": [{"field": "amount", "operator": "greater_than", "value": 0}]}
    await put(tenant, "events", "e", {"eventId": "e", "title": "E", "limit": 1, "conditions": condition})
    await tenant.create_user("u1")
    answers = []
    for amount in (0, 1, 1):  # condition failed; counted; over the limit
        r = await tenant.client.post(
            "/v1/event",
            json={"eventId": "e", "userId": "u1", "metadata": {"amount": amount}},
            headers=tenant.admin,
        )
        answers.append((r.json()["data"]["conditionReached"], r.json()["data"]["limitReached"]))
    assert answers == [(False, False), (True, False), (True, True)]
    r = await tenant.client.get("/v1/user/u1/challenge/c", headers=tenant.admin)
    assert r.json()["progress"] == 2


async def test_transaction_challenge_adds_the_metadata_value(app: Any, tenant: TenantHandle) -> None:
    await put(
        tenant,
        "challenges",
        "km",
        {
            "challengeId": "km",
            "title": "Ride 10 km",
            "eventId": "ride",
            "type": "TRANSACTION",
            "valueField": "km",
            "goal": 10,
            "points": 5,
        },
    )
    await log_activity(app, tenant, "u1", "ride", {"km": 4})
    await log_activity(app, tenant, "u1", "ride", {"km": 7.2})
    r = await tenant.client.get("/v1/user/u1/challenge/km", headers=tenant.admin)
    assert (r.json()["progress"], r.json()["completed"]) == (10, True)
    assert await points(tenant, "u1") == 5


async def test_completion_pays_once_and_further_events_change_nothing(app: Any, tenant: TenantHandle) -> None:
    await put(tenant, "challenges", "c", {"challengeId": "c", "title": "C", "eventId": "e", "points": 15})
    first = await log_activity(app, tenant, "u1", "e")
    second = await log_activity(app, tenant, "u1", "e")
    assert first.data["challenges"][0]["completed"] is True
    assert second.data == {}
    assert await points(tenant, "u1") == 15


async def test_completion_writes_a_challenge_entry_in_the_lynes_history(
    app: Any, tenant: TenantHandle, clock
) -> None:
    clock.set(T0)
    await put(
        tenant,
        "challenges",
        "c",
        {"challengeId": "c", "title": {"en": "Ride", "de": "Fahren"}, "eventId": "e", "points": 15},
    )
    await log_activity(app, tenant, "u1", "e")
    r = await tenant.client.get("/v1/user/u1/history", headers=tenant.admin)
    assert r.json() == [
        {
            "id": f"CHALLENGE#c#{T0}",
            "timestamp": T0,
            "type": "CHALLENGE",
            "points": 15,
            "image": None,
            "description": {"en": "Ride", "de": "Fahren"},
            "title": {"en": "Challenge completed", "de": "Challenge abgeschlossen"},
            "userId": "u1",
            "globalEventDateKey": "2025-11-23",
        }
    ]


async def test_daily_repeat_pays_up_to_the_cap_and_again_the_next_day(
    app: Any, tenant: TenantHandle, clock
) -> None:
    clock.set(T0)
    await put(
        tenant,
        "challenges",
        "daily",
        {
            "challengeId": "daily",
            "title": "Daily",
            "eventId": "e",
            "points": 10,
            "repeat": {"per": "day", "maxCompletions": 2},
        },
    )
    for _ in range(3):
        await log_activity(app, tenant, "u1", "e")
    assert await points(tenant, "u1") == 20
    clock.set(T0 + DAY)
    fresh = await tenant.client.get("/v1/user/u1/challenge/daily", headers=tenant.admin)
    assert (fresh.json()["progress"], fresh.json()["completed"]) == (0, False)
    await log_activity(app, tenant, "u1", "e")
    assert await points(tenant, "u1") == 30


async def test_unlimited_repeat_pays_every_round(app: Any, tenant: TenantHandle) -> None:
    await put(
        tenant,
        "challenges",
        "r",
        {
            "challengeId": "r",
            "title": "R",
            "eventId": "e",
            "goal": 2,
            "points": 1,
            "repeat": {"per": "total", "maxCompletions": None},
        },
    )
    for _ in range(7):
        await log_activity(app, tenant, "u1", "e")
    assert await points(tenant, "u1") == 3


async def test_series_next_step_counts_only_after_the_previous_completed(
    app: Any, tenant: TenantHandle
) -> None:
    await put(
        tenant,
        "challenges",
        "s1",
        {"challengeId": "s1", "title": "1", "eventId": "e", "seriesId": "S", "seriesStep": 1, "points": 1},
    )
    await put(
        tenant,
        "challenges",
        "s2",
        {"challengeId": "s2", "title": "2", "eventId": "e", "seriesId": "S", "seriesStep": 2, "points": 2},
    )
    first = await log_activity(app, tenant, "u1", "e")
    assert [c["challengeId"] for c in first.data["challenges"]] == ["s1"]
    second = await log_activity(app, tenant, "u1", "e")
    assert [(c["challengeId"], c["completed"], c["isLastStep"]) for c in second.data["challenges"]] == [
        ("s2", True, True)
    ]
    assert await points(tenant, "u1") == 3


async def test_metric_reward_is_clamped_to_the_maximum(app: Any, tenant: TenantHandle) -> None:
    await put(tenant, "metrics", "xp", {"id": "xp", "title": "XP", "maximumValue": 25})
    await put(
        tenant,
        "challenges",
        "r",
        {
            "challengeId": "r",
            "title": "R",
            "eventId": "e",
            "repeat": {"maxCompletions": None},
            "rewards": [{"type": "metric", "metricId": "xp", "metricQuantity": 10}],
        },
    )
    for _ in range(4):
        await log_activity(app, tenant, "u1", "e")
    assert (await profile(tenant, "u1"))["metrics"]["xp"] == 25


async def test_negative_metric_reward_stops_at_the_minimum(app: Any, tenant: TenantHandle) -> None:
    await put(tenant, "metrics", "energy", {"id": "energy", "defaultValue": 5})
    await put(
        tenant,
        "challenges",
        "spend",
        {
            "challengeId": "spend",
            "title": "Spend",
            "eventId": "e",
            "repeat": {"maxCompletions": None},
            "rewards": [{"type": "metric", "metricId": "energy", "metricQuantity": -3}],
        },
    )
    await log_activity(app, tenant, "u1", "e")
    await log_activity(app, tenant, "u1", "e")
    assert (await profile(tenant, "u1"))["metrics"]["energy"] == 0


async def test_inventory_items_are_gained_and_lost(app: Any, tenant: TenantHandle) -> None:
    await put(tenant, "inventory", "keys", {"id": "keys", "items": [{"id": "red"}, {"id": "blue"}]})
    await put(
        tenant,
        "challenges",
        "find",
        {
            "challengeId": "find",
            "title": "Find",
            "eventId": "find",
            "rewards": [{"type": "inventory", "inventorySetId": "keys", "inventoryItemId": "red"}],
        },
    )
    await put(
        tenant,
        "challenges",
        "use",
        {
            "challengeId": "use",
            "title": "Use",
            "eventId": "open_door",
            "rewards": [
                {"type": "inventory", "inventorySetId": "keys", "inventoryItemId": "red", "remove": True},
                {"type": "inventory", "inventorySetId": "keys", "inventoryItemId": "blue"},
            ],
        },
    )
    await log_activity(app, tenant, "u1", "find")
    assert (await profile(tenant, "u1"))["inventory"] == {"keys": ["red"]}
    await log_activity(app, tenant, "u1", "open_door")
    assert (await profile(tenant, "u1"))["inventory"] == {"keys": ["blue"]}
    history = await tenant.client.get("/api/loyalty/history", headers=tenant.user("u1"))
    assert history.json()["data"][-1]["payload"]["inventoryChanges"] == {
        "received": [{"setId": "keys", "itemId": "blue"}],
        "lost": [{"setId": "keys", "itemId": "red"}],
    }


async def test_inactive_challenge_does_not_advance(app: Any, tenant: TenantHandle) -> None:
    await put(
        tenant,
        "challenges",
        "c",
        {"challengeId": "c", "title": "C", "eventId": "e", "status": "INACTIVE", "points": 5},
    )
    outcome = await log_activity(app, tenant, "u1", "e")
    assert outcome.data == {}
    assert await points(tenant, "u1") == 0


async def test_deleting_a_user_removes_their_challenge_data(app: Any, tenant: TenantHandle) -> None:
    await put(tenant, "challenges", "c", {"challengeId": "c", "title": "C", "eventId": "e"})
    await log_activity(app, tenant, "u1", "e")
    export = await tenant.client.get("/v1/user/u1/export", headers=tenant.admin)
    assert len(export.json()["challenge_progress"]) == 1
    assert len(export.json()["challenge_completions"]) == 1
    assert len(export.json()["loyalty_transactions"]) == 1
    assert (await tenant.client.delete("/v1/user/u1", headers=tenant.admin)).status_code == 200
    again = await tenant.client.get("/v1/user/u1/challenge/c", headers=tenant.admin)
    assert (again.json()["progress"], again.json()["completed"]) == (0, False)
