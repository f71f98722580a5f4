"""The handful of long-lived objects a request needs, built once at start (``loyalty.wiring``) and
passed down."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from loyalty.settings import Settings

if TYPE_CHECKING:
    from loyalty.app.kernel.store import Stores
    from loyalty.app.tenancy.tenants import TenantCache


def wall_clock_ms() -> int:
    return time.time_ns() // 1_000_000


@dataclass
class Services:
    settings: Settings
    stores: Stores
    """Write and read transactions, each with its repositories (``app.kernel.store``)."""
    tenants: TenantCache
    clock: Callable[[], int] = wall_clock_ms
    wake_deletions: Callable[[], Awaitable[None]] | None = None
    """Wakes the background sweep of deleted users' rows; run after a deletion commits."""
    extras: dict[str, Any] = field(default_factory=dict)

    def now(self) -> int:
        return self.clock()
