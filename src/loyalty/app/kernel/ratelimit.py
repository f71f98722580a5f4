"""Rate limits per tenant and per credential: fixed one-minute windows, checked after authentication.

The limits come from the tenant's ``settings.rateLimit`` (0 = off, the default: then nothing is
counted and no store is touched). Counters live in the database by default (one upsert statement
per request) or in Redis when ``LOYALTY_REDIS_URL`` is set; either way they are shared by every
server process, so a limit holds across processes and hosts.
"""

from __future__ import annotations

import hashlib
import math
from typing import TYPE_CHECKING, Any, Protocol

from loyalty.app.kernel import telemetry
from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.core.errors import ErrorCode, LoyaltyError

if TYPE_CHECKING:
    from loyalty.app.kernel.store import Stores

WINDOW_MS = 60_000
_STORE = "rate_limit_store"


class RateLimited(LoyaltyError):
    def __init__(self, message: str, *, retry_after_s: int) -> None:
        super().__init__(ErrorCode.RATE_LIMITED, message)
        self.retry_after_s = retry_after_s


class CounterStore(Protocol):
    async def hit(self, keys: list[str], window_start: int) -> dict[str, int]: ...

    async def close(self) -> None: ...


class DatabaseCounters:
    def __init__(self, stores: Stores) -> None:
        self.stores = stores

    async def hit(self, keys: list[str], window_start: int) -> dict[str, int]:
        async with self.stores.write() as store:
            return await store.ratelimits.hit(keys, window_start)

    async def close(self) -> None:
        """The database is closed with the app."""


class RedisCounters:
    """INCR + EXPIRE in one round trip; needs the ``redis`` package (redis-py with asyncio)."""

    def __init__(self, url: str) -> None:
        try:
            import redis.asyncio as aioredis
        except ImportError as exc:  # an optional dependency: say what to install
            raise RuntimeError("LOYALTY_REDIS_URL is set but the 'redis' package is not installed") from exc
        self.redis: Any = aioredis.from_url(url)

    async def hit(self, keys: list[str], window_start: int) -> dict[str, int]:
        pipe = self.redis.pipeline(transaction=False)
        for key in keys:
            redis_key = f"loyalty:rl:{key}:{window_start}"
            pipe.incr(redis_key)
            pipe.pexpire(redis_key, WINDOW_MS * 2)
        results = await pipe.execute()
        return {key: int(results[2 * i]) for i, key in enumerate(keys)}

    async def close(self) -> None:
        await self.redis.aclose()


def counter_store(services: Services) -> CounterStore:
    """The process's store, made on first use (``LOYALTY_REDIS_URL`` decides which)."""
    store: CounterStore | None = services.extras.get(_STORE)
    if store is None:
        url = services.settings.redis_url
        store = RedisCounters(url) if url else DatabaseCounters(services.stores)
        services.extras[_STORE] = store
    return store


async def close_store(services: Services) -> None:
    store: CounterStore | None = services.extras.pop(_STORE, None)
    if store is not None:
        await store.close()


def credential_key(principal: Principal) -> str:
    if principal.api_key_id is not None:
        return f"c:{principal.tenant_id}:key:{principal.api_key_id}"
    # Hashed: counters must not hold user ids (personal data) in clear.
    subject = hashlib.sha256((principal.subject or "").encode()).hexdigest()[:32]
    return f"c:{principal.tenant_id}:sub:{subject}"


async def enforce(services: Services, principal: Principal) -> None:
    """Count this request; raise ``RateLimited`` (429 with ``Retry-After``) when over a limit."""
    tenant = await services.tenants.by_id(principal.tenant_id)
    if tenant is None:
        return
    limits = tenant.settings.rateLimit
    if limits.requestsPerMinute <= 0 and limits.perCredentialPerMinute <= 0:
        return
    checks: dict[str, tuple[int, str]] = {}
    if limits.requestsPerMinute > 0:
        checks[f"t:{principal.tenant_id}"] = (limits.requestsPerMinute, "tenant")
    if limits.perCredentialPerMinute > 0:
        checks[credential_key(principal)] = (limits.perCredentialPerMinute, "credential")
    now = services.now()
    window_start = now - now % WINDOW_MS
    counts = await counter_store(services).hit(list(checks), window_start)
    for key, (limit, scope) in checks.items():
        if counts.get(key, 0) > limit:
            telemetry.record_rate_limited(scope)
            retry_after = max(1, math.ceil((window_start + WINDOW_MS - now) / 1000))
            raise RateLimited(
                f"rate limit of {limit} requests per minute per {scope} exceeded; retry in {retry_after} s",
                retry_after_s=retry_after,
            )
