"""Seed 000 ``GET /user/{userId}/challenge[/{challengeId}]``, quoted and checked against real answers.

Seed example (one item of ``challenges``)::

    {"challengeId": "Favori-iY6sx", "status": "ACTIVE", "goal": 1, "points": 15,
     "title": {"de": "Stammstrecke: Favorisiere eine Verbindung",
               "en": "Go-to route: favor a route connection"},
     "type": "FIXED", "progress": 0, "completed": false, "completedDate": null,
     "seriesId": "BikeSeries-JE3ew", "isLastStep": false}
"""

from __future__ import annotations

from typing import Any

from tests.activity_support import log_activity
from tests.support import TenantHandle

T0 = 1_763_900_000_000
TITLE = {"de": "Stammstrecke: Favorisiere eine Verbindung", "en": "Go-to route: favor a route connection"}


def seed_challenge(**extra: Any) -> dict[str, Any]:
    return {
        "challengeId": "Favori-iY6sx",
        "status": "ACTIVE",
        "goal": 1,
        "points": 15,
        "title": TITLE,
        "type": "FIXED",
        "eventId": "route_favored",
        "seriesId": "BikeSeries-JE3ew",
        "seriesStep": 1,
        **extra,
    }


async def setup_series(tenant: TenantHandle) -> None:
    r = await tenant.put("challenges", "Favori-iY6sx", seed_challenge())
    assert r.status_code == 200, r.text
    r = await tenant.put(
        "challenges",
        "Bike-2",
        {
            "challengeId": "Bike-2",
            "title": {"en": "Ride twice", "de": "Zweimal fahren"},
            "eventId": "bike_ride",
            "goal": 2,
            "points": 30,
            "seriesId": "BikeSeries-JE3ew",
            "seriesStep": 2,
        },
    )
    assert r.status_code == 200, r.text


async def test_user_challenges_answer_the_seed_shape(tenant: TenantHandle) -> None:
    await setup_series(tenant)
    r = await tenant.client.get("/v1/user/user_123/challenge", headers=tenant.user("user_123"))
    assert r.status_code == 200
    assert r.json() == {
        "challenges": [
            {
                "challengeId": "Favori-iY6sx",
                "status": "ACTIVE",
                "goal": 1,
                "points": 15,
                "title": TITLE,
                "type": "FIXED",
                "progress": 0,
                "completed": False,
                "completedDate": None,
                "seriesId": "BikeSeries-JE3ew",
                "isLastStep": False,
            }
        ],
        "lastEvaluatedKey": None,
    }


async def test_completing_a_step_shows_it_completed_and_unlocks_the_last_step(
    app: Any, tenant: TenantHandle, clock
) -> None:
    await setup_series(tenant)
    clock.set(T0)
    outcome = await log_activity(app, tenant, "user_123", "route_favored")
    assert outcome.data["challenges"][0]["completed"] is True
    r = await tenant.client.get("/v1/user/user_123/challenge", headers=tenant.user("user_123"))
    assert r.json()["challenges"] == [
        {
            "challengeId": "Favori-iY6sx",
            "status": "ACTIVE",
            "goal": 1,
            "points": 15,
            "title": TITLE,
            "type": "FIXED",
            "progress": 1,
            "completed": True,
            "completedDate": T0,
            "seriesId": "BikeSeries-JE3ew",
            "isLastStep": False,
        },
        {
            "challengeId": "Bike-2",
            "status": "ACTIVE",
            "goal": 2,
            "points": 30,
            "title": {"en": "Ride twice", "de": "Zweimal fahren"},
            "type": "FIXED",
            "progress": 0,
            "completed": False,
            "completedDate": None,
            "seriesId": "BikeSeries-JE3ew",
            "isLastStep": True,
        },
    ]
    points = await tenant.client.get("/v1/user/user_123/points", headers=tenant.user("user_123"))
    assert points.json()["points"] == 15


