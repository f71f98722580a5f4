"""The analytics page: charts from the statistics use case, or a clear note when it is absent."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from loyalty.web import pages, stats_source
from tests.support import TenantHandle
from tests.unit.test_charts import STATS


async def test_analytics_page_draws_the_charts_of_the_stats(
    admin_browser: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    async def fake_stats(services: Any, principal: Any, period: str) -> dict[str, Any]:
        asked.append(period)
        return STATS

    monkeypatch.setattr(stats_source, "load_stats", fake_stats)
    page = await admin_browser.get("/dashboard/analytics?period=30d")
    assert page.status_code == 200
    assert asked == ["30d"]
    assert '<strong id="total-events">6,120</strong>' in page.text
    assert page.text.count('<svg class="chart"') == 5
    assert "<title>2025-08-01: 900</title>" in page.text
    assert '<a href="/dashboard/analytics?period=30d" class="active">30d</a>' in page.text


async def test_unknown_period_falls_back_to_seven_days(
    admin_browser: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    async def fake_stats(services: Any, principal: Any, period: str) -> dict[str, Any]:
        asked.append(period)
        return STATS

    monkeypatch.setattr(stats_source, "load_stats", fake_stats)
    await admin_browser.get("/dashboard/analytics?period=forever")
    assert asked == ["7d"]


async def test_without_the_statistics_feature_the_page_says_so(
    admin_browser: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def no_stats(services: Any, principal: Any, period: str) -> None:
        return None

    monkeypatch.setattr(stats_source, "load_stats", no_stats)
    page = await admin_browser.get("/dashboard/analytics")
    assert "Statistics not available" in page.text


async def test_the_streak_table_shows_each_configured_streak_and_a_dash_before_any_progress(
    admin_browser: httpx.AsyncClient, tenant: TenantHandle
) -> None:
    login = {"title": "Login", "status": "ACTIVE", "type": "FIXED", "reward": {"default": 10}}
    assert (await tenant.put("events", "login", login)).status_code == 200
    for streak_id, event_id in (("daily_login", "login"), ("daily_walk", "walk")):
        streak = {"streakId": streak_id, "eventIds": [event_id], "timeFrame": "daily"}
        assert (await tenant.put("streaks", streak_id, streak)).status_code == 200
    for user_id in ("ann", "bob"):
        await tenant.create_user(user_id)
        logged = await tenant.client.post(
            "/v1/event", json={"eventId": "login", "userId": user_id, "metadata": {}}, headers=tenant.admin
        )
        assert logged.status_code == 200, logged.text
    page = (await admin_browser.get("/dashboard/analytics")).text
    rows = page.split("<code>daily_login</code>", 1)[1].split("</tr>", 1)[0]
    assert [c.split("<", 1)[0] for c in rows.split('<td class="num">')[1:]] == ["2", "2", "1.0", "1", "100%"]
    rows = page.split("<code>daily_walk</code>", 1)[1].split("</tr>", 1)[0]
    assert [c.split("<", 1)[0] for c in rows.split('<td class="num">')[1:]] == ["—"] * 5


async def test_pages_are_not_cached_framed_or_loading_anything_from_elsewhere(
    admin_browser: httpx.AsyncClient,
) -> None:
    page = await admin_browser.get("/dashboard/")
    assert page.headers["cache-control"] == "no-store"
    assert page.headers["x-frame-options"] == "DENY"
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert 'src="http' not in page.text
    assert 'href="http' not in page.text


def test_event_condition_tree_is_rendered_readably() -> None:
    env = pages._environment()
    item = {
        "eventId": "purchase_completed",
        "type": "TRANSACTION",
        "reward": {"default": 2, "gold": 3},
        "rewardValueField": "amount",
        "conditions": {
            "type": "OR",
            "conditions": [
                {"field": "amount", "operator": "greater_than", "value": 10},
                {
                    "type": "AND",
                    "conditions": [{"field": "channel", "operator": "in", "value": ["app", "web"]}],
                },
            ],
        },
    }
    html = env.get_template("kinds/events.html").render(item=item)
    assert '<span class="pill">OR</span>' in html
    assert "<code>amount</code> <em>greater than</em>" in html
    assert "<code>channel</code> <em>in</em>" in html
    assert '<span class="pill">gold 3</span>' in html
    assert "<code>metadata.amount</code>" in html


def test_seed_shape_maps_the_stats_read_model() -> None:
    from dataclasses import dataclass

    @dataclass
    class Day:
        events: int
        users: int
        points: int
        hourly: list[int]

    @dataclass
    class Totals:
        count: int
        users: int
        points: int

    @dataclass
    class View:
        period: str
        start: str
        end: str
        total_events: int
        unique_users: int
        total_points: int
        breakdown: dict[str, Totals]
        top_events: list[str]
        daily: dict[str, Day]

    view = View(
        "7d",
        "2025-08-01",
        "2025-08-07",
        3,
        2,
        30,
        {"login": Totals(3, 2, 30)},
        ["login"],
        {"2025-08-01": Day(3, 2, 30, [0] * 24)},
    )
    shape = stats_source.seed_shape(view)
    assert shape["data"]["eventBreakdown"] == {"login": {"count": 3, "users": 2, "points": 30}}
    assert shape["data"]["dailyData"]["2025-08-01"]["events"] == 3
    assert (shape["period"], shape["startDate"], shape["endDate"], shape["eventId"]) == (
        "7d",
        "2025-08-01",
        "2025-08-07",
        None,
    )
