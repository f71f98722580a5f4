"""The concurrency matrix over real parallel HTTP: every rule that must hold under races.

One server process (both stores) covers the cases no other test races over real sockets yet: a
challenge completion and a streak milestone paid once. Two server processes on one PostgreSQL run
the whole matrix: redeemPoints and redeem-option double spend, event limits, challenge completion,
streak milestone and idempotent retries. Each case asserts the exact count and ``ledger.verify``.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from loyalty.app.ledger import ledger
from tests.support import TenantHandle, start_live_server

RACERS = 12
EMPORIX = "/reward-points"


@dataclass
class Figures:
    case: str
    requests: int
    acknowledged: int
    applied: int


async def export(http: httpx.AsyncClient, tenant: TenantHandle, user_id: str) -> dict[str, Any]:
    r = await http.get(f"/v1/user/{user_id}/export", headers=tenant.admin)
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


def lines(data: dict[str, Any], source: str) -> list[dict[str, Any]]:
    return [e for e in data["ledger_entries"] if e["source"] == source]


async def put(http: httpx.AsyncClient, tenant: TenantHandle, kind: str, item: str, body: Any) -> None:
    r = await http.put(f"/v1/admin/{kind}/{item}", json=body, headers=tenant.admin)
    assert r.status_code == 200, r.text


async def new_user(http: httpx.AsyncClient, tenant: TenantHandle, user_id: str) -> None:
    r = await http.post("/v1/user", json={"userId": user_id}, headers=tenant.admin)
    assert r.status_code == 201, r.text


async def events(
    http: httpx.AsyncClient, tenant: TenantHandle, body: dict[str, Any], n: int
) -> list[httpx.Response]:
    return await asyncio.gather(*(http.post("/v1/event", json=body, headers=tenant.admin) for _ in range(n)))


async def redeem_points(http: httpx.AsyncClient, tenant: TenantHandle) -> Figures:
    """50 parallel redeemPoints of 100 from 1,000 points: exactly 10 succeed."""
    manager = tenant.user("employee", "rewardspoints.rewardpoints_manage")
    r = await http.post(f"{EMPORIX}/customer/rich/addPoints", json={"points": 1000}, headers=manager)
    assert r.status_code == 201, r.text
    answers = await asyncio.gather(
        *(
            http.post(f"{EMPORIX}/customer/rich/redeemPoints", json={"points": 100}, headers=manager)
            for _ in range(50)
        )
    )
    assert sorted(a.status_code for a in answers) == [201] * 10 + [400] * 40
    assert (await http.get(f"{EMPORIX}/customer/rich", headers=manager)).json() == 0
    debits = [e for e in (await export(http, tenant, "rich"))["ledger_entries"] if e["amount"] < 0]
    assert len(debits) == 10
    return Figures("redeemPoints double spend", 50, 10, len(debits))


async def redeem_option(http: httpx.AsyncClient, tenant: TenantHandle) -> Figures:
    """20 parallel redemptions of a 90-point option from 450 points: exactly 5 coupons."""
    manager = tenant.user("employee", "rewardspoints.rewardpoints_manage")
    shopper = tenant.user("shopper")
    option = {"id": "voucher", "type": "coupon", "name": "Voucher", "points": 90}
    r = await http.post(f"{EMPORIX}/{tenant.name}/redeemOptions", json=option, headers=manager)
    assert r.status_code == 200, r.text
    r = await http.post(f"{EMPORIX}/customer/shopper/addPoints", json={"points": 450}, headers=manager)
    assert r.status_code == 201, r.text
    answers = await asyncio.gather(
        *(
            http.post(f"{EMPORIX}/public/customer/redeem", json={"id": "voucher"}, headers=shopper)
            for _ in range(20)
        )
    )
    codes = {a.json()["code"] for a in answers if a.status_code == 200}
    assert sorted(a.status_code for a in answers) == [200] * 5 + [400] * 15
    assert len(codes) == 5
    assert (await http.get(f"{EMPORIX}/public/customer", headers=shopper)).json() == 0
    return Figures("redeem option double spend", 20, 5, len(codes))


async def event_limit(http: httpx.AsyncClient, tenant: TenantHandle) -> Figures:
    """40 parallel events on a limit of 10: exactly 10 rewarded."""
    await put(
        http,
        tenant,
        "events",
        "scan",
        {"eventId": "scan", "title": "Scan", "limit": 10, "reward": {"default": 3}},
    )
    await new_user(http, tenant, "scanner")
    answers = await events(http, tenant, {"eventId": "scan", "userId": "scanner"}, 40)
    assert [a.status_code for a in answers] == [200] * 40
    rewarded = [a for a in answers if not a.json()["data"]["limitReached"]]
    assert [a.json()["data"]["points"] for a in rewarded] == [3] * 10
    credits = lines(await export(http, tenant, "scanner"), "event")
    assert [e["amount"] for e in credits] == [3] * 10
    return Figures("event limit", 40, 40, len(credits))


async def challenge_completion(http: httpx.AsyncClient, tenant: TenantHandle) -> Figures:
    """12 parallel events that each complete a one-step challenge: the completion pays once."""
    await put(
        http,
        tenant,
        "events",
        "checkin",
        {"eventId": "checkin", "title": "Check-in", "reward": {"default": 1}},
    )
    challenge = {"challengeId": "first", "title": "First", "eventId": "checkin", "points": 15}
    await put(http, tenant, "challenges", "first", challenge)
    await new_user(http, tenant, "challenger")
    answers = await events(http, tenant, {"eventId": "checkin", "userId": "challenger"}, RACERS)
    assert [a.status_code for a in answers] == [200] * RACERS
    data = await export(http, tenant, "challenger")
    assert len(data["challenge_completions"]) == 1
    paid = lines(data, "challenge")
    assert [(e["amount"], e["reference"]) for e in paid] == [(15, "first#1")]
    assert {b["metric"]: b["balance"] for b in data["balances"]} == {"points": RACERS + 15}
    return Figures("challenge completion paid once", RACERS, RACERS, len(paid))


async def streak_milestone(http: httpx.AsyncClient, tenant: TenantHandle) -> Figures:
    """12 parallel events that each reach a streak's first milestone: the milestone pays once."""
    await put(
        http, tenant, "events", "login", {"eventId": "login", "title": "Login", "reward": {"default": 1}}
    )
    streak = {"streakId": "daily", "eventIds": ["login"], "timeFrame": "daily", "milestones": {"1": 50}}
    await put(http, tenant, "streaks", "daily", streak)
    await new_user(http, tenant, "streaker")
    answers = await events(http, tenant, {"eventId": "login", "userId": "streaker"}, RACERS)
    assert [a.status_code for a in answers] == [200] * RACERS
    data = await export(http, tenant, "streaker")
    paid = lines(data, "streak")
    assert [(e["amount"], e["reference"]) for e in paid] == [(50, "daily#1")]
    assert {b["metric"]: b["balance"] for b in data["balances"]} == {"points": RACERS + 50}
    notes = [n for n in data["notifications"] if n["type"] == "streakMilestoneReached"]
    assert len(notes) == 1
    return Figures("streak milestone paid once", RACERS, RACERS, len(paid))


