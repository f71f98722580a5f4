"""The configuration cache checks a tenant's version once per interval, however many requests wait."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from loyalty.app.tenancy.tenants import TenantCache, TenantConfig, TenantSettings


class SlowTenants:
    """Answers the version check only when ``answer`` is set, and counts the checks."""

    def __init__(self, version: int) -> None:
        self.version = version
        self.checks = 0
        self.answer = asyncio.Event()

    async def config_version(self, tenant_id: int) -> int:
        self.checks += 1
        await self.answer.wait()
        return self.version


class SlowStores:
    """Read transactions whose store has only the tenants' version check."""

    def __init__(self, version: int) -> None:
        self.tenants = SlowTenants(version)

    @asynccontextmanager
    async def read(self) -> AsyncIterator[SlowStores]:
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
    stores = SlowStores(version=3)
    cache = TenantCache(stores, ttl_seconds=2.0)  # type: ignore[arg-type]
    config = cached_config(version=3)
    cache._by_id[1] = config  # a copy whose interval has run out (checked_at 0)
    waiting = [asyncio.create_task(cache.by_id(1)) for _ in range(20)]
    await asyncio.sleep(0)  # every request has looked at the copy
    stores.tenants.answer.set()
    answers = await asyncio.gather(*waiting)
    assert stores.tenants.checks == 1
    assert all(answer is config for answer in answers)


async def test_without_an_interval_every_request_checks() -> None:
    stores = SlowStores(version=3)
    stores.tenants.answer.set()
    cache = TenantCache(stores, ttl_seconds=0.0)  # type: ignore[arg-type]
    cache._by_id[1] = cached_config(version=3)
    for _ in range(3):
        await cache.by_id(1)
    assert stores.tenants.checks == 3
