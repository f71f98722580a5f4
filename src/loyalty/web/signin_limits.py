"""Sign-in attempts are counted like API requests (``app.kernel.ratelimit``'s shared counters, in the
database or Redis), in one-minute windows: per account (tenant and email) and per client address
(``LOYALTY_DASHBOARD_SIGNIN_PER_ACCOUNT_PER_MINUTE``, ``…_PER_ADDRESS_PER_MINUTE``).
Every attempt counts, a right one too, so guessing costs the same whatever the answer."""

from __future__ import annotations

import hashlib
import math

from starlette.requests import Request

from loyalty.app.kernel import ratelimit
from loyalty.app.kernel.services import Services


def _digest(*parts: str) -> str:
    # Counters must not hold emails (personal data) in clear.
    return hashlib.sha256("\x00".join(parts).lower().encode()).hexdigest()[:32]


async def check(services: Services, request: Request, tenant: str, email: str) -> int | None:
    """Count this attempt; the seconds to wait when over a limit, else None."""
    address = request.client.host if request.client else "unknown"
    settings = services.settings
    limits = {f"signin:ip:{_digest(address)}": settings.dashboard_signin_per_address_per_minute}
    if email:
        limits[f"signin:acct:{_digest(tenant, email)}"] = settings.dashboard_signin_per_account_per_minute
    now = services.now()
    window_start = now - now % ratelimit.WINDOW_MS
    counts = await ratelimit.counter_store(services).hit(list(limits), window_start)
    if any(counts.get(key, 0) > limit for key, limit in limits.items()):
        return max(1, math.ceil((window_start + ratelimit.WINDOW_MS - now) / 1000))
    return None
