"""Referrals under real parallel HTTP (a server process on the test's database, both stores; two
processes on PostgreSQL): one code per user, one registration per user, one payment per referred
user, and never more paid referrals per referrer than the programme's cap."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from tests.support import TenantHandle, start_live_server

RACERS = 10
PROGRAMME = {
    "referralId": "friends",
    "status": "ACTIVE",
    "eventId": "purchase_completed",
    "conditions": {
        "type": "AND",
        "conditions": [{"field": "amount", "operator": "greater_than_or_equal", "value": 20}],
    },
    "referrerPoints": 500,
    "refereePoints": 200,
    "maxReferralsPerReferrer": 3,
}
PURCHASE = {"eventId": "purchase_completed", "title": "Purchase", "type": "FIXED", "reward": {"default": 10}}


async def set_up(http: httpx.AsyncClient, tenant: TenantHandle, users: list[str]) -> None:
    for kind, item, body in (("events", "purchase_completed", PURCHASE), ("referrals", "friends", PROGRAMME)):
        r = await http.put(f"/v1/admin/{kind}/{item}", json=body, headers=tenant.admin)
        assert r.status_code == 200, r.text
    for user in users:
        r = await http.post("/v1/user", json={"userId": user}, headers=tenant.admin)
        assert r.status_code == 201, r.text


async def code_of(http: httpx.AsyncClient, tenant: TenantHandle, user: str) -> str:
    r = await http.get(f"/v1/user/{user}/referral", headers=tenant.admin)
    assert r.status_code == 200, r.text
    return str(r.json()["code"])


async def register(http: httpx.AsyncClient, tenant: TenantHandle, user: str, code: str) -> httpx.Response:
    return await http.post(f"/v1/user/{user}/referral", json={"code": code}, headers=tenant.admin)


def purchase(user: str) -> dict[str, Any]:
    return {"eventId": "purchase_completed", "userId": user, "metadata": {"amount": 30}}


async def referral_lines(http: httpx.AsyncClient, tenant: TenantHandle, user: str) -> list[int]:
    export = (await http.get(f"/v1/user/{user}/export", headers=tenant.admin)).json()
    return [e["amount"] for e in export["ledger_entries"] if e["source"] == "referral"]


async def points_of(http: httpx.AsyncClient, tenant: TenantHandle, user: str) -> int:
    return int((await http.get(f"/v1/user/{user}/points", headers=tenant.admin)).json()["points"])


async def first_reads_make_one_code(http: httpx.AsyncClient, tenant: TenantHandle) -> None:
    await set_up(http, tenant, ["anna"])
    answers = await asyncio.gather(
        *(http.get("/v1/user/anna/referral", headers=tenant.user("anna")) for _ in range(RACERS))
    )
    assert [a.status_code for a in answers] == [200] * RACERS
    assert len({a.json()["code"] for a in answers}) == 1


async def one_registration_per_user(http: httpx.AsyncClient, tenant: TenantHandle) -> None:
    referrers = [f"r{i}" for i in range(RACERS)]
    await set_up(http, tenant, [*referrers, "ben"])
    codes = [await code_of(http, tenant, r) for r in referrers]
    answers = await asyncio.gather(*(register(http, tenant, "ben", code) for code in codes))
    assert sorted(a.status_code for a in answers) == [201] + [400] * (RACERS - 1)
    counts = [(await http.get(f"/v1/user/{r}/referral", headers=tenant.admin)).json() for r in referrers]
    assert sum(c["referredCount"] for c in counts) == 1


async def parallel_qualifying_events_pay_once(http: httpx.AsyncClient, tenant: TenantHandle) -> None:
    await set_up(http, tenant, ["anna", "ben"])
    assert (await register(http, tenant, "ben", await code_of(http, tenant, "anna"))).status_code == 201
    answers = await asyncio.gather(
        *(http.post("/v1/event", json=purchase("ben"), headers=tenant.admin) for _ in range(RACERS))
    )
    assert [a.status_code for a in answers] == [200] * RACERS
    assert await referral_lines(http, tenant, "ben") == [200]
    assert await referral_lines(http, tenant, "anna") == [500]
    assert await points_of(http, tenant, "ben") == 200 + 10 * RACERS


async def the_cap_holds_for_parallel_referees(http: httpx.AsyncClient, tenant: TenantHandle) -> None:
    referees = [f"friend{i}" for i in range(RACERS)]
    await set_up(http, tenant, ["anna", *referees])
    code = await code_of(http, tenant, "anna")
    for user in referees:
        assert (await register(http, tenant, user, code)).status_code == 201
    answers = await asyncio.gather(
        *(http.post("/v1/event", json=purchase(user), headers=tenant.admin) for user in referees)
    )
    assert [a.status_code for a in answers] == [200] * RACERS
    assert await referral_lines(http, tenant, "anna") == [500, 500, 500]  # maxReferralsPerReferrer
    assert await points_of(http, tenant, "anna") == 1500
    for user in referees:  # the referee's welcome reward does not depend on the referrer's cap
        assert await referral_lines(http, tenant, user) == [200]


CASES = [
    first_reads_make_one_code,
    one_registration_per_user,
    parallel_qualifying_events_pay_once,
    the_cap_holds_for_parallel_referees,
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.__name__)
async def test_referrals_hold_under_parallel_requests(
    live_server: str, tenant: TenantHandle, case: Any
) -> None:
    async with httpx.AsyncClient(base_url=live_server, timeout=60) as http:
        await case(http, tenant)


@pytest.mark.postgres_only
async def test_referrals_hold_on_two_server_processes(
    app: Any, client: httpx.AsyncClient, database_url: str
) -> None:
    from tests.support import make_tenant

    with start_live_server(database_url, workers=2) as base_url:
        async with httpx.AsyncClient(base_url=base_url, timeout=60) as http:
            for case in CASES:
                await case(http, await make_tenant(app, client))
