"""Concurrent retries with one ``Idempotency-Key`` against a real server: one effect."""

from __future__ import annotations

import asyncio

import httpx

from tests.support import TenantHandle


async def test_twenty_concurrent_retries_create_the_user_once(live_server: str, tenant: TenantHandle) -> None:
    headers = {**tenant.admin, "Idempotency-Key": "create-once"}
    async with httpx.AsyncClient(base_url=live_server, timeout=30) as http:
        responses = await asyncio.gather(
            *(http.post("/v1/user", json={"userId": "racer"}, headers=headers) for _ in range(20))
        )
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [201] * 20
    assert len({r.json()["createdAt"] for r in responses}) == 1
    assert sum(1 for r in responses if r.headers.get("Idempotent-Replayed") == "true") == 19


async def test_concurrent_creates_without_a_key_succeed_once(live_server: str, tenant: TenantHandle) -> None:
    async with httpx.AsyncClient(base_url=live_server, timeout=30) as http:
        responses = await asyncio.gather(
            *(http.post("/v1/user", json={"userId": "dup"}, headers=tenant.admin) for _ in range(20))
        )
    assert sorted(r.status_code for r in responses) == [201] + [400] * 19
