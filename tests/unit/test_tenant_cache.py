"""The configuration cache checks a tenant's version once per interval, however many requests wait."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from loyalty.app.tenancy.tenants import TenantCache, TenantConfig, TenantSettings


class Result:
    def __init__(self, value: int) -> None:
        self.value = value

    def scalar_one_or_none(self) -> int:
        return self.value


class SlowDatabase:
    """Answers the version check only when ``answer`` is set, and counts the checks."""

    def __init__(self, version: int) -> None:
        self.version = version
        self.checks = 0
        self.answer = asyncio.Event()

    async def execute(self, _: Any) -> Result:
        self.checks += 1
        await self.answer.wait()
        return Result(self.version)

    @asynccontextmanager
    async def read(self) -> AsyncIterator[SlowDatabase]:
        yield self


def cached_config(version: int) -> TenantConfig:
    return TenantConfig(
        id=1,
        name="acme",
        version=version,
        settings=TenantSettings(),
        jwt_secret=None,
        items={},
        prepared={},
        api_keys={},
    )


async def test_requests_that_find_the_copy_due_send_one_check_between_them() -> None:
    db = SlowDatabase(version=3)
    cache = TenantCache(db, ttl_seconds=2.0)  # type: ignore[arg-type]
    config = cached_config(version=3)
    cache._by_id[1] = config  # a copy whose interval has run out (checked_at 0)
    waiting = [asyncio.create_task(cache.by_id(1)) for _ in range(20)]
    await asyncio.sleep(0)  # every request has looked at the copy
    db.answer.set()
    answers = await asyncio.gather(*waiting)
    assert db.checks == 1
    assert all(answer is config for answer in answers)


async def test_without_an_interval_every_request_checks() -> None:
    db = SlowDatabase(version=3)
    db.answer.set()
    cache = TenantCache(db, ttl_seconds=0.0)  # type: ignore[arg-type]
    cache._by_id[1] = cached_config(version=3)
    for _ in range(3):
        await cache.by_id(1)
    assert db.checks == 3
