"""A body field of the wrong type is reported as such, in every Lynes and Audience body.

Seed 002 ``POST /event``: "eventId string (required)", "userId string (required)", "metadata
object (optional)"; 400 for "Missing or invalid eventId" / "Missing or invalid userId". A client
that sends ``"eventId": 123`` sent it, so the answer says it must be a string, not that it is
required.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.support import TenantHandle

LYNES = [
    ("POST", "/v1/event", {"eventId": 123, "userId": "u1"}, "eventId", "'eventId' must be a string"),
    ("POST", "/v1/event", {"eventId": "login", "userId": 7}, "userId", "'userId' must be a string"),
    (
        "POST",
        "/v1/event",
        {"eventId": "login", "userId": "u1", "metadata": [1]},
        "metadata",
        "'metadata' must be an object",
    ),
    ("POST", "/v1/user", {"userId": 42}, "userId", "'userId' must be a string"),
    ("PUT", "/v1/user/u1/coupon/1", {"userId": 1, "SK": "COUPON#1"}, "userId", "'userId' must be a string"),
    ("PUT", "/v1/user/u1/coupon/1", {"userId": "u1", "SK": 1}, "SK", "'SK' must be a string"),
    (
        "POST",
        "/v1/user/u1/offer/coffee/redeem",
        {"metadata": "x"},
        "metadata",
        "'metadata' must be an object",
    ),
    (
        "PUT",
        "/v1/user/u1/survey/s1",
        {"userId": 1, "surveyId": "s1", "responses": ["a"]},
        "userId",
        "'userId' must be a string",
    ),
    (
        "PUT",
        "/v1/user/u1/survey/s1",
        {"userId": "u1", "surveyId": True, "responses": ["a"]},
        "surveyId",
        "'surveyId' must be a string",
    ),
    (
        "PUT",
        "/v1/user/u1/survey/s1",
        {"userId": "u1", "surveyId": "s1", "responses": "a"},
        "responses",
        "'responses' must be an array",
    ),
    (
        "PUT",
        "/v1/user/u1/survey/s1",
        {"userId": "u1", "surveyId": "s1", "responses": [1]},
        "responses[0]",
        "'responses[0]' must be a string",
    ),
    ("PUT", "/v1/user/u1/notifications/overview", {"screenId": 1}, "screenId", "'screenId' must be a string"),
    (
        "PUT",
        "/v1/user/u1/notifications/change",
        {"resetRewards": "yes"},
        "resetRewards",
        "'resetRewards' must be a boolean",
    ),
    ("POST", "/v1/usergroup", {"userId": 5, "usergroup": None}, "userId", "'userId' must be a string"),
]

AUDIENCE = [
    ("POST", "/api/loyalty/action", {"action": 123}, "action", "'action' must be a string"),
    ("POST", "/api/loyalty/action", {"action": "login", "data": [1]}, "data", "'data' must be an object"),
    ("POST", "/api/loyalty/notifications/read", {"ids": "1"}, "ids", "'ids' must be an array"),
]


@pytest.mark.parametrize(("method", "path", "body", "field", "message"), LYNES)
async def test_lynes_names_the_expected_type(
    tenant: TenantHandle, method: str, path: str, body: dict[str, Any], field: str, message: str
) -> None:
    headers = tenant.user("u1", "loyalty:manage")
    r = await tenant.client.request(method, path, json=body, headers=headers)
    assert r.status_code == 400, r.text
    assert (r.json()["message"], r.json()["data"]["field"]) == (message, field)


@pytest.mark.parametrize(("method", "path", "body", "field", "message"), AUDIENCE)
async def test_audience_names_the_expected_type(
    tenant: TenantHandle, method: str, path: str, body: dict[str, Any], field: str, message: str
) -> None:
    r = await tenant.client.request(method, path, json=body, headers=tenant.user("u1"))
    assert r.status_code == 400, r.text
    assert r.json() == {"message": message, "data": {"code": "invalid_input", "field": field}}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "'eventId' is required"),
        ({"eventId": ""}, "'eventId' is required"),
        ({"eventId": None}, "'eventId' is required"),
    ],
)
async def test_a_missing_event_id_is_still_required(
    tenant: TenantHandle, body: dict[str, Any], message: str
) -> None:
    r = await tenant.client.post("/v1/event", json={**body, "userId": "u1"}, headers=tenant.admin)
    assert (r.status_code, r.json()["message"]) == (400, message)
