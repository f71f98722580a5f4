"""The in-memory :class:`loyalty.app.kernel.store.Store` and a unit of work over it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.uow import Tx
from loyalty.app.tenancy.tenant_settings import TenantSettings
from loyalty.app.tenancy.tenants import TenantConfig
from tests.fakes.kernel import FakeHistory, FakeIdempotency, FakeRateLimits
from tests.fakes.offers import FakeCoupons
from tests.fakes.tenancy import FakeApiKeys, FakeAudit, FakeConfigItems, FakeStaff, FakeTenants

NOW = 1_763_900_000_000


@dataclass
class FakeStore:
    """One fake repository per port; a test reads and seeds them directly."""

    # ledger

    # tenancy and kernel
    tenants: FakeTenants = field(default_factory=FakeTenants)
    api_keys: FakeApiKeys = field(default_factory=FakeApiKeys)
    config: FakeConfigItems = field(default_factory=FakeConfigItems)
    audit: FakeAudit = field(default_factory=FakeAudit)
    staff: FakeStaff = field(default_factory=FakeStaff)
    idempotency: FakeIdempotency = field(default_factory=FakeIdempotency)
    ratelimits: FakeRateLimits = field(default_factory=FakeRateLimits)
    history: FakeHistory = field(default_factory=FakeHistory)

    # users, events and imports

    # gamification

    # offers and promotions
    coupons: FakeCoupons = field(default_factory=FakeCoupons)

    # messaging, surveys and stats

    @property
    def conn(self) -> Any:
        raise AssertionError("a use case under a fake store reached for the database connection")


def fake_tenant(**settings: Any) -> TenantConfig:
    return TenantConfig(
        id=1,
        name="t",
        version=1,
        settings=TenantSettings(**settings),
        jwt_secret=None,
        items={},
        prepared={},
        api_keys={},
    )


def admin() -> Principal:
    return Principal(1, "t", None, frozenset(), api_key_role="admin")


def fake_tx(
    store: FakeStore | None = None,
    *,
    tenant: TenantConfig | None = None,
    principal: Principal | None = None,
    now: int = NOW,
) -> Tx:
    """A unit of work over ``store``: what a command handler gets, with no database behind it."""
    return Tx(
        conn=None,
        services=cast(Services, None),
        store=store or FakeStore(),
        tenant=tenant or fake_tenant(),
        principal=principal or admin(),
        now=now,
    )
