"""Seed 000 survey endpoints (list, answer with every rule and status) and the admin results."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support import Clock, TenantHandle

NOW = 1731000000000  # inside the seed's window (2024-11-01 .. 2024-12-02)

NPS: dict[str, Any] = {
    "surveyId": "nps_2025_01",
    "title": {"en": "How likely are you to recommend us?", "de": "Wie wahrscheinlich empfehlen Sie uns?"},
    "type": "SINGLE",
    "validFrom": 1730438400000,
    "validUntil": 1733116799000,
    "options": [
        {"optionId": "1", "label": {"en": "Not likely", "de": "Unwahrscheinlich"}},
        {"optionId": "10", "label": "Very likely"},
    ],
    "points": 25,
}

TOPICS: dict[str, Any] = {
    "surveyId": "topics",
    "title": "Which topics interest you?",
    "type": "MULTIPLE",
    "options": [{"optionId": "news", "label": "News"}, {"optionId": "sport", "label": "Sport"}],
}


async def configure(tenant: TenantHandle, *surveys: dict[str, Any]) -> None:
    for body in surveys:
        r = await tenant.put("surveys", body["surveyId"], body)
        assert r.status_code == 200, r.text


async def answer(tenant: TenantHandle, user_id: str, survey_id: str, body: Any, **kw: Any) -> Any:
    headers = kw.get("headers") or tenant.user(user_id)
    return await tenant.client.put(f"/v1/user/{user_id}/survey/{survey_id}", json=body, headers=headers)


async def points_of(tenant: TenantHandle, user_id: str) -> int:
    r = await tenant.client.get(f"/v1/user/{user_id}/points", headers=tenant.user(user_id))
    assert r.status_code == 200
    return int(r.json()["points"])


async def test_open_surveys_answer_the_seed_shape(tenant: TenantHandle, clock: Clock) -> None:
    clock.set(NOW)
    await configure(tenant, NPS)
    r = await tenant.client.get("/v1/user/user_123/survey", headers=tenant.user("user_123"))
    assert r.status_code == 200
    assert r.json() == [
        {
            "surveyId": "nps_2025_01",
            "title": "How likely are you to recommend us?",
            "type": "SINGLE",
            "validFrom": 1730438400000,
            "validUntil": 1733116799000,
            "options": [{"optionId": "1", "label": "Not likely"}, {"optionId": "10", "label": "Very likely"}],
        }
    ]
    german = {**tenant.user("user_123"), "Accept-Language": "de-CH, en;q=0.5"}
    r = await tenant.client.get("/v1/user/user_123/survey", headers=german)
    assert r.json()[0]["title"] == "Wie wahrscheinlich empfehlen Sie uns?"
    assert r.json()[0]["options"][0]["label"] == "Unwahrscheinlich"


async def test_closed_inactive_and_answered_surveys_are_not_listed(
    tenant: TenantHandle, clock: Clock
) -> None:
    clock.set(NOW)
    await configure(tenant, NPS, TOPICS, {**TOPICS, "surveyId": "off", "status": "INACTIVE"})
    await configure(tenant, {**TOPICS, "surveyId": "later", "validFrom": NOW + 1000})
    r = await answer(tenant, "u1", "topics", {"userId": "u1", "surveyId": "topics", "responses": ["news"]})
    assert r.status_code == 201
    r = await tenant.client.get("/v1/user/u1/survey", headers=tenant.user("u1"))
    assert [s["surveyId"] for s in r.json()] == ["nps_2025_01"]
    clock.set(1733116799001)  # after NPS closes
    r = await tenant.client.get("/v1/user/u1/survey", headers=tenant.user("u1"))
    assert [s["surveyId"] for s in r.json()] == ["later"]


async def test_no_surveys_is_an_empty_list(tenant: TenantHandle) -> None:
    r = await tenant.client.get("/v1/user/nobody/survey", headers=tenant.user("nobody"))
    assert r.status_code == 200
    assert r.json() == []


async def test_answer_is_201_credits_points_counts_options_and_notifies(
    tenant: TenantHandle, clock: Clock
) -> None:
    clock.set(NOW)
    await configure(tenant, NPS)
    r = await answer(
        tenant,
        "user_123",
        "nps_2025_01",
        {"userId": "user_123", "surveyId": "nps_2025_01", "responses": ["10"]},
    )
    assert r.status_code == 201
    assert r.json() == {"message": "Survey response submitted successfully"}
    assert await points_of(tenant, "user_123") == 25
    r = await tenant.client.get("/v1/admin/surveys/nps_2025_01/results", headers=tenant.admin)
    assert r.status_code == 200
    assert r.json() == {
        "surveyId": "nps_2025_01",
        "type": "SINGLE",
        "answers": 1,
        "options": [
            {"optionId": "1", "label": {"en": "Not likely", "de": "Unwahrscheinlich"}, "count": 0},
            {"optionId": "10", "label": {"en": "Very likely"}, "count": 1},
        ],
    }
    r = await tenant.client.get("/v1/user/user_123/history", headers=tenant.user("user_123"))
    assert r.status_code == 200, r.text
    [entry] = r.json()
    assert (entry["id"], entry["type"], entry["points"], entry["timestamp"]) == (
        "SURVEY#nps_2025_01",
        "SURVEY",
        25,
        NOW,
    )
    r = await tenant.client.get("/api/loyalty/notifications", headers=tenant.user("user_123"))
    assert r.json()["data"] == [
        {
            "id": r.json()["data"][0]["id"],
            "timestamp": NOW,
            "type": "surveyCompleted",
            "display": "toast",
            "title": "How likely are you to recommend us?",
            "message": None,
            "payload": {
                "surveyId": "nps_2025_01",
                "metricChanges": {"points": {"oldValue": 0, "newValue": 25}},
            },
        }
    ]


async def test_multiple_counts_every_picked_option(tenant: TenantHandle, clock: Clock) -> None:
    clock.set(NOW)
    await configure(tenant, TOPICS)
    for user, picks in (("a", ["news", "sport"]), ("b", ["sport"])):
        r = await answer(tenant, user, "topics", {"userId": user, "surveyId": "topics", "responses": picks})
        assert r.status_code == 201, r.text
    assert await points_of(tenant, "a") == 0
    r = await tenant.client.get("/v1/admin/surveys/topics/results", headers=tenant.admin)
    assert r.json()["answers"] == 2
    assert {o["optionId"]: o["count"] for o in r.json()["options"]} == {"news": 1, "sport": 2}


async def test_answering_twice_is_400_and_pays_once(tenant: TenantHandle, clock: Clock) -> None:
    clock.set(NOW)
    await configure(tenant, NPS)
    body = {"userId": "u", "surveyId": "nps_2025_01", "responses": ["1"]}
    assert (await answer(tenant, "u", "nps_2025_01", body)).status_code == 201
    r = await answer(tenant, "u", "nps_2025_01", {**body, "responses": ["10"]})
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "surveyId"
    assert "already answered" in r.json()["message"]
    assert await points_of(tenant, "u") == 25
    r = await tenant.client.get("/v1/admin/surveys/nps_2025_01/results", headers=tenant.admin)
    assert {o["optionId"]: o["count"] for o in r.json()["options"]} == {"1": 1, "10": 0}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"surveyId": "nps_2025_01", "responses": ["10"]}, "userId"),
        ({"userId": "u", "responses": ["10"]}, "surveyId"),
        ({"userId": "u", "surveyId": "nps_2025_01"}, "responses"),
        ({"userId": "other", "surveyId": "nps_2025_01", "responses": ["10"]}, "userId"),
        ({"userId": "u", "surveyId": "topics", "responses": ["10"]}, "surveyId"),
        ({"userId": "u", "surveyId": "nps_2025_01", "responses": ["7"]}, "responses"),
        ({"userId": "u", "surveyId": "nps_2025_01", "responses": []}, "responses"),
        ({"userId": "u", "surveyId": "nps_2025_01", "responses": ["1", "10"]}, "responses"),
        ({"userId": "u", "surveyId": "nps_2025_01", "responses": "10"}, "responses"),
    ],
)
async def test_bad_answers_are_400_naming_the_field_and_write_nothing(
    tenant: TenantHandle, clock: Clock, body: dict[str, Any], field: str
) -> None:
    clock.set(NOW)
    await configure(tenant, NPS)
    r = await answer(tenant, "u", "nps_2025_01", body)
    assert r.status_code == 400, r.text
    assert r.json()["statusCode"] == 400
    assert r.json()["data"]["field"] == field
    assert field in r.json()["message"]
    r = await tenant.client.get("/v1/admin/surveys/nps_2025_01/results", headers=tenant.admin)
    assert r.json()["answers"] == 0
    assert await points_of(tenant, "u") == 0


async def test_multiple_rejects_a_repeated_option(tenant: TenantHandle, clock: Clock) -> None:
    clock.set(NOW)
    await configure(tenant, TOPICS)
    r = await answer(
        tenant, "u", "topics", {"userId": "u", "surveyId": "topics", "responses": ["news", "news"]}
    )
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "responses"


async def test_unknown_survey_is_404(tenant: TenantHandle) -> None:
    r = await answer(tenant, "u", "nope", {"userId": "u", "surveyId": "nope", "responses": ["1"]})
    assert r.status_code == 404
    assert r.json()["statusCode"] == 404
    r = await tenant.client.get("/v1/admin/surveys/nope/results", headers=tenant.admin)
    assert r.status_code == 404


async def test_a_closed_survey_is_400(tenant: TenantHandle, clock: Clock) -> None:
    clock.set(1733116799001)
    await configure(tenant, NPS)
    r = await answer(
        tenant, "u", "nps_2025_01", {"userId": "u", "surveyId": "nps_2025_01", "responses": ["1"]}
    )
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "surveyId"


async def test_another_users_token_may_not_answer(tenant: TenantHandle, clock: Clock) -> None:
    clock.set(NOW)
    await configure(tenant, NPS)
    body = {"userId": "victim", "surveyId": "nps_2025_01", "responses": ["1"]}
    r = await answer(tenant, "victim", "nps_2025_01", body, headers=tenant.user("mallory"))
    assert r.status_code == 403
    r = await tenant.client.get("/v1/admin/surveys/nps_2025_01/results", headers=tenant.user("mallory"))
    assert r.status_code == 403


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"options": []}, "options"),
        ({"options": [{"optionId": "a", "label": "A"}, {"optionId": "a", "label": "B"}]}, "options"),
        ({"type": "RANKED"}, "type"),
        ({"validFrom": 2, "validUntil": 1}, "validUntil"),
        ({"points": -5}, "points"),
        ({"title": 7}, "title"),
    ],
)
async def test_invalid_survey_definitions_are_400_naming_the_field(
    tenant: TenantHandle, change: dict[str, Any], field: str
) -> None:
    r = await tenant.put("surveys", "nps_2025_01", {**NPS, **change})
    assert r.status_code == 400, r.text
    assert r.json()["data"]["field"] == field
