"""The in-memory :class:`loyalty.app.kernel.store.Store` and a unit of work over it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, cast

from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.uow import Tx
from loyalty.app.tenancy.tenant_settings import TenantSettings
from loyalty.app.tenancy.tenants import TenantConfig
from tests.fakes.gamification import (
    FakeChallengeProgress,
    FakeInventoryHoldings,
    FakeLeaderboardScores,
    FakeMilestoneTiers,
    FakeStreakProgress,
    FakeTransactionHistory,
)
from tests.fakes.kernel import FakeHistory, FakeIdempotency, FakeRateLimits
from tests.fakes.ledger import (
    FakeBulkCredits,
    FakeLedger,
    FakeLedgerHistory,
    FakeLedgerReads,
    FakeMetricBalances,
    FakePendingCredits,
    LedgerTables,
)
from tests.fakes.messaging import FakeNotifications, FakeOutbox
from tests.fakes.offers import FakeCoupons, FakeOffers
from tests.fakes.promotions import FakeCampaigns, FakeLifecycle, FakeReferrals
from tests.fakes.stats import FakeStats
from tests.fakes.surveys import FakeSurveys
from tests.fakes.tenancy import FakeApiKeys, FakeAudit, FakeConfigItems, FakeStaff, FakeTenants
from tests.fakes.users import FakeImportKeys, FakeMemberSearch, FakeUserData, FakeUsers

NOW = 1_763_900_000_000


@dataclass
class FakeStore:
    """One fake repository per port; a test reads and seeds them directly."""

    # ledger
    ledger_tables: LedgerTables = field(default_factory=LedgerTables)

    @property
    def ledger(self) -> FakeLedger:
        return self.ledger_tables.ledger

    @property
    def ledger_reads(self) -> FakeLedgerReads:
        return self.ledger_tables.ledger_reads

    @property
    def ledger_history(self) -> FakeLedgerHistory:
        return self.ledger_tables.ledger_history

    @property
    def bulk_credits(self) -> FakeBulkCredits:
        return self.ledger_tables.bulk_credits

    @property
    def pending_credits(self) -> FakePendingCredits:
        return self.ledger_tables.pending_credits

    @property
    def metric_balances(self) -> FakeMetricBalances:
        return self.ledger_tables.metric_balances

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
    users: FakeUsers = field(default_factory=FakeUsers)
    user_data: FakeUserData = field(default_factory=FakeUserData)
    member_search: FakeMemberSearch = field(default_factory=FakeMemberSearch)
    import_keys: FakeImportKeys = field(default_factory=FakeImportKeys)

    # gamification
    challenges: FakeChallengeProgress = field(default_factory=FakeChallengeProgress)
    inventory: FakeInventoryHoldings = field(default_factory=FakeInventoryHoldings)
    leaderboards: FakeLeaderboardScores = field(default_factory=FakeLeaderboardScores)
    milestones: FakeMilestoneTiers = field(default_factory=FakeMilestoneTiers)
    streaks: FakeStreakProgress = field(default_factory=FakeStreakProgress)
    transactions: FakeTransactionHistory = field(default_factory=FakeTransactionHistory)

    # offers and promotions
    coupons: FakeCoupons = field(default_factory=FakeCoupons)
    offers: FakeOffers = field(default_factory=FakeOffers)
    campaigns: FakeCampaigns = field(default_factory=FakeCampaigns)
    referrals: FakeReferrals = field(default_factory=FakeReferrals)
    lifecycle: FakeLifecycle = field(default_factory=FakeLifecycle)

    # messaging, surveys and stats
    notifications: FakeNotifications = field(default_factory=FakeNotifications)
    outbox: FakeOutbox = field(default_factory=FakeOutbox)
    surveys: FakeSurveys = field(default_factory=FakeSurveys)
    stats: FakeStats = field(default_factory=FakeStats)

    def __post_init__(self) -> None:
        self.offers.coupons = self.coupons  # a pool code is new only when no coupon carries it

    @asynccontextmanager
    async def savepoint(self) -> AsyncIterator[None]:
        """Undoes nothing: a fake is for rules that do not depend on a rollback."""
        yield

    @property
    def event_store(self) -> Any:
        raise AssertionError("the event path's store has no fake: test the event path on a database")


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
        services=cast(Services, None),
        store=store or FakeStore(),
        tenant=tenant or fake_tenant(),
        principal=principal or admin(),
        now=now,
    )
