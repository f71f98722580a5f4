"""Notifications: seed 001 ``GET /api/loyalty/notifications`` (+ marking read) and the seed 000
Lynes overview (``GET|PUT /v1/user/{userId}/notifications/overview``, ``PUT …/change``)."""

from __future__ import annotations

from typing import Any

import pytest

from loyalty.app.kernel.uow import Tx
from loyalty.app.messaging import notifications
from loyalty.app.users.users import resolve_user
from tests.activity_support import in_write
from tests.support import Clock, TenantHandle

T0 = 1_763_900_000_000
CID = "123e4567-e89b-12d3-a456-426614174000"

LOGIN = {
    "eventId": "login",
    "title": "Login",
    "reward": {"default": 10},
    "notification": {
        "display": "popup",
        "title": {"en": "Points earned", "de": "Punkte erhalten"},
        "message": {"en": "Thanks for visiting", "de": "Danke für den Besuch"},
    },
}


async def log_login(tenant: TenantHandle, user_id: str) -> None:
    created = await tenant.client.post("/v1/user", json={"userId": user_id}, headers=tenant.admin)
    assert created.status_code in (201, 400)  # 400: the user exists already
    r = await tenant.client.post(
        "/v1/event", json={"eventId": "login", "userId": user_id}, headers=tenant.admin
    )
    assert r.status_code == 200, r.text


async def unread(tenant: TenantHandle, user_id: str, language: str | None = None) -> list[dict[str, Any]]:
    headers = tenant.user(user_id)
    if language is not None:
        headers["Accept-Language"] = language
    r = await tenant.client.get("/api/loyalty/notifications", headers=headers)
    assert r.status_code == 200
    assert r.json()["message"] == "OK"
    data: list[dict[str, Any]] = r.json()["data"]
    return data


async def overview(tenant: TenantHandle, user_id: str) -> dict[str, Any]:
    r = await tenant.client.get(f"/v1/user/{user_id}/notifications/overview", headers=tenant.user(user_id))
    assert r.status_code == 200
    data: dict[str, Any] = r.json()
    return data


async def view(tenant: TenantHandle, user_id: str, body: Any) -> Any:
    return await tenant.client.put(
        f"/v1/user/{user_id}/notifications/overview", json=body, headers=tenant.user(user_id)
    )


async def reset(tenant: TenantHandle, user_id: str, body: Any) -> Any:
    return await tenant.client.put(
        f"/v1/user/{user_id}/notifications/change", json=body, headers=tenant.user(user_id)
    )


# --- GET /api/loyalty/notifications ------------------------------------------------------------


async def test_event_points_leave_a_notification_in_the_seed_shape(
    tenant: TenantHandle, clock: Clock
) -> None:
    clock.set(T0)
    assert (await tenant.put("events", "login", LOGIN)).status_code == 200
    await log_login(tenant, "u1")
    data = await unread(tenant, "u1")
    assert data == [
        {
            "id": data[0]["id"],
            "timestamp": T0,
            "type": "pointsEarned",
            "display": "popup",
            "title": "Points earned",
            "message": "Thanks for visiting",
            "payload": {"eventId": "login", "metricChanges": {"points": {"oldValue": 0, "newValue": 10}}},
        }
    ]
    assert data[0]["id"].startswith("ledger-")  # derived from the event's ledger credit
    # ... and the event wrote no notification row for it (no write per event on the hot path).
    export = await tenant.client.get("/v1/user/u1/export", headers=tenant.admin)
    assert export.json()["notifications"] == []


async def test_event_points_notify_without_a_notification_setting(tenant: TenantHandle, clock: Clock) -> None:
    # PRODUCT.md: "Everything a user gains (points, items, ...) produces a notification (seed 001
    # shape)". Without ``notification`` on the event: display toast, the event's title.
    clock.set(T0)
    assert (await tenant.put("events", "login", {**LOGIN, "notification": None})).status_code == 200
    await log_login(tenant, "u1")
    [note] = await unread(tenant, "u1")
    assert {k: note[k] for k in ("type", "display", "title", "message", "payload")} == {
        "type": "pointsEarned",
        "display": "toast",
        "title": "Login",
        "message": None,
        "payload": {"eventId": "login", "metricChanges": {"points": {"oldValue": 0, "newValue": 10}}},
    }


async def test_the_event_definition_decides_display_when_read(tenant: TenantHandle, clock: Clock) -> None:
    clock.set(T0)
    assert (await tenant.put("events", "login", LOGIN)).status_code == 200
    await log_login(tenant, "u1")
    quiet = {**LOGIN, "notification": {"display": "none", "title": "Quiet"}}
    assert (await tenant.put("events", "login", quiet)).status_code == 200
    [note] = await unread(tenant, "u1")
    assert (note["display"], note["title"], note["message"]) == ("none", "Quiet", None)