async def test_completed_filter_splits_completed_and_open(app: Any, tenant: TenantHandle) -> None:
    await setup_series(tenant)
    await log_activity(app, tenant, "user_123", "route_favored")
    done = await tenant.client.get("/v1/user/user_123/challenge?completed=true", headers=tenant.admin)
    open_ = await tenant.client.get("/v1/user/user_123/challenge?completed=false", headers=tenant.admin)
    assert [c["challengeId"] for c in done.json()["challenges"]] == ["Favori-iY6sx"]
    assert [c["challengeId"] for c in open_.json()["challenges"]] == ["Bike-2"]


async def test_pages_follow_last_evaluated_key_until_null(tenant: TenantHandle) -> None:
    for n in range(5):
        body = {"challengeId": f"c{n}", "title": f"C{n}", "eventId": "e"}
        assert (await tenant.put("challenges", f"c{n}", body)).status_code == 200
    seen: list[str] = []
    key = None
    pages = 0
    while True:
        params = {"limit": "2", **({"lastEvaluatedKey": key} if key else {})}
        r = await tenant.client.get("/v1/user/u1/challenge", params=params, headers=tenant.user("u1"))
        assert r.status_code == 200
        seen += [c["challengeId"] for c in r.json()["challenges"]]
        key = r.json()["lastEvaluatedKey"]
        pages += 1
        if key is None:
            break
        assert isinstance(key, str)
    assert seen == ["c0", "c1", "c2", "c3", "c4"]
    assert pages == 3


async def test_a_plain_string_title_is_shown_in_the_default_language(tenant: TenantHandle) -> None:
    await tenant.put("challenges", "c", {"challengeId": "c", "title": "Ride", "eventId": "e"})
    r = await tenant.client.get("/v1/user/u1/challenge/c", headers=tenant.user("u1"))
    assert r.json()["title"] == {"en": "Ride"}


async def test_one_challenge_answers_the_list_item_shape(app: Any, tenant: TenantHandle) -> None:
    await setup_series(tenant)
    r = await tenant.client.get("/v1/user/user_123/challenge/Favori-iY6sx", headers=tenant.user("user_123"))
    assert r.status_code == 200
    assert r.json() == {
        "challengeId": "Favori-iY6sx",
        "status": "ACTIVE",
        "goal": 1,
        "points": 15,
        "title": TITLE,
        "type": "FIXED",
        "progress": 0,
        "completed": False,
        "completedDate": None,
        "seriesId": "BikeSeries-JE3ew",
        "isLastStep": False,
    }


async def test_a_locked_or_unknown_challenge_is_404(tenant: TenantHandle) -> None:
    await setup_series(tenant)
    locked = await tenant.client.get("/v1/user/u1/challenge/Bike-2", headers=tenant.user("u1"))
    unknown = await tenant.client.get("/v1/user/u1/challenge/nope", headers=tenant.user("u1"))
    assert (locked.status_code, unknown.status_code) == (404, 404)
    assert unknown.json()["statusCode"] == 404


async def test_another_users_challenges_are_403(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/v1/user/someone/challenge", headers=tenant.user("me"))
    assert r.status_code == 403


async def test_bad_query_values_are_400_naming_the_field(tenant: TenantHandle) -> None:
    for query, field in (
        ("completed=maybe", "completed"),
        ("limit=0", "limit"),
        ("limit=x", "limit"),
        ("lastEvaluatedKey=%%%", "lastEvaluatedKey"),
    ):
        r = await tenant.client.get(f"/v1/user/u1/challenge?{query}", headers=tenant.user("u1"))
        assert r.status_code == 400, query
        assert r.json()["data"]["field"] == field


async def test_challenge_outside_its_window_is_not_listed(tenant: TenantHandle, clock) -> None:
    clock.set(T0)
    body = {"challengeId": "w", "title": "W", "eventId": "e", "time": {"from": T0 + 1000, "to": T0 + 2000}}
    assert (await tenant.put("challenges", "w", body)).status_code == 200
    before = await tenant.client.get("/v1/user/u1/challenge", headers=tenant.user("u1"))
    clock.set(T0 + 1500)
    during = await tenant.client.get("/v1/user/u1/challenge", headers=tenant.user("u1"))
    assert before.json()["challenges"] == []
    assert [c["challengeId"] for c in during.json()["challenges"]] == ["w"]
