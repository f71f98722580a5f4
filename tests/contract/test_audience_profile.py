"""Seed 001 ``GET /api/loyalty/config``, ``/profile`` and ``/history`` against real answers."""

from __future__ import annotations

from typing import Any

from tests.activity_support import log_activity
from tests.support import TenantHandle

T0 = 1_763_900_000_000
CID = "123e4567-e89b-12d3-a456-426614174000"
MID = "223e4567-e89b-12d3-a456-426614174000"


async def configure(tenant: TenantHandle) -> None:
    metric = {
        "id": "gems",
        "title": "Gems",
        "media": "gem.png",
        "defaultValue": 5,
        "minimumValue": 0,
        "maximumValue": 100,
    }
    assert (await tenant.put("metrics", "gems", metric)).status_code == 200
    badges = {"id": "badges", "title": "Badges", "items": [{"id": "gold", "title": "Gold", "media": "g.png"}]}
    assert (await tenant.put("inventory", "badges", badges)).status_code == 200
    challenge = {
        "challengeId": CID,
        "title": {"en": "Explorer", "de": "Entdecker"},
        "subtitle": "Try two things",
        "notification": {"display": "toast", "title": "Well done", "message": "Explorer complete"},
        "time": {"showInUI": True, "from": T0 - 1000, "to": T0 + 86_400_000},
        "missions": [
            {"id": MID, "title": "Read an article", "eventId": "article_read"},
            {"id": "m2", "title": "Share", "eventId": "shared", "notification": {"display": "none"}},
        ],
        "rewards": [
            {"type": "metric", "metricId": "gems", "metricQuantity": 10},
            {"type": "inventory", "inventorySetId": "badges", "inventoryItemId": "gold"},
        ],
        "points": 50,
    }
    r = await tenant.put("challenges", CID, challenge)
    assert r.status_code == 200, r.text


async def test_config_answers_the_seed_shape(tenant: TenantHandle, clock) -> None:
    clock.set(T0)
    await configure(tenant)
    r = await tenant.client.get("/api/loyalty/config", headers=tenant.user("u1"))
    assert r.status_code == 200
    assert r.json() == {
        "message": "OK",
        "data": {
            "metrics": [
                {
                    "id": "points",
                    "title": "Points",
                    "media": None,
                    "defaultValue": 0,
                    "minimumValue": 0,
                    "maximumValue": None,
                },
                {
                    "id": "gems",
                    "title": "Gems",
                    "media": "gem.png",
                    "defaultValue": 5,
                    "minimumValue": 0,
                    "maximumValue": 100,
                },
            ],
            "inventory": [
                {
                    "id": "badges",
                    "title": "Badges",
                    "items": [{"id": "gold", "title": "Gold", "media": "g.png"}],
                }
            ],
            "challenges": [
                {
                    "id": CID,
                    "title": "Explorer",
                    "subtitle": "Try two things",
                    "notification": {
                        "display": "toast",
                        "title": "Well done",
                        "message": "Explorer complete",
                    },
                    "showInProfile": True,
                    "showInRail": True,
                    "time": {"showInUI": True, "from": T0 - 1000, "to": T0 + 86_400_000},
                    "missions": [
                        {
                            "id": MID,
                            "title": "Read an article",
                            "type": "FIXED",
                            "notification": {"display": "toast", "title": None, "message": None},
                        },
                        {
                            "id": "m2",
                            "title": "Share",
                            "type": "FIXED",
                            "notification": {"display": "none", "title": None, "message": None},
                        },
                    ],
                    "rewards": [
                        {
                            "type": "metric",
                            "metricId": "points",
                            "metricQuantity": 50,
                            "inventorySetId": None,
                            "inventoryItemId": None,
                        },
                        {
                            "type": "metric",
                            "metricId": "gems",
                            "metricQuantity": 10,
                            "inventorySetId": None,
                            "inventoryItemId": None,
                        },
                        {
                            "type": "inventory",
                            "metricId": None,
                            "metricQuantity": None,
                            "inventorySetId": "badges",
                            "inventoryItemId": "gold",
                        },
                    ],
                }
            ],
        },
    }


async def test_config_titles_follow_accept_language(tenant: TenantHandle, clock) -> None:
    clock.set(T0)
    await configure(tenant)
    headers = {**tenant.user("u1"), "Accept-Language": "de-DE,de;q=0.9"}
    r = await tenant.client.get("/api/loyalty/config", headers=headers)
    assert r.json()["data"]["challenges"][0]["title"] == "Entdecker"


