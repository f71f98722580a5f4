"""Referrals (issue 25): the admin kind with the issue's example, the user's code, registering
with a friend's code, and the payment when the referred user's qualifying event is logged."""

from __future__ import annotations

import re
from typing import Any

from tests.support import TenantHandle
from tests.webhook_receiver import STANDARD_SECRET

# The issue's example body, as given.
FRIENDS: dict[str, Any] = {
    "referralId": "friends",
    "status": "ACTIVE",
    "eventId": "purchase_completed",
    "conditions": {
        "type": "AND",
        "conditions": [{"field": "amount", "operator": "greater_than_or_equal", "value": 20}],
    },
    "referrerPoints": 500,
    "refereePoints": 200,
    "maxReferralsPerReferrer": 20,
}
PURCHASE = {"eventId": "purchase_completed", "title": "Purchase", "type": "FIXED", "reward": {"default": 10}}


async def set_up(tenant: TenantHandle, **changes: Any) -> None:
    assert (await tenant.put("events", "purchase_completed", PURCHASE)).status_code == 200
    r = await tenant.put("referrals", "friends", {**FRIENDS, **changes})
    assert r.status_code == 200, r.text


async def code_of(tenant: TenantHandle, user_id: str) -> str:
    r = await tenant.client.get(f"/v1/user/{user_id}/referral", headers=tenant.user(user_id))
    assert r.status_code == 200, r.text
    return str(r.json()["code"])


async def register(tenant: TenantHandle, user_id: str, code: str) -> Any:
    return await tenant.client.post(
        f"/v1/user/{user_id}/referral", json={"code": code}, headers=tenant.user(user_id)
    )


async def buy(tenant: TenantHandle, user_id: str, amount: float) -> Any:
    body = {"eventId": "purchase_completed", "userId": user_id, "metadata": {"amount": amount}}
    r = await tenant.client.post("/v1/event", json=body, headers=tenant.admin)
    assert r.status_code == 200, r.text
    return r.json()["data"]


async def points_of(tenant: TenantHandle, user_id: str) -> int:
    r = await tenant.client.get(f"/v1/user/{user_id}/points", headers=tenant.admin)
    return int(r.json()["points"])


async def test_the_issue_example_is_accepted_and_read_back(tenant: TenantHandle) -> None:
    await set_up(tenant)
    r = await tenant.client.get("/v1/admin/referrals/friends", headers=tenant.admin)
    assert r.status_code == 200
    body = r.json()
    assert {k: body[k] for k in FRIENDS} == FRIENDS
    audit = (await tenant.client.get("/v1/admin/audit", headers=tenant.admin)).json()
    assert any(entry["target"] == "referrals/friends" for entry in audit)


async def test_invalid_programmes_answer_400_naming_the_field(tenant: TenantHandle) -> None:
    cases = [
        ({"referrerPoints": -1}, "referrerPoints"),
        ({"referrerPoints": 0, "refereePoints": 0}, "referrerPoints"),
        ({"maxReferralsPerReferrer": 0}, "maxReferralsPerReferrer"),
        ({"conditions": {"type": "AND", "conditions": [{"field": "a", "operator": "bogus"}]}}, None),
        ({"eventId": " "}, "eventId"),
        ({"unknownField": 1}, None),
    ]
    for change, field in cases:
        r = await tenant.put("referrals", "friends", {**FRIENDS, **change})
        assert r.status_code == 400, (change, r.text)
        assert r.json()["statusCode"] == 400
        if field is not None:
            assert r.json()["data"]["field"] == field


async def test_get_referral_makes_a_stable_code_on_first_read(tenant: TenantHandle) -> None:
    await set_up(tenant)
    await tenant.create_user("anna")
    first = await tenant.client.get("/v1/user/anna/referral", headers=tenant.user("anna"))
    assert first.status_code == 200
    body = first.json()
    assert set(body) == {"userId", "referralId", "code", "referredCount"}
    assert body["userId"] == "anna"
    assert body["referralId"] == "friends"
    assert body["referredCount"] == 0
    assert re.fullmatch(r"[A-HJ-NP-Z2-9]{10}", body["code"])
    again = await tenant.client.get("/v1/user/anna/referral", headers=tenant.admin)
    assert again.json() == body
    await tenant.create_user("ben")
    assert await code_of(tenant, "ben") != body["code"]


