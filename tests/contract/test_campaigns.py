"""Issue 25: campaigns (admin kind ``campaigns``), tier multipliers and pending points, through the
admin API and the Lynes event and points endpoints."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select

from loyalty.app.ledger import pending
from loyalty.storage.promotions.campaign_tables import campaign_stats_daily, campaign_totals, pending_credits
from loyalty.storage.tables import history_entries, ledger_entries
from tests.support import Clock, TenantHandle

# The issue's example, exactly.
DOUBLE_WEEKEND: dict[str, Any] = {
    "campaignId": "double_weekend",
    "title": {"en": "Double points weekend"},
    "status": "ACTIVE",
    "eventIds": ["purchase_completed"],
    "usergroups": ["default"],
    "from": 1767225600000,
    "to": 1767484800000,
    "schedule": {"daysOfWeek": ["SAT", "SUN"], "hours": {"from": "08:00", "to": "20:00"}},
    "multiplier": 2.0,
    "bonusPoints": 0,
    "maxPointsPerUser": 500,
}
SATURDAY_10H = 1767434400000  # 2026-01-03 10:00 UTC, a Saturday inside from/to
FRIDAY_10H = SATURDAY_10H - 86_400_000
SATURDAY_21H = SATURDAY_10H + 11 * 3_600_000
PURCHASE = {"eventId": "purchase_completed", "title": "Purchase completed", "reward": {"default": 200}}


async def _rows(app: Any, table: Any, *where: Any) -> list[dict[str, Any]]:
    async with app.state.runtime.database.read() as conn:
        return [dict(r) for r in (await conn.execute(select(table).where(*where))).mappings()]


async def _setup(tenant: TenantHandle, campaign: dict[str, Any] | None = None, **event: Any) -> None:
    r = await tenant.put("events", "purchase_completed", {**PURCHASE, **event})
    assert r.status_code == 200, r.text
    r = await tenant.put("campaigns", "double_weekend", campaign or DOUBLE_WEEKEND)
    assert r.status_code == 200, r.text
    await tenant.create_user("u")


async def _log(tenant: TenantHandle, user: str = "u", query: str = "") -> Any:
    r = await tenant.client.post(
        f"/v1/event{query}", json={"eventId": "purchase_completed", "userId": user}, headers=tenant.admin
    )
    assert r.status_code == 200, r.text
    return r


async def _points(tenant: TenantHandle, user: str = "u") -> dict[str, Any]:
    r = await tenant.client.get(f"/v1/user/{user}/points", headers=tenant.admin)
    assert r.status_code == 200
    body: dict[str, Any] = r.json()
    return body


async def _notes(tenant: TenantHandle) -> list[dict[str, Any]]:
    r = await tenant.client.get("/api/loyalty/notifications", headers=tenant.user("u"))
    assert r.status_code == 200
    notes: list[dict[str, Any]] = r.json()["data"]
    return notes


async def test_the_issue_example_is_accepted_and_read_back(tenant: TenantHandle) -> None:
    r = await tenant.put("campaigns", "double_weekend", DOUBLE_WEEKEND)
    assert r.status_code == 200, r.text
    got = await tenant.client.get("/v1/admin/campaigns/double_weekend", headers=tenant.admin)
    assert got.status_code == 200
    body = got.json()
    assert {k: body[k] for k in DOUBLE_WEEKEND} == DOUBLE_WEEKEND
    assert body["tiers"] is None
    audit = await tenant.client.get("/v1/admin/audit", headers=tenant.admin)
    assert audit.json()[0]["target"] == "campaigns/double_weekend"


async def test_a_weekend_event_earns_double_and_names_the_campaign(
    app: Any, tenant: TenantHandle, clock: Clock
) -> None:
    await _setup(tenant)
    clock.set(SATURDAY_10H)
    r = await _log(tenant)
    data = r.json()["data"]
    assert data["points"] == 400
    assert data["campaigns"] == [{"campaignId": "double_weekend", "points": 200}]
    assert (await _points(tenant)) == {"userId": "u", "points": 400, "userExists": True, "pendingPoints": 0}
    [entry] = await _rows(app, history_entries, history_entries.c.type == "EVENT", _user(tenant))
    assert entry["points"] == 400
    details = entry["details"] if isinstance(entry["details"], dict) else json.loads(entry["details"])
    assert details["campaigns"] == [{"campaignId": "double_weekend", "points": 200}]
    [line] = await _rows(app, ledger_entries, ledger_entries.c.tenant_id == tenant.tenant_id)
    assert (line["amount"], line["description"]) == (400, "Purchase completed (campaigns: double_weekend)")
    [shown] = (await tenant.client.get("/v1/user/u/history", headers=tenant.admin)).json()
    assert (shown["points"], shown["campaigns"]) == (400, [{"campaignId": "double_weekend", "points": 200}])
    stats = await _rows(app, campaign_stats_daily, campaign_stats_daily.c.tenant_id == tenant.tenant_id)
    assert [(s["campaign_id"], s["day_key"], s["events"], s["points"]) for s in stats] == [
        ("double_weekend", "2026-01-03", 1, 200)
    ]
    r = await tenant.client.get("/v1/stats/event?period=7d", headers=tenant.admin)
    data = r.json()["data"]
    assert (data["totalPoints"], data["campaignPoints"]) == (400, 200)
    assert data["campaignBreakdown"] == {"double_weekend": {"count": 1, "points": 200}}


def _user(tenant: TenantHandle) -> Any:
    return history_entries.c.tenant_id == tenant.tenant_id


async def test_outside_the_schedule_or_window_the_event_earns_its_own_points(
    tenant: TenantHandle, clock: Clock
) -> None:
    await _setup(tenant)
    for moment in (FRIDAY_10H, SATURDAY_21H, 1767484800000 + 10 * 3_600_000):  # Fri, Sat 21:00, after `to`
        clock.set(moment)
        data = (await _log(tenant)).json()["data"]
        assert data["points"] == 200
        assert "campaigns" not in data
    assert (await _points(tenant))["points"] == 600


async def test_the_schedule_is_in_the_tenant_time_zone(tenant: TenantHandle, clock: Clock) -> None:
    r = await tenant.client.put(
        "/v1/admin/settings/tenant", json={"timeZone": "Pacific/Auckland"}, headers=tenant.admin
    )
    assert r.status_code == 200, r.text
    await _setup(tenant)
    clock.set(SATURDAY_10H)  # Saturday 10:00 UTC is Saturday 23:00 in Auckland: after 20:00 there
    assert (await _log(tenant)).json()["data"]["points"] == 200
    clock.set(FRIDAY_10H + 12 * 3_600_000)  # Friday 22:00 UTC is Saturday 11:00 in Auckland
    assert (await _log(tenant)).json()["data"]["points"] == 400


async def test_max_points_per_user_caps_what_the_campaign_adds(
    app: Any, tenant: TenantHandle, clock: Clock
) -> None:
    await _setup(tenant)
    clock.set(SATURDAY_10H)
    added = [(await _log(tenant)).json()["data"]["points"] for _ in range(4)]
    assert added == [400, 400, 300, 200]  # the campaign adds 200, 200, 100, then nothing
    [total] = await _rows(app, campaign_totals, campaign_totals.c.tenant_id == tenant.tenant_id)
    assert total["points"] == 500
    await tenant.create_user("v")  # the cap is per user
    assert (await _log(tenant, "v")).json()["data"]["points"] == 400


async def test_usergroups_limit_the_campaign(tenant: TenantHandle, clock: Clock) -> None:
    await tenant.put("usergroups", "vip", {"id": "vip"})
    await _setup(tenant, {**DOUBLE_WEEKEND, "usergroups": ["vip"]}, reward={"default": 200, "vip": 100})
    clock.set(SATURDAY_10H)
    assert (await _log(tenant)).json()["data"]["points"] == 200
    r = await tenant.client.post(
        "/v1/usergroup", json={"userId": "u", "usergroup": "vip"}, headers=tenant.admin
    )
    assert r.status_code == 200, r.text
    assert (await _log(tenant)).json()["data"]["points"] == 200  # vip: 100 × 2


async def test_several_campaigns_multiply_and_bonuses_add(tenant: TenantHandle, clock: Clock) -> None:
    await _setup(tenant)
    r = await tenant.put(
        "campaigns",
        "launch",
        {"campaignId": "launch", "eventIds": ["purchase_completed"], "multiplier": 1.5, "bonusPoints": 25},
    )
    assert r.status_code == 200, r.text
    clock.set(SATURDAY_10H)
    data = (await _log(tenant)).json()["data"]
    # double_weekend first (id order): 200 → 400; launch: 400 × 1.5 = 600, plus 25.
    assert data["points"] == 625
    assert data["campaigns"] == [
        {"campaignId": "double_weekend", "points": 200},
        {"campaignId": "launch", "points": 225},
    ]


async def test_dry_run_explains_every_campaign_and_changes_nothing(
    app: Any, tenant: TenantHandle, clock: Clock
) -> None:
    await _setup(tenant)
    clock.set(FRIDAY_10H)
    data = (await _log(tenant, query="?dryRun=true")).json()["data"]
    assert data["campaignChecks"] == [
        {
            "campaignId": "double_weekend",
            "applied": False,
            "reason": "outside_schedule",
            "points": 0,
            "remainingForUser": 500,
        }
    ]
    clock.set(SATURDAY_10H)
    data = (await _log(tenant, query="?dryRun=true")).json()["data"]
    assert data["points"] == 400
    assert data["campaigns"] == [{"campaignId": "double_weekend", "points": 200}]
    assert data["campaignChecks"][0] == {
        "campaignId": "double_weekend",
        "applied": True,
        "reason": "applied",
        "points": 200,
        "remainingForUser": 300,
    }
    assert await _rows(app, campaign_totals, campaign_totals.c.tenant_id == tenant.tenant_id) == []
    assert (await _points(tenant))["points"] == 0


async def test_invalid_campaigns_are_refused_naming_the_field(tenant: TenantHandle) -> None:
    cases = [
        ({"multiplier": 0.5}, "multiplier"),
        ({"multiplier": 1.0, "bonusPoints": 0}, "multiplier"),
        ({"bonusPoints": -1}, "bonusPoints"),
        ({"maxPointsPerUser": 0}, "maxPointsPerUser"),
        ({"eventIds": []}, "eventIds"),
        ({"to": 1767225600000}, "to"),
        ({"schedule": {"daysOfWeek": ["SAT", "FRIDAY"]}}, "schedule.daysOfWeek[1]"),
        ({"schedule": {"hours": {"from": "8am", "to": "20:00"}}}, "schedule.hours.from"),
        ({"surprise": True}, "surprise"),
    ]
    for change, field in cases:
        r = await tenant.put("campaigns", "double_weekend", {**DOUBLE_WEEKEND, **change})
        assert r.status_code == 400, (change, r.text)
        assert r.json()["data"]["field"] == field, (change, r.json())
    r = await tenant.client.get("/v1/admin/campaigns", headers=tenant.admin)
    assert r.json() == []


async def test_a_gold_member_earns_one_and_a_half_times(tenant: TenantHandle) -> None:
    tiers = {
        "id": "status",
        "milestones": [
            {"id": "silver", "threshold": 0},
            {"id": "gold", "threshold": 500, "multiplier": 1.5},
        ],
    }
    r = await tenant.put("milestones", "status", tiers)
    assert r.status_code == 200, r.text
    await tenant.put("events", "purchase_completed", PURCHASE)
    await tenant.create_user("u")
    points = [(await _log(tenant)).json()["data"] for _ in range(4)]
    # The third event's 200 lift lifetime points to 600: gold from the fourth on.
    assert [p["points"] for p in points] == [200, 200, 200, 300]
    assert points[3]["tierPoints"] == 100
    assert "tierPoints" not in points[2]
    assert (await _points(tenant))["points"] == 900


async def test_pending_points_mature_once_and_show_apart(
    app: Any, tenant: TenantHandle, clock: Clock
) -> None:
    await tenant.put("events", "purchase_completed", {**PURCHASE, "pendingDays": 14})
    await tenant.create_user("u")
    clock.set(SATURDAY_10H)
    data = (await _log(tenant)).json()["data"]
    assert data["points"] == 200
    assert data["pendingUntil"] == SATURDAY_10H + 14 * 86_400_000
    assert await _points(tenant) == {"userId": "u", "points": 0, "userExists": True, "pendingPoints": 200}
    summary = await tenant.client.get(
        "/reward-points/customer/u/summary",
        headers=tenant.user("staff", "rewardspoints.rewardpoints_view"),
    )
    assert summary.status_code == 200, summary.text
    assert (summary.json()["activePoints"], summary.json()["pendingPoints"]) == (0, 200)
    assert await _notes(tenant) == []  # nothing earned yet: the points are pending
    services = app.state.services
    assert (
        await pending.mature_due(services, now=SATURDAY_10H + 13 * 86_400_000, tenant_id=tenant.tenant_id)
        == 0
    )
    due = SATURDAY_10H + 14 * 86_400_000
    assert await pending.mature_due(services, now=due, tenant_id=tenant.tenant_id) == 1
    assert await pending.mature_due(services, now=due, tenant_id=tenant.tenant_id) == 0  # exactly once
    assert await _points(tenant) == {"userId": "u", "points": 200, "userExists": True, "pendingPoints": 0}
    [note] = await _notes(tenant)  # the points earned are announced when they mature
    assert (note["type"], note["timestamp"], note["payload"]["eventId"]) == (
        "pointsEarned",
        due,
        "purchase_completed",
    )
    [line] = await _rows(app, ledger_entries, ledger_entries.c.tenant_id == tenant.tenant_id)
    assert (line["amount"], line["source"], line["description"]) == (
        200,
        "event",
        "Purchase completed (pending points matured)",
    )


async def test_reversing_a_pending_event_withdraws_its_points(app: Any, tenant: TenantHandle) -> None:
    await tenant.put("events", "purchase_completed", {**PURCHASE, "pendingDays": 14})
    await tenant.create_user("u")
    logged_id = (await _log(tenant)).headers["Loyalty-Logged-Event-Id"]
    r = await tenant.client.post(f"/v1/event/{logged_id}/reverse", headers=tenant.admin)
    assert r.status_code == 200, r.text
    assert r.json()["data"]["points"] == 200
    assert await _points(tenant) == {"userId": "u", "points": 0, "userExists": True, "pendingPoints": 0}
    services = app.state.services
    later = services.now() + 15 * 86_400_000
    assert await pending.mature_due(services, now=later, tenant_id=tenant.tenant_id) == 0
    [row] = await _rows(app, pending_credits, pending_credits.c.tenant_id == tenant.tenant_id)
    assert row["state"] == "reversed"
    assert await _rows(app, ledger_entries, ledger_entries.c.tenant_id == tenant.tenant_id) == []


async def test_pending_days_out_of_range_is_refused(tenant: TenantHandle) -> None:
    r = await tenant.put("events", "purchase_completed", {**PURCHASE, "pendingDays": 400})
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "pendingDays"