async def test_config_leaves_out_ended_and_inactive_challenges(tenant: TenantHandle, clock) -> None:
    clock.set(T0)
    await tenant.put(
        "challenges", "old", {"challengeId": "old", "title": "Old", "eventId": "e", "time": {"to": T0 - 1}}
    )
    await tenant.put(
        "challenges", "off", {"challengeId": "off", "title": "Off", "eventId": "e", "status": "INACTIVE"}
    )
    r = await tenant.client.get("/api/loyalty/config", headers=tenant.user("u1"))
    assert r.json()["data"]["challenges"] == []


async def test_profile_is_created_empty_with_metric_defaults(tenant: TenantHandle) -> None:
    await configure(tenant)
    r = await tenant.client.get("/api/loyalty/profile", headers=tenant.user("new_user"))
    assert r.status_code == 200
    assert r.json() == {
        "message": "OK",
        "data": {
            "metrics": {"points": 0, "gems": 5},
            "inventory": {"badges": []},
            "challenges": {},
        },
    }
    exists = await tenant.client.get("/v1/user/new_user/points", headers=tenant.admin)
    assert exists.json()["userExists"] is True


async def test_profile_shows_completed_missions_then_the_completed_challenge(
    app: Any, tenant: TenantHandle, clock
) -> None:
    clock.set(T0)
    await configure(tenant)
    await log_activity(app, tenant, "u1", "article_read")
    mid = await tenant.client.get("/api/loyalty/profile", headers=tenant.user("u1"))
    assert mid.json()["data"]["challenges"] == {CID: {"isCompleted": False, "missionsCompleted": [MID]}}
    await log_activity(app, tenant, "u1", "shared")
    done = await tenant.client.get("/api/loyalty/profile", headers=tenant.user("u1"))
    assert done.json()["data"] == {
        "metrics": {"points": 50, "gems": 15},
        "inventory": {"badges": ["gold"]},
        "challenges": {CID: {"isCompleted": True, "missionsCompleted": [MID, "m2"]}},
    }


async def test_history_lists_missions_and_challenge_with_their_changes_oldest_first(
    app: Any, tenant: TenantHandle, clock
) -> None:
    clock.set(T0)
    await configure(tenant)
    await log_activity(app, tenant, "u1", "article_read")
    clock.set(T0 + 10)
    await log_activity(app, tenant, "u1", "shared")
    r = await tenant.client.get("/api/loyalty/history", headers=tenant.user("u1"))
    assert r.status_code == 200
    data = r.json()["data"]
    assert r.json()["message"] == "OK"
    assert [(t["type"], t["timestamp"]) for t in data] == [
        ("missionCompleted", T0),
        ("missionCompleted", T0 + 10),
        ("challengeCompleted", T0 + 10),
    ]
    assert all(isinstance(t["id"], str) for t in data)
    assert data[0]["payload"] == {
        "challengeId": CID,
        "missionId": MID,
        "metricChanges": {},
        "inventoryChanges": {"received": [], "lost": []},
    }
    assert data[2]["payload"] == {
        "challengeId": CID,
        "metricChanges": {
            "points": {"oldValue": 0, "newValue": 50},
            "gems": {"oldValue": 5, "newValue": 15},
        },
        "inventoryChanges": {"received": [{"setId": "badges", "itemId": "gold"}], "lost": []},
    }


async def test_history_from_and_to_are_inclusive_bounds(app: Any, tenant: TenantHandle, clock) -> None:
    clock.set(T0)
    await configure(tenant)
    await log_activity(app, tenant, "u1", "article_read")
    clock.set(T0 + 10)
    await log_activity(app, tenant, "u1", "shared")
    only_first = await tenant.client.get(f"/api/loyalty/history?to={T0}", headers=tenant.user("u1"))
    only_last = await tenant.client.get(f"/api/loyalty/history?from={T0 + 10}", headers=tenant.user("u1"))
    assert [t["timestamp"] for t in only_first.json()["data"]] == [T0]
    assert [t["timestamp"] for t in only_last.json()["data"]] == [T0 + 10, T0 + 10]