async def idempotent_retries(http: httpx.AsyncClient, tenant: TenantHandle) -> Figures:
    """20 parallel retries of one request with one Idempotency-Key: one effect, 19 replays."""
    await put(http, tenant, "events", "buy", {"eventId": "buy", "title": "Buy", "reward": {"default": 25}})
    await new_user(http, tenant, "retrier")
    headers = {**tenant.admin, "Idempotency-Key": "order-4711"}
    body = {"eventId": "buy", "userId": "retrier"}
    answers = await asyncio.gather(*(http.post("/v1/event", json=body, headers=headers) for _ in range(20)))
    assert [a.status_code for a in answers] == [200] * 20
    assert sum(a.headers.get("Idempotent-Replayed") == "true" for a in answers) == 19
    credits = lines(await export(http, tenant, "retrier"), "event")
    assert [e["amount"] for e in credits] == [25]
    return Figures("idempotent retries", 20, 20, len(credits))


Case = Callable[[httpx.AsyncClient, TenantHandle], Awaitable[Figures]]
MISSING_ELSEWHERE: list[Case] = [challenge_completion, streak_milestone]
MATRIX: list[Case] = [
    redeem_points,
    redeem_option,
    event_limit,
    challenge_completion,
    streak_milestone,
    idempotent_retries,
]


async def run_cases(app: Any, base_url: str, tenant: TenantHandle, cases: list[Case], label: str) -> None:
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as http:
        for case in cases:
            started = time.monotonic()
            figures = await case(http, tenant)
            elapsed = time.monotonic() - started
            assert await ledger.verify(app.state.services.stores, tenant_id=tenant.tenant_id) == []
            print(
                f"matrix [{app.state.runtime.database.dialect}, {label}] {figures.case}: {figures.requests}"
                f" requests, {figures.acknowledged} acknowledged, {figures.applied} applied, {elapsed:.2f}s"
            )


async def test_parallel_events_pay_a_challenge_and_a_streak_milestone_once(
    app: Any, live_server: str, tenant: TenantHandle
) -> None:
    await run_cases(app, live_server, tenant, MISSING_ELSEWHERE, "1 process")


@pytest.mark.postgres_only
async def test_the_whole_matrix_holds_on_two_server_processes(
    app: Any, database_url: str, tenant: TenantHandle
) -> None:
    with start_live_server(database_url, workers=2) as base_url:
        await run_cases(app, base_url, tenant, MATRIX, "2 processes")