async def test_registering_counts_for_the_referrer(tenant: TenantHandle) -> None:
    await set_up(tenant)
    for user in ("anna", "ben"):
        await tenant.create_user(user)
    code = await code_of(tenant, "anna")
    r = await register(tenant, "ben", code.lower())  # codes are read case-insensitively
    assert r.status_code == 201
    assert r.json() == {
        "message": "referral registered",
        "userId": "ben",
        "referralId": "friends",
        "code": code,
    }
    assert (await tenant.client.get("/v1/user/anna/referral", headers=tenant.admin)).json()[
        "referredCount"
    ] == 1


async def test_a_second_registration_is_400(tenant: TenantHandle) -> None:
    await set_up(tenant)
    for user in ("anna", "ben", "cleo"):
        await tenant.create_user(user)
    assert (await register(tenant, "cleo", await code_of(tenant, "anna"))).status_code == 201
    r = await register(tenant, "cleo", await code_of(tenant, "ben"))
    assert r.status_code == 400
    assert r.json() == {
        "statusCode": 400,
        "message": "user 'cleo' has already registered a referral code",
        "data": {"code": "invalid_input", "field": "code"},
    }


async def test_ones_own_code_is_400(tenant: TenantHandle) -> None:
    await set_up(tenant)
    await tenant.create_user("anna")
    r = await register(tenant, "anna", await code_of(tenant, "anna"))
    assert r.status_code == 400
    assert r.json() == {
        "statusCode": 400,
        "message": "a user cannot be referred by their own code",
        "data": {"code": "invalid_input", "field": "code"},
    }


async def test_an_unknown_code_is_404(tenant: TenantHandle) -> None:
    await set_up(tenant)
    await tenant.create_user("anna")
    r = await register(tenant, "anna", "NOSUCHCODE")
    assert r.status_code == 404
    assert r.json() == {
        "statusCode": 404,
        "message": "referral code 'NOSUCHCODE' does not exist",
        "data": {"code": "not_found", "field": None},
    }


async def test_a_missing_code_is_400(tenant: TenantHandle) -> None:
    await set_up(tenant)
    await tenant.create_user("anna")
    r = await tenant.client.post("/v1/user/anna/referral", json={}, headers=tenant.user("anna"))
    assert r.status_code == 400
    assert r.json()["data"] == {"code": "invalid_input", "field": "code"}


async def test_two_users_cannot_refer_each_other(tenant: TenantHandle) -> None:
    await set_up(tenant)
    for user in ("anna", "ben"):
        await tenant.create_user(user)
    assert (await register(tenant, "ben", await code_of(tenant, "anna"))).status_code == 201
    r = await register(tenant, "anna", await code_of(tenant, "ben"))
    assert r.status_code == 400
    assert r.json()["data"]["field"] == "code"


async def test_user_tokens_read_and_register_their_own_referral_only(tenant: TenantHandle) -> None:
    await set_up(tenant)
    for user in ("anna", "ben"):
        await tenant.create_user(user)
    code = await code_of(tenant, "anna")
    assert (await tenant.client.get("/v1/user/anna/referral", headers=tenant.user("ben"))).status_code == 403
    r = await tenant.client.post("/v1/user/ben/referral", json={"code": code}, headers=tenant.user("anna"))
    assert r.status_code == 403
    viewer = tenant.user("crm", "loyalty:view")
    assert (await tenant.client.get("/v1/user/anna/referral", headers=viewer)).status_code == 200
    r = await tenant.client.post("/v1/user/ben/referral", json={"code": code}, headers=tenant.manager())
    assert r.status_code == 201


