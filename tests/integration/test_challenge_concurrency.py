"""Completions pay exactly once however many activities of the same user race for them."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx

from tests.activity_support import log_activity
from tests.support import TenantHandle

RACERS = 12


async def test_concurrent_activity_pays_a_completion_once(app: Any, tenant: TenantHandle) -> None:
    body = {
        "challengeId": "c",
        "title": "C",
        "eventId": "e",
        "points": 15,
        "rewards": [{"type": "metric", "metricId": "gems", "metricQuantity": 2}],
    }
    assert (await tenant.put("challenges", "c", body)).status_code == 200
    await tenant.create_user("u1")
    outcomes = await asyncio.gather(*(log_activity(app, tenant, "u1", "e") for _ in range(RACERS)))
    assert sum(1 for o in outcomes if o.data) == 1
    export = (await tenant.client.get("/v1/user/u1/export", headers=tenant.admin)).json()
    assert {b["metric"]: b["balance"] for b in export["balances"]} == {"points": 15, "gems": 2}
    assert len(export["challenge_completions"]) == 1
    assert [n["type"] for n in export["notifications"]] == ["challengeCompleted"]


async def test_concurrent_activity_never_exceeds_the_repeat_cap(app: Any, tenant: TenantHandle) -> None:
    body = {
        "challengeId": "d",
        "title": "D",
        "eventId": "e",
        "points": 10,
        "repeat": {"per": "day", "maxCompletions": 3},
    }
    assert (await tenant.put("challenges", "d", body)).status_code == 200
    await tenant.create_user("u1")
    await asyncio.gather(*(log_activity(app, tenant, "u1", "e") for _ in range(RACERS)))
    export = (await tenant.client.get("/v1/user/u1/export", headers=tenant.admin)).json()
    assert sorted(c["round_no"] for c in export["challenge_completions"]) == [1, 2, 3]
    assert {b["metric"]: b["balance"] for b in export["balances"]} == {"points": 30}
    assert len(export["loyalty_transactions"]) == 3


async def test_concurrent_first_profile_reads_open_the_default_balance_once(
    live_server: str, tenant: TenantHandle
) -> None:
    metric = {"id": "gems", "defaultValue": 5}
    assert (await tenant.put("metrics", "gems", metric)).status_code == 200
    headers = tenant.user("fresh")
    async with httpx.AsyncClient(base_url=live_server, timeout=30) as client:
        answers = await asyncio.gather(
            *(client.get("/api/loyalty/profile", headers=headers) for _ in range(RACERS))
        )
    assert [a.status_code for a in answers] == [200] * RACERS
    assert {a.json()["data"]["metrics"]["gems"] for a in answers} == {5}
    export = (await tenant.client.get("/v1/user/fresh/export", headers=tenant.admin)).json()
    gem_lines = [e for e in export["ledger_entries"] if e["metric"] == "gems"]
    assert [(e["amount"], e["source"]) for e in gem_lines] == [(5, "default")]
