"""Answered once: the same survey answered by one user with 20 parallel HTTP requests against real
server processes gives exactly one 201, one credit and one count per picked option."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from loyalty.app.ledger import ledger
from tests.support import TenantHandle, start_live_server

SURVEY = {
    "surveyId": "nps",
    "title": "How likely are you to recommend us?",
    "type": "SINGLE",
    "options": [{"optionId": "1", "label": "Not likely"}, {"optionId": "10", "label": "Very likely"}],
    "points": 40,
}


async def twenty_answers(base_url: str, tenant: TenantHandle) -> list[int]:
    assert (await tenant.put("surveys", "nps", SURVEY)).status_code == 200
    headers = tenant.user("racer")
    body = {"userId": "racer", "surveyId": "nps", "responses": ["10"]}
    async with httpx.AsyncClient(base_url=base_url, timeout=60) as http:
        responses = await asyncio.gather(
            *(http.put("/v1/user/racer/survey/nps", json=body, headers=headers) for _ in range(20))
        )
        points = await http.get("/v1/user/racer/points", headers=headers)
        results = await http.get("/v1/admin/surveys/nps/results", headers=tenant.admin)
        notes = await http.get("/api/loyalty/notifications", headers=headers)
    assert points.json()["points"] == 40
    assert results.json()["answers"] == 1
    assert {o["optionId"]: o["count"] for o in results.json()["options"]} == {"1": 0, "10": 1}
    assert [n["type"] for n in notes.json()["data"]] == ["surveyCompleted"]
    for r in responses:
        if r.status_code == 400:
            assert r.json()["data"]["field"] == "surveyId"
    return sorted(r.status_code for r in responses)


async def test_twenty_parallel_answers_count_once(app: Any, live_server: str, tenant: TenantHandle) -> None:
    assert await twenty_answers(live_server, tenant) == [201] + [400] * 19
    assert await ledger.verify(app.state.services.stores, tenant_id=tenant.tenant_id) == []


@pytest.mark.postgres_only
async def test_two_server_processes_on_one_postgresql_count_once(
    app: Any, database_url: str, tenant: TenantHandle
) -> None:
    with start_live_server(database_url, workers=2) as base_url:
        assert await twenty_answers(base_url, tenant) == [201] + [400] * 19
    assert await ledger.verify(app.state.services.stores, tenant_id=tenant.tenant_id) == []