async def test_the_first_qualifying_event_pays_both_once(tenant: TenantHandle) -> None:
    await set_up(tenant)
    for user in ("anna", "ben"):
        await tenant.create_user(user)
    assert (await register(tenant, "ben", await code_of(tenant, "anna"))).status_code == 201
    await buy(tenant, "ben", 19.99)  # below the referral's condition: the event's own 10 only
    assert (await points_of(tenant, "ben"), await points_of(tenant, "anna")) == (10, 0)
    await buy(tenant, "ben", 20)
    assert (await points_of(tenant, "ben"), await points_of(tenant, "anna")) == (220, 500)
    await buy(tenant, "ben", 50)  # paid already: the event's own points only
    assert (await points_of(tenant, "ben"), await points_of(tenant, "anna")) == (230, 500)

    history = (await tenant.client.get("/v1/user/anna/history", headers=tenant.admin)).json()
    assert [(h["type"], h["points"], h["title"]["en"]) for h in history] == [
        ("REFERRAL", 500, "Referral reward")
    ]
    assert history[0]["description"]["en"] == "A friend you referred made their first qualifying activity"
    ben = (await tenant.client.get("/v1/user/ben/history?sort=asc", headers=tenant.admin)).json()
    assert [(h["type"], h["points"]) for h in ben] == [
        ("EVENT", 10),
        ("EVENT", 10),
        ("REFERRAL", 200),
        ("EVENT", 10),
    ]
    assert ben[2]["description"]["en"] == "Welcome reward: you joined through a friend's referral"

    for user, role, points in (("anna", "referrer", 500), ("ben", "referee", 200)):
        export = (await tenant.client.get(f"/v1/user/{user}/export", headers=tenant.admin)).json()
        rewarded = [n for n in export["notifications"] if n["type"] == "referralRewarded"]
        assert len(rewarded) == 1
        assert rewarded[0]["payload"]["referralId"] == "friends"
        assert rewarded[0]["payload"]["role"] == role
        assert rewarded[0]["payload"]["points"] == points
        lines = [(e["source"], e["amount"]) for e in export["ledger_entries"] if e["source"] == "referral"]
        assert lines == [("referral", points)]


async def test_an_inactive_programme_pays_nothing(tenant: TenantHandle) -> None:
    await set_up(tenant)
    for user in ("anna", "ben"):
        await tenant.create_user(user)
    assert (await register(tenant, "ben", await code_of(tenant, "anna"))).status_code == 201
    await set_up(tenant, status="INACTIVE")
    await buy(tenant, "ben", 100)
    assert (await points_of(tenant, "ben"), await points_of(tenant, "anna")) == (10, 0)


async def test_past_the_cap_only_the_referee_is_paid(tenant: TenantHandle) -> None:
    await set_up(tenant, maxReferralsPerReferrer=1)
    for user in ("anna", "ben", "cleo"):
        await tenant.create_user(user)
    code = await code_of(tenant, "anna")
    for user in ("ben", "cleo"):
        assert (await register(tenant, user, code)).status_code == 201
        await buy(tenant, user, 30)
    assert await points_of(tenant, "anna") == 500
    assert (await points_of(tenant, "ben"), await points_of(tenant, "cleo")) == (210, 210)


async def test_the_referral_rewarded_webhook_names_the_programme_and_role(tenant: TenantHandle) -> None:
    hook = {"url": "http://127.0.0.1:9/hook", "secret": STANDARD_SECRET, "eventTypes": ["referral.rewarded"]}
    assert (await tenant.put("webhooks", "crm", hook)).status_code == 200
    await set_up(tenant)
    for user in ("anna", "ben"):
        await tenant.create_user(user)
    assert (await register(tenant, "ben", await code_of(tenant, "anna"))).status_code == 201
    await buy(tenant, "ben", 25)
    r = await tenant.client.get("/v1/admin/webhooks/crm/deliveries", headers=tenant.admin)
    assert r.status_code == 200, r.text
    sent = sorted(
        (m["eventType"], m["body"]["data"]["userId"], m["body"]["data"]["role"], m["body"]["data"]["points"])
        for m in r.json()
    )
    assert sent == [
        ("referral.rewarded", "anna", "referrer", 500),
        ("referral.rewarded", "ben", "referee", 200),
    ]