async def test_history_of_a_user_without_transactions_is_an_empty_list(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/api/loyalty/history", headers=tenant.user("nobody"))
    assert r.json() == {"message": "OK", "data": []}


async def test_history_rejects_a_non_numeric_from(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/api/loyalty/history?from=yesterday", headers=tenant.user("u1"))
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "from"


async def test_profile_needs_a_user_token_not_an_api_key(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/api/loyalty/profile", headers=tenant.admin)
    assert r.status_code == 403
    assert r.json()["data"]["code"] == "forbidden"


async def test_notifications_are_recorded_in_the_seed_payload_shape(
    app: Any, tenant: TenantHandle, clock
) -> None:
    clock.set(T0)
    await configure(tenant)
    await log_activity(app, tenant, "u1", "article_read")
    await log_activity(app, tenant, "u1", "shared")
    export = await tenant.client.get("/v1/user/u1/export", headers=tenant.admin)
    rows = sorted(export.json()["notifications"], key=lambda n: n["id"])
    assert [(n["type"], n["display"], n["section"]) for n in rows] == [
        ("missionCompleted", "toast", "challenges"),
        ("missionCompleted", "none", "challenges"),
        ("challengeCompleted", "toast", "challenges"),
    ]
    assert (rows[2]["title"], rows[2]["message"]) == ("Well done", "Explorer complete")
    assert rows[2]["payload"]["metricChanges"]["gems"] == {"oldValue": 5, "newValue": 15}


# Seed 001 "Get transaction history": "Returns paginated transaction history of all achievements
# (challenges and missions) and rewards (metrics and inventory) ... arranged by timestamp ascending."


async def act(tenant: TenantHandle, user_id: str, action: str) -> None:
    r = await tenant.client.post("/api/loyalty/action", json={"action": action}, headers=tenant.user(user_id))
    assert r.status_code == 200, r.text


async def test_history_lists_the_points_an_action_paid_before_the_challenge_it_completed(
    tenant: TenantHandle, clock
) -> None:
    clock.set(T0)
    await configure(tenant)
    await tenant.create_user("u1")
    for event_id in ("article_read", "shared"):
        r = await tenant.put(
            "events", event_id, {"eventId": event_id, "title": event_id, "reward": {"default": 3}}
        )
        assert r.status_code == 200, r.text
    await act(tenant, "u1", "article_read")
    clock.set(T0 + 10)
    await act(tenant, "u1", "shared")
    r = await tenant.client.get("/api/loyalty/history", headers=tenant.user("u1"))
    data = r.json()["data"]
    assert [(t["type"], t["timestamp"]) for t in data] == [
        ("pointsEarned", T0),
        ("missionCompleted", T0),
        ("pointsEarned", T0 + 10),
        ("missionCompleted", T0 + 10),
        ("challengeCompleted", T0 + 10),
    ]
    assert data[0]["id"].startswith("ledger-")
    assert data[0]["payload"] == {
        "source": "event",
        "eventId": "article_read",
        "metricChanges": {"points": {"oldValue": 0, "newValue": 3}},
        "inventoryChanges": {"received": [], "lost": []},
    }
    assert data[2]["payload"]["metricChanges"] == {"points": {"oldValue": 3, "newValue": 6}}
    assert data[4]["payload"]["metricChanges"]["points"] == {"oldValue": 6, "newValue": 56}
    # from/to bound the event lines too (inclusive).
    r = await tenant.client.get(f"/api/loyalty/history?from={T0 + 1}&to={T0 + 10}", headers=tenant.user("u1"))
    assert [t["type"] for t in r.json()["data"]] == ["pointsEarned", "missionCompleted", "challengeCompleted"]


async def test_history_lists_redemptions_and_adjustments_with_their_metric_changes(
    tenant: TenantHandle, clock
) -> None:
    clock.set(T0)
    await tenant.create_user("u1")
    r = await tenant.client.post(
        "/v1/admin/users/u1/adjustments", json={"points": 30, "reason": "Goodwill"}, headers=tenant.admin
    )
    assert r.status_code == 201, r.text
    offer = {"title": "Coffee", "type": "LOCAL", "points": 20}
    assert (await tenant.put("offers", "coffee", offer)).status_code == 200
    clock.set(T0 + 5)
    r = await tenant.client.post("/v1/user/u1/offer/coffee/redeem", headers=tenant.user("u1"))
    assert r.status_code == 200, r.text
    data = (await tenant.client.get("/api/loyalty/history", headers=tenant.user("u1"))).json()["data"]
    assert [(t["type"], t["timestamp"], t["payload"]) for t in data] == [
        (
            "pointsEarned",
            T0,
            {
                "source": "manual",
                "metricChanges": {"points": {"oldValue": 0, "newValue": 30}},
                "inventoryChanges": {"received": [], "lost": []},
            },
        ),
        (
            "pointsRedeemed",
            T0 + 5,
            {
                "source": "offer",
                "offerId": "coffee",
                "metricChanges": {"points": {"oldValue": 30, "newValue": 10}},
                "inventoryChanges": {"received": [], "lost": []},
            },
        ),
    ]


async def test_a_new_profile_has_no_entries_for_challenges_never_touched(tenant: TenantHandle, clock) -> None:
    # Seed 001 "Get user's rewards profile": "If the profile doesn't exist, empty one will be
    # created." An open challenge the user never worked on is in /config, not in the profile.
    clock.set(T0)
    await configure(tenant)
    config = await tenant.client.get("/api/loyalty/config", headers=tenant.user("fresh"))
    assert [c["id"] for c in config.json()["data"]["challenges"]] == [CID]
    r = await tenant.client.get("/api/loyalty/profile", headers=tenant.user("fresh"))
    assert r.json()["data"]["challenges"] == {}
