"""The in-memory :class:`loyalty.app.kernel.store.Store` and a unit of work over it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.uow import Tx
from loyalty.app.tenancy.tenant_settings import TenantSettings
from loyalty.app.tenancy.tenants import TenantConfig
from tests.fakes.messaging import FakeNotifications, FakeOutbox
from tests.fakes.offers import FakeCoupons
from tests.fakes.stats import FakeStats
from tests.fakes.surveys import FakeSurveys

NOW = 1_763_900_000_000


@dataclass
class FakeStore:
    """One fake repository per port; a test reads and seeds them directly."""

    # ledger

    # tenancy and kernel

    # users, events and imports

    # gamification

    # offers and promotions
    coupons: FakeCoupons = field(default_factory=FakeCoupons)

    # messaging, surveys and stats
    notifications: FakeNotifications = field(default_factory=FakeNotifications)
    outbox: FakeOutbox = field(default_factory=FakeOutbox)
    surveys: FakeSurveys = field(default_factory=FakeSurveys)
    stats: FakeStats = field(default_factory=FakeStats)

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