async def test_title_and_message_follow_accept_language(tenant: TenantHandle, clock: Clock) -> None:
    clock.set(T0)
    assert (await tenant.put("events", "login", LOGIN)).status_code == 200
    await log_login(tenant, "u1")
    [note] = await unread(tenant, "u1", "de-CH, en;q=0.8")
    assert (note["title"], note["message"]) == ("Punkte erhalten", "Danke für den Besuch")
    [note] = await unread(tenant, "u1", "fr")  # unknown: the tenant's default language
    assert (note["title"], note["message"]) == ("Points earned", "Thanks for visiting")


async def test_challenge_completion_notifies_with_translated_texts(
    tenant: TenantHandle, clock: Clock
) -> None:
    clock.set(T0)
    challenge = {
        "challengeId": CID,
        "title": {"en": "Explorer", "de": "Entdecker"},
        "notification": {"display": "toast", "title": {"en": "Well done", "de": "Gut gemacht"}},
        "time": {"showInUI": True, "from": T0 - 1000, "to": T0 + 86_400_000},
        "eventId": "login",
        "goal": 1,
        "rewards": [],
        "points": 5,
    }
    assert (await tenant.put("events", "login", {**LOGIN, "notification": None})).status_code == 200
    r = await tenant.put("challenges", CID, challenge)
    assert r.status_code == 200, r.text
    await log_login(tenant, "u1")
    notes = await unread(tenant, "u1", "de")
    completed = [n for n in notes if n["type"] == "challengeCompleted"]
    assert len(completed) == 1
    assert completed[0]["title"] == "Gut gemacht"
    assert completed[0]["payload"]["challengeId"] == CID
    assert completed[0]["payload"]["metricChanges"]["points"] == {"oldValue": 10, "newValue": 15}
    # The event has no ``notification`` setting: its points still notify, with the defaults,
    # and come first (they are what completed the challenge).
    assert [(n["type"], n["display"], n["title"]) for n in notes] == [
        ("pointsEarned", "toast", "Login"),
        ("challengeCompleted", "toast", "Gut gemacht"),
    ]
    ov = await overview(tenant, "u1")
    assert ov == {
        "userId": "u1",
        "hasUnseenChallenges": True,
        "hasUnseenRewards": True,  # points were gained (from the event and the challenge)
        "hasUnseenSurveys": False,
    }


async def test_manual_adjustment_notifies(tenant: TenantHandle) -> None:
    await tenant.create_user("u1")
    r = await tenant.client.post(
        "/v1/admin/users/u1/adjustments", json={"points": 30, "reason": "Goodwill"}, headers=tenant.admin
    )
    assert r.status_code == 201, r.text
    [note] = await unread(tenant, "u1")
    assert (note["type"], note["title"], note["message"]) == ("pointsEarned", "Points added", "Goodwill")
    assert note["payload"] == {"metricChanges": {"points": {"oldValue": 0, "newValue": 30}}}


async def test_notify_supports_coupons_and_any_feature(app: Any, tenant: TenantHandle, clock: Clock) -> None:
    clock.set(T0)

    async def work(tx: Tx) -> int:
        pk = await resolve_user(tx, "u1", create=True)
        return await notifications.notify(
            tx,
            pk,
            type="couponIssued",
            payload={"couponId": "c1", "code": "LLS-000001"},
            title={"en": "Your coupon", "de": "Dein Gutschein"},
            section="rewards",
        )

    await in_write(app, tenant, work)
    [note] = await unread(tenant, "u1", "de")
    assert (note["type"], note["title"], note["display"]) == ("couponIssued", "Dein Gutschein", "toast")
    assert note["payload"] == {"couponId": "c1", "code": "LLS-000001"}
    assert (await overview(tenant, "u1"))["hasUnseenRewards"] is True


async def test_no_notifications_is_an_empty_list(tenant: TenantHandle) -> None:
    assert await unread(tenant, "nobody") == []


