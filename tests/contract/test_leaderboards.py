"""Leaderboards (top N, ties, own rank and neighbours, periods, user groups), a user's ranks, and
user group membership over HTTP."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from tests.activity_support import log_activity
from tests.support import Clock, TenantHandle

WEEKLY_POINTS = {"leaderboardId": "top", "metric": "points", "title": {"en": "Top savers"}}


def utc(text: str) -> int:
    return int(datetime.fromisoformat(text).replace(tzinfo=UTC).timestamp() * 1000)


async def configure(tenant: TenantHandle, body: dict[str, Any] = WEEKLY_POINTS) -> None:
    r = await tenant.put("leaderboards", body["leaderboardId"], body)
    assert r.status_code == 200, r.text


async def score(
    app: Any, tenant: TenantHandle, clock: Clock, at: str, user_id: str, points: int, **kw: Any
) -> None:
    clock.set(utc(at))
    await log_activity(app, tenant, user_id, kw.pop("event_id", "purchase"), points=points, **kw)


async def four_players(app: Any, tenant: TenantHandle, clock: Clock) -> None:
    """a=50, b=40 (reached first), c=40, d=30 on Wednesday 2025-11-05."""
    await score(app, tenant, clock, "2025-11-05 08:00", "a", 50)
    await score(app, tenant, clock, "2025-11-05 09:00", "b", 40)
    await score(app, tenant, clock, "2025-11-05 10:00", "c", 25)
    await score(app, tenant, clock, "2025-11-05 10:30", "c", 15)
    await score(app, tenant, clock, "2025-11-05 11:00", "d", 30)


async def test_top_n_with_shared_ranks_and_the_askers_rank(
    app: Any, tenant: TenantHandle, clock: Clock
) -> None:
    await configure(tenant)
    await four_players(app, tenant, clock)
    r = await tenant.client.get("/v1/leaderboard/top?period=week&limit=10", headers=tenant.user("d"))
    assert r.status_code == 200
    assert r.json() == {
        "leaderboardId": "top",
        "title": {"en": "Top savers"},
        "metric": "points",
        "usergroup": None,
        "period": "week",
        "periodKey": "2025-W45",
        "entries": [
            {"rank": 1, "userId": "a", "score": 50},
            {"rank": 2, "userId": "b", "score": 40},
            {"rank": 2, "userId": "c", "score": 40},
            {"rank": 4, "userId": "d", "score": 30},
        ],
        "user": {"rank": 4, "userId": "d", "score": 30},
        "neighbours": {
            "above": [{"rank": 2, "userId": "b", "score": 40}, {"rank": 2, "userId": "c", "score": 40}],
            "below": [],
        },
    }


async def test_own_rank_outside_the_top_n_with_neighbours(
    app: Any, tenant: TenantHandle, clock: Clock
) -> None:
    await configure(tenant)
    await four_players(app, tenant, clock)
    r = await tenant.client.get("/v1/leaderboard/top?period=all&limit=1", headers=tenant.user("c"))
    body = r.json()
    assert body["entries"] == [{"rank": 1, "userId": "a", "score": 50}]
    assert body["user"] == {"rank": 2, "userId": "c", "score": 40}
    assert body["neighbours"] == {
        "above": [{"rank": 1, "userId": "a", "score": 50}, {"rank": 2, "userId": "b", "score": 40}],
        "below": [{"rank": 4, "userId": "d", "score": 30}],
    }


async def test_a_user_without_score_has_no_rank(app: Any, tenant: TenantHandle, clock: Clock) -> None:
    await configure(tenant)
    await four_players(app, tenant, clock)
    body = (await tenant.client.get("/v1/leaderboard/top", headers=tenant.user("newbie"))).json()
    assert body["user"] == {"rank": None, "userId": "newbie", "score": 0}
    assert body["neighbours"] == {"above": [], "below": []}
    assert body["period"] == "all"


async def test_a_service_credential_names_the_user_and_gets_no_own_rank_otherwise(
    app: Any, tenant: TenantHandle, clock: Clock
) -> None:
    await configure(tenant)
    await four_players(app, tenant, clock)
    named = (await tenant.client.get("/v1/leaderboard/top?userId=b", headers=tenant.admin)).json()
    assert named["user"] == {"rank": 2, "userId": "b", "score": 40}
    anonymous = (await tenant.client.get("/v1/leaderboard/top", headers=tenant.admin)).json()
    assert anonymous["user"] is None


async def test_a_plain_user_may_not_ask_for_another_users_rank(tenant: TenantHandle) -> None:
    await configure(tenant)
    r = await tenant.client.get("/v1/leaderboard/top?userId=b", headers=tenant.user("a"))
    assert r.status_code == 403


async def test_periods_week_month_and_floating_windows(app: Any, tenant: TenantHandle, clock: Clock) -> None:
    await configure(tenant)
    await score(app, tenant, clock, "2025-10-20 12:00", "a", 100)  # October, 17 days before "now"
    await score(app, tenant, clock, "2025-11-02 12:00", "a", 10)  # Sunday, week 44; 5 days before
    await score(app, tenant, clock, "2025-11-06 12:00", "a", 1)  # Thursday, week 45
    await score(app, tenant, clock, "2025-11-06 13:00", "b", 5)
    clock.set(utc("2025-11-06 18:00"))

    async def board(period: str) -> list[tuple[str, int]]:
        r = await tenant.client.get(f"/v1/leaderboard/top?period={period}", headers=tenant.admin)
        assert r.status_code == 200, r.text
        return [(e["userId"], e["score"]) for e in r.json()["entries"]]

    assert await board("all") == [("a", 111), ("b", 5)]
    assert await board("month") == [("a", 11), ("b", 5)]
    assert await board("week") == [("b", 5), ("a", 1)]
    assert await board("7d") == [("a", 11), ("b", 5)]
    assert await board("30d") == [("a", 111), ("b", 5)]


async def test_floating_window_ranks_sum_the_days(app: Any, tenant: TenantHandle, clock: Clock) -> None:
    await configure(tenant)
    await score(app, tenant, clock, "2025-11-01 12:00", "a", 10)
    await score(app, tenant, clock, "2025-11-03 12:00", "a", 10)
    await score(app, tenant, clock, "2025-11-04 12:00", "b", 15)
    await score(app, tenant, clock, "2025-11-05 12:00", "c", 5)
    body = (await tenant.client.get("/v1/leaderboard/top?period=7d", headers=tenant.user("b"))).json()
    assert body["periodKey"] == "2025-10-30..2025-11-05"
    assert body["user"] == {"rank": 2, "userId": "b", "score": 15}
    assert body["neighbours"] == {
        "above": [{"rank": 1, "userId": "a", "score": 20}],
        "below": [{"rank": 3, "userId": "c", "score": 5}],
    }


async def test_a_group_board_counts_only_that_groups_activity(
    app: Any, tenant: TenantHandle, clock: Clock
) -> None:
    assert (await tenant.put("usergroups", "gold", {"id": "gold", "title": "Gold"})).status_code == 200
    await configure(tenant, {"leaderboardId": "gold_only", "usergroup": "gold", "periods": ["all"]})
    await score(app, tenant, clock, "2025-11-05 08:00", "g", 10, usergroup="gold")
    await score(app, tenant, clock, "2025-11-05 09:00", "d", 99)
    body = (await tenant.client.get("/v1/leaderboard/gold_only", headers=tenant.admin)).json()
    assert body["entries"] == [{"rank": 1, "userId": "g", "score": 10}]
    assert body["usergroup"] == "gold"


async def test_an_events_board_counts_qualifying_events_of_the_listed_ids(
    app: Any, tenant: TenantHandle, clock: Clock
) -> None:
    await configure(tenant, {"leaderboardId": "logins", "metric": "events", "eventIds": ["login"]})
    await score(app, tenant, clock, "2025-11-05 08:00", "a", 0, event_id="login")
    await score(app, tenant, clock, "2025-11-05 09:00", "a", 0, event_id="login")
    await score(app, tenant, clock, "2025-11-05 10:00", "a", 0, event_id="login", condition_reached=False)
    await score(app, tenant, clock, "2025-11-05 11:00", "b", 70, event_id="purchase")
    body = (await tenant.client.get("/v1/leaderboard/logins", headers=tenant.admin)).json()
    assert body["entries"] == [{"rank": 1, "userId": "a", "score": 2}]


async def test_user_ranks_list_every_period_of_every_active_board(
    app: Any, tenant: TenantHandle, clock: Clock
) -> None:
    await configure(tenant, {"leaderboardId": "top", "periods": ["all", "week"]})
    await configure(tenant, {"leaderboardId": "off", "status": "INACTIVE"})
    await four_players(app, tenant, clock)
    r = await tenant.client.get("/v1/user/c/rank", headers=tenant.user("c"))
    assert r.status_code == 200
    assert r.json() == {
        "userId": "c",
        "ranks": [
            {"leaderboardId": "top", "period": "all", "periodKey": "all", "rank": 2, "score": 40},
            {"leaderboardId": "top", "period": "week", "periodKey": "2025-W45", "rank": 2, "score": 40},
        ],
    }
    none = (await tenant.client.get("/v1/user/zed/rank?leaderboardId=top", headers=tenant.user("zed"))).json()
    assert [(x["rank"], x["score"]) for x in none["ranks"]] == [(None, 0), (None, 0)]


async def test_an_unknown_leaderboard_is_404(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/v1/leaderboard/nope", headers=tenant.admin)
    assert r.status_code == 404


@pytest.mark.parametrize(
    ("query", "field"),
    [("period=year", "period"), ("limit=0", "limit"), ("limit=101", "limit"), ("limit=ten", "limit")],
)
async def test_bad_leaderboard_queries_are_400_naming_the_field(
    tenant: TenantHandle, query: str, field: str
) -> None:
    await configure(tenant, {"leaderboardId": "top", "periods": ["all", "week"]})
    r = await tenant.client.get(f"/v1/leaderboard/top?{query}", headers=tenant.admin)
    assert r.status_code == 400
    assert r.json()["data"]["field"] == field


async def test_a_period_the_board_does_not_offer_is_400(tenant: TenantHandle) -> None:
    await configure(tenant, {"leaderboardId": "top", "periods": ["week"]})
    r = await tenant.client.get("/v1/leaderboard/top?period=month", headers=tenant.admin)
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "period"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"leaderboardId": "x", "periods": ["year"]}, "periods[0]"),
        ({"leaderboardId": "x", "periods": []}, "periods"),
        ({"leaderboardId": "x", "periods": ["week", "week"]}, "periods"),
        ({"leaderboardId": "x", "metric": "coins"}, "metric"),
        ({"leaderboardId": "x", "eventIds": []}, "eventIds"),
    ],
)
async def test_invalid_leaderboards_are_400_naming_the_field(
    tenant: TenantHandle, body: dict[str, Any], field: str
) -> None:
    r = await tenant.put("leaderboards", "x", body)
    assert r.status_code == 400
    assert r.json()["data"]["field"] == field


# --- user groups ---------------------------------------------------------------------------------


async def test_a_manager_puts_a_user_in_a_group(tenant: TenantHandle) -> None:
    assert (await tenant.put("usergroups", "gold", {"id": "gold", "title": "Gold"})).status_code == 200
    r = await tenant.client.post(
        "/v1/usergroup", json={"userId": "u", "usergroup": "gold"}, headers=tenant.manager()
    )
    assert r.status_code == 200
    assert r.json() == {"userId": "u", "usergroup": "gold"}
    read = await tenant.client.get("/v1/user/u/usergroup", headers=tenant.user("u"))
    assert read.json() == {"userId": "u", "usergroup": "gold"}
    export = (await tenant.client.get("/v1/user/u/export", headers=tenant.admin)).json()
    assert export["user"]["usergroup"] == "gold"


async def test_default_or_null_removes_the_group(tenant: TenantHandle) -> None:
    assert (await tenant.put("usergroups", "gold", {"id": "gold"})).status_code == 200
    await tenant.client.post("/v1/usergroup", json={"userId": "u", "usergroup": "gold"}, headers=tenant.admin)
    r = await tenant.client.post(
        "/v1/usergroup", json={"userId": "u", "usergroup": None}, headers=tenant.admin
    )
    assert r.json() == {"userId": "u", "usergroup": "default"}
    export = (await tenant.client.get("/v1/user/u/export", headers=tenant.admin)).json()
    assert export["user"]["usergroup"] is None


async def test_a_user_cannot_change_their_own_group(tenant: TenantHandle) -> None:
    assert (await tenant.put("usergroups", "gold", {"id": "gold"})).status_code == 200
    r = await tenant.client.post(
        "/v1/usergroup", json={"userId": "u", "usergroup": "gold"}, headers=tenant.user("u")
    )
    assert r.status_code == 403


async def test_an_unknown_group_is_400_naming_the_field(tenant: TenantHandle) -> None:
    r = await tenant.client.post(
        "/v1/usergroup", json={"userId": "u", "usergroup": "vip"}, headers=tenant.admin
    )
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "usergroup"


async def test_a_group_body_without_user_id_is_400(tenant: TenantHandle) -> None:
    r = await tenant.client.post("/v1/usergroup", json={"usergroup": "gold"}, headers=tenant.admin)
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "userId"


async def test_default_is_not_a_configurable_group(tenant: TenantHandle) -> None:
    r = await tenant.put("usergroups", "default", {"id": "default"})
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "id"
