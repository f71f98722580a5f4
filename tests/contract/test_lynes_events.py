"""Seed 002 events (POST/GET /v1/event, GET /v1/event/{eventId}), quoted from the seed, plus the
dry run, batch and reversal that PRODUCT.md and docs/events.md add."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from loyalty.storage.events.event_tables import logged_events
from loyalty.storage.stats.stats_tables import stats_event_daily
from loyalty.storage.tables import history_entries, users
from tests.support import TenantHandle

# The seed's GET /v1/event/{eventId} example, used as the PUT body (plus rewardValueField).
SEED_EVENT: dict[str, Any] = {
    "eventId": "purchase_completed",
    "title": "Purchase completed",
    "description": "Tracks completed purchases",
    "status": "ACTIVE",
    "limit": 10,
    "maximumReward": 1000,
    "reward": {"default": 2},
    "conditions": {
        "type": "AND",
        "conditions": [{"field": "amount", "operator": "greater_than", "value": 0}],
    },
    "metadataFields": [{"key": "amount", "type": "number", "required": True}],
    "type": "TRANSACTION",
}
SEED_METADATA = {"amount": 49.99, "currency": "EUR", "usergroup": ["default"], "source": "web"}


async def put_event(tenant: TenantHandle, body: dict[str, Any]) -> None:
    r = await tenant.put("events", body["eventId"], body)
    assert r.status_code == 200, r.text


async def seed_event(tenant: TenantHandle, **changes: Any) -> None:
    await put_event(tenant, {**SEED_EVENT, "rewardValueField": "amount", **changes})


async def log(
    tenant: TenantHandle, body: dict[str, Any], headers: dict[str, str] | None = None, query: str = ""
) -> Any:
    return await tenant.client.post(f"/v1/event{query}", json=body, headers=headers or tenant.admin)


async def points_of(tenant: TenantHandle, user_id: str) -> int:
    r = await tenant.client.get(f"/v1/user/{user_id}/points", headers=tenant.admin)
    return int(r.json()["points"])


# --- POST /v1/event --------------------------------------------------------------------------


async def test_log_transaction_event_answers_the_seed_envelope(tenant: TenantHandle) -> None:
    await seed_event(tenant)
    await tenant.create_user("user-123")
    r = await log(
        tenant,
        {"eventId": "purchase_completed", "userId": "user-123", "metadata": SEED_METADATA},
        tenant.user("user-123"),
    )
    assert r.status_code == 200
    # 49.99 x 2 = 99.98, rounded half up.
    assert r.json() == {
        "statusCode": 200,
        "message": "Event erfolgreich geloggt",
        "data": {
            "userId": "user-123",
            "eventId": "purchase_completed",
            "points": 100,
            "type": "TRANSACTION",
            "title": "Purchase completed",
            "limit": 10,
            "maximumReward": 1000,
            "metadata": SEED_METADATA,
            "conditionReached": True,
            "limitReached": False,
            "userGroupId": "default",
        },
    }
    assert await points_of(tenant, "user-123") == 100


async def test_transaction_reward_is_capped_by_maximum_reward(tenant: TenantHandle) -> None:
    await seed_event(tenant)
    await tenant.create_user("u")
    r = await log(tenant, {"eventId": "purchase_completed", "userId": "u", "metadata": {"amount": 5000}})
    assert r.json()["data"]["points"] == 1000


async def test_transaction_rounds_half_up(tenant: TenantHandle) -> None:
    await seed_event(tenant, reward={"default": 0.5})
    await tenant.create_user("u")
    r = await log(tenant, {"eventId": "purchase_completed", "userId": "u", "metadata": {"amount": 5}})
    assert r.json()["data"]["points"] == 3


async def test_fixed_event_awards_the_group_reward(tenant: TenantHandle) -> None:
    await put_event(tenant, {"eventId": "login", "title": "Login", "type": "FIXED", "reward": {"default": 5}})
    await tenant.create_user("u")
    r = await log(tenant, {"eventId": "login", "userId": "u"})
    assert r.json()["data"]["points"] == 5
    assert r.json()["data"]["metadata"] == {}
    assert await points_of(tenant, "u") == 5


async def test_usergroup_from_metadata_picks_the_first_group_with_a_reward(tenant: TenantHandle) -> None:
    await put_event(
        tenant, {"eventId": "login", "title": "Login", "reward": {"default": 5, "gold": 20, "silver": 10}}
    )
    await tenant.create_user("u")
    r = await log(
        tenant, {"eventId": "login", "userId": "u", "metadata": {"usergroup": ["vip", "silver", "gold"]}}
    )
    assert r.json()["data"]["points"] == 10
    assert r.json()["data"]["userGroupId"] == "silver"


async def test_usergroup_without_a_reward_falls_back_to_default(tenant: TenantHandle) -> None:
    await put_event(tenant, {"eventId": "login", "title": "Login", "reward": {"default": 5, "gold": 20}})
    await tenant.create_user("u")
    r = await log(tenant, {"eventId": "login", "userId": "u", "metadata": {"usergroup": ["vip"]}})
    assert (r.json()["data"]["points"], r.json()["data"]["userGroupId"]) == (5, "default")


async def test_condition_miss_is_recorded_with_zero_points(tenant: TenantHandle) -> None:
    await seed_event(tenant)
    await tenant.create_user("u")
    r = await log(tenant, {"eventId": "purchase_completed", "userId": "u", "metadata": {"amount": 0}})
    assert r.status_code == 200
    data = r.json()["data"]
    assert (data["points"], data["conditionReached"], data["limitReached"]) == (0, False, False)
    assert r.json()["message"] == "Event erfolgreich geloggt"
    h = await tenant.client.get("/v1/user/u/history?showAll=true", headers=tenant.admin)
    assert [(e["type"], e["points"]) for e in h.json()] == [("EVENT", 0)]


async def test_limit_reached_answers_event_limit_erreicht_with_zero_points(tenant: TenantHandle) -> None:
    await put_event(tenant, {"eventId": "login", "title": "Login", "limit": 2, "reward": {"default": 5}})
    await tenant.create_user("u")
    answers = [await log(tenant, {"eventId": "login", "userId": "u"}) for _ in range(3)]
    assert [a.json()["message"] for a in answers] == [
        "Event erfolgreich geloggt",
        "Event erfolgreich geloggt",
        "Event Limit erreicht",
    ]
    assert [a.json()["data"]["points"] for a in answers] == [5, 5, 0]
    assert answers[2].json()["data"]["limitReached"] is True
    assert await points_of(tenant, "u") == 10


async def test_daily_limit_starts_again_the_next_local_day(tenant: TenantHandle, clock) -> None:
    r = await tenant.client.put(
        "/v1/admin/settings/tenant", json={"timeZone": "Europe/Berlin"}, headers=tenant.admin
    )
    assert r.status_code == 200, r.text
    await put_event(
        tenant,
        {"eventId": "login", "title": "Login", "limit": 1, "limitPeriod": "day", "reward": {"default": 5}},
    )
    await tenant.create_user("u")
    clock.set(1763938800000 - 60_000)  # 2025-11-23 23:59 Berlin
    assert (await log(tenant, {"eventId": "login", "userId": "u"})).json()["data"]["points"] == 5
    assert (await log(tenant, {"eventId": "login", "userId": "u"})).json()["data"]["limitReached"] is True
    clock.set(1763938800000 + 60_000)  # 2025-11-24 00:01 Berlin
    assert (await log(tenant, {"eventId": "login", "userId": "u"})).json()["data"]["points"] == 5


async def test_history_entry_has_the_seed_000_shape(tenant: TenantHandle, clock) -> None:
    await seed_event(
        tenant,
        image="https://example.com/icons/purchase.png",
        historyTitle={"de": "Event abgeschlossen", "en": "Event completed"},
        historyDescription={
            "de": "Du hast deinen ersten Einkauf getätigt",
            "en": "You made your first purchase",
        },
    )
    await tenant.create_user("user_123")
    clock.set(1730818799123)
    await log(tenant, {"eventId": "purchase_completed", "userId": "user_123", "metadata": {"amount": 25}})
    h = await tenant.client.get("/v1/user/user_123/history", headers=tenant.admin)
    assert h.json() == [
        {
            "id": "EVENT#purchase_completed#1730818799123",
            "timestamp": 1730818799123,
            "type": "EVENT",
            "points": 50,
            "image": "https://example.com/icons/purchase.png",
            "description": {
                "de": "Du hast deinen ersten Einkauf getätigt",
                "en": "You made your first purchase",
            },
            "title": {"de": "Event abgeschlossen", "en": "Event completed"},
            "userId": "user_123",
            "globalEventDateKey": "2024-11-05",
        }
    ]


async def test_global_event_date_key_uses_the_tenant_time_zone(tenant: TenantHandle, clock) -> None:
    await tenant.client.put(
        "/v1/admin/settings/tenant", json={"timeZone": "Asia/Tokyo"}, headers=tenant.admin
    )
    await put_event(tenant, {"eventId": "login", "title": "Login", "reward": {"default": 5}})
    await tenant.create_user("u")
    clock.set(1730818799123)  # 2024-11-05 14:59 UTC = 23:59 Tokyo
    await log(tenant, {"eventId": "login", "userId": "u"})
    clock.set(1730818799123 + 120_000)  # 00:01 on the 6th in Tokyo
    await log(tenant, {"eventId": "login", "userId": "u"})
    h = await tenant.client.get("/v1/user/u/history?sort=asc", headers=tenant.admin)
    assert [e["globalEventDateKey"] for e in h.json()] == ["2024-11-05", "2024-11-06"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"userId": "u"}, "eventId"),
        ({"eventId": 5, "userId": "u"}, "eventId"),
        ({"eventId": "login"}, "userId"),
        ({"eventId": "login", "userId": ""}, "userId"),
        ({"eventId": "login", "userId": "u", "metadata": [1]}, "metadata"),
    ],
)
async def test_missing_or_invalid_fields_are_400_naming_the_field(
    tenant: TenantHandle, body: dict[str, Any], field: str
) -> None:
    await put_event(tenant, {"eventId": "login", "title": "Login", "reward": {"default": 5}})
    r = await log(tenant, body)
    assert r.status_code == 400
    assert r.json()["statusCode"] == 400
    assert r.json()["data"]["field"] == field


async def test_invalid_json_is_400(tenant: TenantHandle) -> None:
    r = await tenant.client.post(
        "/v1/event", content=b"{not json", headers={**tenant.admin, "Content-Type": "application/json"}
    )
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "body"


async def test_inactive_event_is_400(tenant: TenantHandle) -> None:
    await put_event(
        tenant, {"eventId": "login", "title": "Login", "status": "INACTIVE", "reward": {"default": 5}}
    )
    await tenant.create_user("u")
    r = await log(tenant, {"eventId": "login", "userId": "u"})
    assert r.status_code == 400
    assert r.json()["data"] == {"code": "inactive", "field": "eventId"}


async def test_unknown_event_is_404(tenant: TenantHandle) -> None:
    await tenant.create_user("u")
    r = await log(tenant, {"eventId": "nope", "userId": "u"})
    assert r.status_code == 404
    assert r.json()["statusCode"] == 404


async def test_unknown_user_is_404(tenant: TenantHandle) -> None:
    await put_event(tenant, {"eventId": "login", "title": "Login", "reward": {"default": 5}})
    r = await log(tenant, {"eventId": "login", "userId": "ghost"})
    assert r.status_code == 404


async def test_unknown_user_is_created_when_the_tenant_auto_creates(tenant: TenantHandle) -> None:
    await tenant.client.put("/v1/admin/settings/tenant", json={"autoCreateUsers": True}, headers=tenant.admin)
    await put_event(tenant, {"eventId": "login", "title": "Login", "reward": {"default": 5}})
    r = await log(tenant, {"eventId": "login", "userId": "new"}, tenant.user("new"))
    assert r.json()["data"]["points"] == 5
    assert await points_of(tenant, "new") == 5


async def test_without_credentials_is_401(tenant: TenantHandle) -> None:
    r = await tenant.client.post("/v1/event", json={"eventId": "login", "userId": "u"})
    assert r.status_code == 401


async def test_user_token_for_another_user_is_403(tenant: TenantHandle) -> None:
    await put_event(tenant, {"eventId": "login", "title": "Login", "reward": {"default": 5}})
    await tenant.create_user("victim")
    r = await log(tenant, {"eventId": "login", "userId": "victim"}, tenant.user("attacker"))
    assert r.status_code == 403
    assert await points_of(tenant, "victim") == 0


async def test_requires_api_key_event_refuses_a_user_token_with_403(tenant: TenantHandle) -> None:
    await put_event(
        tenant, {"eventId": "order", "title": "Order", "requiresApiKey": True, "reward": {"default": 5}}
    )
    await tenant.create_user("u")
    r = await log(tenant, {"eventId": "order", "userId": "u"}, tenant.user("u"))
    assert r.status_code == 403
    assert (await log(tenant, {"eventId": "order", "userId": "u"})).json()["data"]["points"] == 5


async def test_required_metadata_field_missing_is_400_naming_it(tenant: TenantHandle) -> None:
    await seed_event(tenant)
    await tenant.create_user("u")
    r = await log(tenant, {"eventId": "purchase_completed", "userId": "u", "metadata": {"currency": "EUR"}})
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "metadata.amount"


async def test_mistyped_metadata_field_is_400_naming_it(tenant: TenantHandle) -> None:
    await seed_event(tenant)
    await tenant.create_user("u")
    r = await log(tenant, {"eventId": "purchase_completed", "userId": "u", "metadata": {"amount": "lots"}})
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "metadata.amount"


async def test_or_conditions_with_in_and_exists(tenant: TenantHandle) -> None:
    await put_event(
        tenant,
        {
            "eventId": "visit",
            "title": "Visit",
            "reward": {"default": 3},
            "conditions": {
                "type": "OR",
                "conditions": [
                    {"field": "source", "operator": "in", "value": ["app", "web"]},
                    {"field": "store.id", "operator": "exists"},
                ],
            },
        },
    )
    await tenant.create_user("u")
    results = [
        (await log(tenant, {"eventId": "visit", "userId": "u", "metadata": m})).json()["data"][
            "conditionReached"
        ]
        for m in ({"source": "web"}, {"store": {"id": 7}}, {"source": "fax"})
    ]
    assert results == [True, True, False]


# --- dry run --------------------------------------------------------------------------------------


async def test_dry_run_explains_the_failed_condition_and_changes_nothing(tenant: TenantHandle) -> None:
    await seed_event(tenant)
    await tenant.create_user("u")
    r = await log(
        tenant,
        {"eventId": "purchase_completed", "userId": "u", "metadata": {"amount": -1}},
        query="?dryRun=true",
    )
    assert r.status_code == 200
    data = r.json()["data"]
    assert data["dryRun"] is True
    assert data["conditionReached"] is False
    assert data["failedCondition"] == {
        "path": "conditions.conditions[0]",
        "field": "amount",
        "operator": "greater_than",
        "expected": 0,
        "actual": -1,
    }
    assert data["limitState"] == {
        "limit": 10,
        "period": "lifetime",
        "periodKey": "lifetime",
        "used": 0,
        "remaining": 10,
    }
    h = await tenant.client.get("/v1/user/u/history?showAll=true", headers=tenant.admin)
    assert h.status_code == 204


async def test_dry_run_reports_the_limit_state_without_counting(tenant: TenantHandle) -> None:
    await put_event(tenant, {"eventId": "login", "title": "Login", "limit": 1, "reward": {"default": 5}})
    await tenant.create_user("u")
    await log(tenant, {"eventId": "login", "userId": "u"})
    r = await log(tenant, {"eventId": "login", "userId": "u"}, query="?dryRun=true")
    data = r.json()["data"]
    assert r.json()["message"] == "Event Limit erreicht"
    assert (data["points"], data["limitReached"], data["limitState"]["used"]) == (0, True, 1)
    assert await points_of(tenant, "u") == 5


# --- GET /v1/event and /v1/event/{eventId} ------------------------------------------------------------


async def test_get_event_returns_the_seed_shape(tenant: TenantHandle) -> None:
    await seed_event(tenant)
    r = await tenant.client.get("/v1/event/purchase_completed", headers=tenant.user("u"))
    assert r.status_code == 200
    assert r.json() == SEED_EVENT


async def test_get_unknown_event_is_404(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/v1/event/nope", headers=tenant.user("u"))
    assert r.status_code == 404


async def test_get_event_with_a_blank_id_is_400(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/v1/event/%20", headers=tenant.user("u"))
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "eventId"


async def test_list_events_returns_the_seed_list(tenant: TenantHandle) -> None:
    await seed_event(tenant)
    r = await tenant.client.get("/v1/event", headers=tenant.user("u"))
    assert r.status_code == 200
    assert r.json() == [SEED_EVENT]


async def test_list_events_show_all_false_hides_inactive_ones(tenant: TenantHandle) -> None:
    await seed_event(tenant)
    await put_event(tenant, {"eventId": "old", "title": "Old", "status": "INACTIVE"})
    all_ids = [e["eventId"] for e in (await tenant.client.get("/v1/event", headers=tenant.admin)).json()]
    active = await tenant.client.get("/v1/event?showAll=false", headers=tenant.admin)
    assert all_ids == ["old", "purchase_completed"]
    assert [e["eventId"] for e in active.json()] == ["purchase_completed"]


async def test_list_events_without_events_is_204(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/v1/event", headers=tenant.user("u"))
    assert r.status_code == 204


# --- admin definitions ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"rewardValueField": None}, "rewardValueField"),
        ({"reward": {"default": -1}}, "reward.default"),
        (
            {"conditions": {"type": "AND", "conditions": [{"field": "a", "operator": "like", "value": 1}]}},
            "conditions.conditions[0].operator",
        ),
        ({"conditions": {"type": "XOR", "conditions": []}}, "conditions.type"),
        ({"limit": -1}, "limit"),
        ({"type": "BONUS"}, "type"),
        ({"metadataFields": [{"key": "amount", "type": "date"}]}, "metadataFields[0].type"),
    ],
)
async def test_invalid_definitions_are_400_naming_the_field(
    tenant: TenantHandle, changes: dict[str, Any], field: str
) -> None:
    r = await tenant.put(
        "events", "purchase_completed", {**SEED_EVENT, "rewardValueField": "amount", **changes}
    )
    assert r.status_code == 400, r.text
    assert r.json()["data"]["field"] == field


# --- batch ------------------------------------------------------------------------------------------


async def test_batch_answers_each_item_and_a_bad_item_changes_nothing(tenant: TenantHandle) -> None:
    await put_event(tenant, {"eventId": "login", "title": "Login", "reward": {"default": 5}})
    await tenant.create_user("a")
    r = await tenant.client.post(
        "/v1/events/batch",
        json={
            "events": [
                {"eventId": "login", "userId": "a"},
                {"eventId": "nope", "userId": "a"},
                {"userId": "a"},
            ]
        },
        headers=tenant.admin,
    )
    assert r.status_code == 200
    items = r.json()["data"]
    assert [(i["index"], i["statusCode"]) for i in items] == [(0, 200), (1, 404), (2, 400)]
    assert items[0]["data"]["points"] == 5
    assert items[2]["data"]["field"] == "eventId"
    assert await points_of(tenant, "a") == 5


async def test_batch_item_idempotency_key_replays_the_first_result(tenant: TenantHandle) -> None:
    await put_event(tenant, {"eventId": "login", "title": "Login", "reward": {"default": 5}})
    await tenant.create_user("a")
    item = {"eventId": "login", "userId": "a", "idempotencyKey": "k-1"}
    first = await tenant.client.post("/v1/events/batch", json={"events": [item]}, headers=tenant.admin)
    second = await tenant.client.post("/v1/events/batch", json={"events": [item, item]}, headers=tenant.admin)
    assert first.json()["data"][0]["replayed"] is False
    assert [i["replayed"] for i in second.json()["data"]] == [True, True]
    assert second.json()["data"][0]["loggedEventId"] == first.json()["data"][0]["loggedEventId"]
    assert await points_of(tenant, "a") == 5


async def test_batch_over_1000_items_is_400(tenant: TenantHandle) -> None:
    events = [{"eventId": "login", "userId": "a"}] * 1001
    r = await tenant.client.post("/v1/events/batch", json={"events": events}, headers=tenant.admin)
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "events"


# --- reverse -----------------------------------------------------------------------------------------


async def test_reverse_takes_back_the_points_and_the_limit_occurrence(tenant: TenantHandle) -> None:
    await put_event(tenant, {"eventId": "order", "title": "Order", "limit": 1, "reward": {"default": 40}})
    await tenant.create_user("u")
    logged = await log(tenant, {"eventId": "order", "userId": "u"})
    logged_id = logged.headers["Loyalty-Logged-Event-Id"]
    r = await tenant.client.post(f"/v1/event/{logged_id}/reverse", headers=tenant.admin)
    assert r.status_code == 200
    assert r.json() == {
        "statusCode": 200,
        "message": "Event reversed",
        "data": {
            "loggedEventId": int(logged_id),
            "eventId": "order",
            "userId": "u",
            "points": 40,
            "shortfall": 0,
        },
    }
    assert await points_of(tenant, "u") == 0
    again = await log(tenant, {"eventId": "order", "userId": "u"})
    assert again.json()["data"]["points"] == 40


async def test_reverse_twice_is_409(tenant: TenantHandle) -> None:
    await put_event(tenant, {"eventId": "order", "title": "Order", "reward": {"default": 40}})
    await tenant.create_user("u")
    logged_id = (await log(tenant, {"eventId": "order", "userId": "u"})).headers["Loyalty-Logged-Event-Id"]
    await tenant.client.post(f"/v1/event/{logged_id}/reverse", headers=tenant.admin)
    r = await tenant.client.post(f"/v1/event/{logged_id}/reverse", headers=tenant.admin)
    assert r.status_code == 409
    assert await points_of(tenant, "u") == 0


async def test_reverse_by_a_plain_user_token_is_403(tenant: TenantHandle) -> None:
    await put_event(tenant, {"eventId": "order", "title": "Order", "reward": {"default": 40}})
    await tenant.create_user("u")
    logged_id = (await log(tenant, {"eventId": "order", "userId": "u"})).headers["Loyalty-Logged-Event-Id"]
    r = await tenant.client.post(f"/v1/event/{logged_id}/reverse", headers=tenant.user("u"))
    assert r.status_code == 403


async def test_reverse_of_an_unknown_logged_event_is_404(tenant: TenantHandle) -> None:
    r = await tenant.client.post("/v1/event/999999999/reverse", headers=tenant.admin)
    assert r.status_code == 404


async def test_reverse_of_another_tenants_logged_event_is_404(
    tenant: TenantHandle, other_tenant: TenantHandle
) -> None:
    await put_event(tenant, {"eventId": "order", "title": "Order", "reward": {"default": 40}})
    await tenant.create_user("u")
    logged_id = (await log(tenant, {"eventId": "order", "userId": "u"})).headers["Loyalty-Logged-Event-Id"]
    r = await other_tenant.client.post(f"/v1/event/{logged_id}/reverse", headers=other_tenant.admin)
    assert r.status_code == 404
    assert await points_of(tenant, "u") == 40


# --- the one event path: read a snapshot, decide, write once ----------------------------------


async def _rows_of(app: Any, table: Any, *where: Any) -> list[dict[str, Any]]:
    async with app.state.runtime.database.read() as conn:
        return [dict(r) for r in (await conn.execute(select(table).where(*where))).mappings()]


async def test_an_event_whose_condition_failed_is_still_logged_and_counted(
    app: Any, tenant: TenantHandle, clock: Any
) -> None:
    await seed_event(tenant)
    await tenant.create_user("u")
    clock.set(1730818799123)
    r = await log(tenant, {"eventId": "purchase_completed", "userId": "u", "metadata": {"amount": 0}})
    data = r.json()["data"]
    assert (data["points"], data["conditionReached"], data["limitReached"]) == (0, False, False)
    assert "challenges" not in data
    assert "streaks" not in data
    logged_id = int(r.headers["Loyalty-Logged-Event-Id"])
    [logged] = await _rows_of(app, logged_events, logged_events.c.id == logged_id)
    assert (logged["points"], logged["condition_reached"], logged["period_key"]) == (0, 0, None)
    [entry] = await _rows_of(
        app,
        history_entries,
        history_entries.c.tenant_id == tenant.tenant_id,
        history_entries.c.entry_id == "EVENT#purchase_completed#1730818799123",
    )
    assert entry["points"] == 0
    assert entry["details"] == {"loggedEventId": logged_id, "conditionReached": False, "limitReached": False}
    rollups = await _rows_of(app, stats_event_daily, stats_event_daily.c.tenant_id == tenant.tenant_id)
    counted = {(row["event_id"], row["condition_failed"], row["events"]) for row in rollups}
    assert counted == {("purchase_completed", 1, 1), ("", 1, 1)}


async def test_a_dry_run_writes_nothing(app: Any, tenant: TenantHandle) -> None:
    await seed_event(tenant)
    await tenant.create_user("u")
    r = await log(
        tenant, {"eventId": "purchase_completed", "userId": "u", "metadata": {"amount": 5}}, query="?dryRun=1"
    )
    assert r.status_code == 200
    assert r.json()["data"]["points"] == 10
    assert "Loyalty-Logged-Event-Id" not in r.headers
    assert await _rows_of(app, logged_events, logged_events.c.tenant_id == tenant.tenant_id) == []
    assert await _rows_of(app, stats_event_daily, stats_event_daily.c.tenant_id == tenant.tenant_id) == []
    [user] = await _rows_of(app, users, users.c.tenant_id == tenant.tenant_id)
    assert user["version"] == 0
    assert await points_of(tenant, "u") == 0


async def test_the_logged_event_and_its_history_entry_carry_the_id_the_answer_names(
    app: Any, tenant: TenantHandle
) -> None:
    """With a limit, PostgreSQL's user lookup takes the id and the rows go with the last statement."""
    await put_event(tenant, {"eventId": "visit", "title": "Visit", "limit": 5, "reward": {"default": 3}})
    await tenant.create_user("v")
    ids = []
    for _ in range(2):
        r = await log(tenant, {"eventId": "visit", "userId": "v"})
        assert r.status_code == 200, r.text
        ids.append(int(r.headers["Loyalty-Logged-Event-Id"]))
    assert ids[0] < ids[1]
    history = await tenant.client.get("/v1/user/v/history?showAll=true", headers=tenant.admin)
    entry_ids = [e["id"] for e in history.json() if e["type"] == "EVENT"]
    assert len(entry_ids) == 2
    async with app.state.runtime.database.read() as conn:
        rows = await conn.execute(
            select(history_entries.c.details, history_entries.c.points).where(
                history_entries.c.entry_id.in_(entry_ids)
            )
        )
        details = sorted((int(d["loggedEventId"]), int(p)) for d, p in rows)
        logged = await conn.execute(select(logged_events.c.id).where(logged_events.c.id.in_(ids)))
        assert sorted(int(i) for (i,) in logged) == ids
    assert details == [(ids[0], 3), (ids[1], 3)]
    reversed_ = await tenant.client.post(f"/v1/event/{ids[1]}/reverse", headers=tenant.admin)
    assert reversed_.status_code == 200, reversed_.text
    assert await points_of(tenant, "v") == 3
