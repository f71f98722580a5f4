"""Rate-limit counters in Redis (``LOYALTY_REDIS_URL``): shared by every process, reset per window.

Needs the Redis on 127.0.0.1:6379 (``LOYALTY_TEST_REDIS_URL`` overrides); CI fails rather than skips.
"""

from __future__ import annotations

import os
import secrets

import httpx
import pytest

from loyalty.api.app import create_app
from loyalty.app.kernel.ratelimit import RedisCounters
from loyalty.settings import Settings
from tests.support import TenantHandle, make_tenant

REDIS_URL = os.environ.get("LOYALTY_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
async def redis_url() -> str:
    import redis.asyncio as aioredis

    client = aioredis.from_url(REDIS_URL)
    try:
        await client.ping()
    except OSError as exc:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"no Redis at {REDIS_URL}: {exc}")
    finally:
        await client.aclose()
    return REDIS_URL


async def test_two_stores_share_one_counter(redis_url: str) -> None:
    first, second = RedisCounters(redis_url), RedisCounters(redis_url)
    key = f"t:test-{secrets.token_hex(4)}"
    assert await first.hit([key], 60_000) == {key: 1}
    assert await second.hit([key], 60_000) == {key: 2}
    assert await first.hit([key], 120_000) == {key: 1}
    await first.close()
    await second.close()


async def test_an_app_on_redis_answers_429_over_the_limit(
    app: object, redis_url: str, database_url: str, clock
) -> None:
    settings = Settings(
        database_url=database_url,
        redis_url=redis_url,
        config_cache_seconds=0.0,
        migrate_on_start=False,
        delivery_in_process=False,
    )
    application = create_app(settings, clock=clock)
    async with application.router.lifespan_context(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url="http://redis-app") as client:
            tenant: TenantHandle = await make_tenant(application, client)
            await tenant.put("settings", "tenant", {"rateLimit": {"perCredentialPerMinute": 3}})
            clock.set(1_800_000_000_000 + secrets.randbelow(10**6) * 60_000)
            statuses = [
                (await client.get("/v1/user/u1/points", headers=tenant.user("u1"))).status_code
                for _ in range(4)
            ]
    assert statuses == [200, 200, 200, 429]