async def test_notifications_need_a_user_token(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/api/loyalty/notifications", headers=tenant.admin)
    assert r.status_code == 403
    r = await tenant.client.get("/api/loyalty/notifications")
    assert r.status_code == 401


# --- POST /api/loyalty/notifications/read -------------------------------------------------------


async def test_marking_by_ids_hides_only_those(tenant: TenantHandle, clock: Clock) -> None:
    clock.set(T0)
    assert (await tenant.put("events", "login", LOGIN)).status_code == 200
    for _ in range(3):
        await log_login(tenant, "u1")
        clock.advance(1000)
    await log_login(tenant, "u2")
    first, second, third = await unread(tenant, "u1")
    [other] = await unread(tenant, "u2")
    r = await tenant.client.post(
        "/api/loyalty/notifications/read", json={"ids": [first["id"], other["id"]]}, headers=tenant.user("u1")
    )
    assert r.status_code == 200
    assert r.json() == {"message": "OK", "data": {"marked": 1}}
    assert [n["id"] for n in await unread(tenant, "u1")] == [second["id"], third["id"]]
    assert [n["id"] for n in await unread(tenant, "u2")] == [other["id"]]  # not u1's to mark
    r = await tenant.client.post("/api/loyalty/notifications/read", headers=tenant.user("u1"))
    assert r.json() == {"message": "OK", "data": {"marked": 2}}
    assert await unread(tenant, "u1") == []


async def test_marking_an_event_points_notification_marks_it_and_the_earlier_ones(
    tenant: TenantHandle, clock: Clock
) -> None:
    # Notifications of event points are read up to a per-user marker: naming one marks it and
    # every earlier one (the list is oldest first); stored notifications are marked one by one.
    clock.set(T0)
    assert (await tenant.put("events", "login", LOGIN)).status_code == 200
    for _ in range(3):
        await log_login(tenant, "u1")
        clock.advance(1000)
    r = await tenant.client.post(
        "/v1/admin/users/u1/adjustments", json={"points": 5, "reason": "Goodwill"}, headers=tenant.admin
    )
    assert r.status_code == 201
    first, second, third, adjusted = await unread(tenant, "u1")
    assert [n["type"] for n in (first, second, third, adjusted)] == ["pointsEarned"] * 4
    assert adjusted["id"].isdigit()  # a stored notification
    r = await tenant.client.post(
        "/api/loyalty/notifications/read", json={"ids": [second["id"]]}, headers=tenant.user("u1")
    )
    assert r.json() == {"message": "OK", "data": {"marked": 2}}
    assert [n["id"] for n in await unread(tenant, "u1")] == [third["id"], adjusted["id"]]
    clock.advance(1000)
    await log_login(tenant, "u1")
    fourth = (await unread(tenant, "u1"))[-1]
    assert fourth["payload"]["metricChanges"]["points"] == {"oldValue": 35, "newValue": 45}
    r = await tenant.client.post("/api/loyalty/notifications/read", json={}, headers=tenant.user("u1"))
    assert r.json() == {"message": "OK", "data": {"marked": 3}}
    assert await unread(tenant, "u1") == []


async def test_an_unknown_ledger_id_marks_nothing(tenant: TenantHandle, clock: Clock) -> None:
    clock.set(T0)
    assert (await tenant.put("events", "login", LOGIN)).status_code == 200
    await log_login(tenant, "u1")
    r = await tenant.client.post(
        "/api/loyalty/notifications/read", json={"ids": ["ledger-999999999"]}, headers=tenant.user("u1")
    )
    assert r.json() == {"message": "OK", "data": {"marked": 0}}
    clock.advance(1000)
    await log_login(tenant, "u1")
    assert len(await unread(tenant, "u1")) == 2


@pytest.mark.parametrize("ids", [["abc"], "1", [True], [None], ["ledger-x"], ["ledger-"]])
async def test_marking_with_bad_ids_is_400(tenant: TenantHandle, ids: Any) -> None:
    r = await tenant.client.post(
        "/api/loyalty/notifications/read", json={"ids": ids}, headers=tenant.user("u1")
    )
    assert r.status_code == 400
    assert "ids" in r.text


# --- Lynes overview ------------------------------------------------------------------------------


async def test_overview_of_a_user_without_profile_is_all_false(tenant: TenantHandle) -> None:
    assert await overview(tenant, "ghost") == {
        "userId": "ghost",
        "hasUnseenChallenges": False,
        "hasUnseenRewards": False,
        "hasUnseenSurveys": False,
    }


async def test_viewing_a_screen_clears_its_flag_until_something_new(
    tenant: TenantHandle, clock: Clock
) -> None:
    clock.set(T0)
    assert (await tenant.put("events", "login", LOGIN)).status_code == 200
    await log_login(tenant, "u1")
    assert (await overview(tenant, "u1"))["hasUnseenRewards"] is True
    clock.advance(1000)
    r = await view(tenant, "u1", {"screenId": "rewards"})
    assert r.status_code == 200
    assert r.json() == {"message": "Screen viewed successfully"}
    assert (await overview(tenant, "u1"))["hasUnseenRewards"] is False
    clock.advance(1000)
    await log_login(tenant, "u1")
    assert (await overview(tenant, "u1"))["hasUnseenRewards"] is True


async def test_rewards_flag_turns_on_for_points_from_any_source(tenant: TenantHandle, clock: Clock) -> None:
    # Seed 000: "GET /user/{userId}/notifications/overview – Return whether the user has unseen
    # challenges, rewards, or surveys." Points from an event without a notification setting are
    # new rewards too (PRODUCT.md: everything a user gains moves the unseen flags).
    clock.set(T0)
    assert (await tenant.put("events", "login", {**LOGIN, "notification": None})).status_code == 200
    await log_login(tenant, "u1")
    assert (await overview(tenant, "u1"))["hasUnseenRewards"] is True
    clock.advance(1000)
    assert (await view(tenant, "u1", {"screenId": "rewards"})).status_code == 200
    assert (await overview(tenant, "u1"))["hasUnseenRewards"] is False
    clock.advance(1000)
    await log_login(tenant, "u1")
    assert (await overview(tenant, "u1"))["hasUnseenRewards"] is True
    clock.advance(1000)
    assert (await view(tenant, "u1", {"screenId": "rewards"})).status_code == 200
    clock.advance(1000)
    r = await tenant.client.post(
        "/v1/admin/users/u1/adjustments", json={"points": -5, "reason": "Correction"}, headers=tenant.admin
    )
    assert r.status_code == 201
    assert (await overview(tenant, "u1"))["hasUnseenRewards"] is False  # losing points is no reward


async def test_change_clears_the_last_viewed_markers(tenant: TenantHandle, clock: Clock) -> None:
    clock.set(T0)
    assert (await tenant.put("events", "login", LOGIN)).status_code == 200
    await log_login(tenant, "u1")
    clock.advance(1000)
    assert (await view(tenant, "u1", {"screenId": "rewards"})).status_code == 200
    assert (await overview(tenant, "u1"))["hasUnseenRewards"] is False
    r = await reset(tenant, "u1", {"resetChallenges": True, "resetRewards": False})
    assert r.status_code == 200
    assert r.json() == {"message": "User viewed screens reset successfully"}
    assert (await overview(tenant, "u1"))["hasUnseenRewards"] is False
    r = await reset(tenant, "u1", {"resetRewards": True})
    assert r.status_code == 200
    assert (await overview(tenant, "u1"))["hasUnseenRewards"] is True
    assert (await reset(tenant, "ghost", {})).status_code == 200


async def test_surveys_flag_shows_open_unanswered_surveys(tenant: TenantHandle, clock: Clock) -> None:
    clock.set(T0)
    survey = {
        "surveyId": "s1",
        "title": "Q",
        "options": [{"optionId": "a", "label": "A"}],
        "validFrom": T0 - 10,
    }
    assert (await tenant.put("surveys", "s1", survey)).status_code == 200
    await tenant.create_user("u1")
    assert (await overview(tenant, "u1"))["hasUnseenSurveys"] is True
    clock.advance(1000)
    assert (await view(tenant, "u1", {"screenId": "surveys"})).status_code == 200
    assert (await overview(tenant, "u1"))["hasUnseenSurveys"] is False
    later = {**survey, "surveyId": "s2", "validFrom": T0 + 5000}
    assert (await tenant.put("surveys", "s2", later)).status_code == 200
    clock.advance(10_000)
    assert (await overview(tenant, "u1"))["hasUnseenSurveys"] is True
    body = {"userId": "u1", "surveyId": "s2", "responses": ["a"]}
    assert (
        await tenant.client.put("/v1/user/u1/survey/s2", json=body, headers=tenant.user("u1"))
    ).status_code == 201
    assert (await overview(tenant, "u1"))["hasUnseenSurveys"] is False


@pytest.mark.parametrize("body", [{}, {"screenId": "coupons"}, {"screenId": ""}, {"screenId": None}])
async def test_viewing_needs_a_known_screen(tenant: TenantHandle, body: dict[str, Any]) -> None:
    r = await view(tenant, "u1", body)
    assert r.status_code == 400
    assert r.json()["statusCode"] == 400
    assert r.json()["data"]["field"] == "screenId"


async def test_another_users_token_may_not_read_or_mark(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/v1/user/victim/notifications/overview", headers=tenant.user("mallory"))
    assert r.status_code == 403
    r = await tenant.client.put(
        "/v1/user/victim/notifications/overview", json={"screenId": "rewards"}, headers=tenant.user("mallory")
    )
    assert r.status_code == 403
    r = await tenant.client.put(
        "/v1/user/victim/notifications/change", json={"resetRewards": True}, headers=tenant.user("mallory")
    )
    assert r.status_code == 403
