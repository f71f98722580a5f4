"""The store as ``app`` sees it: one open transaction's repositories, each a port a feature owns.

A feature declares what it reads and writes as a protocol in its own ``ports.py`` (typed rows in,
typed rows out, no SQL type), and ``storage`` implements it (:mod:`loyalty.storage.store`). A use
case reaches a repository through its unit of work: ``tx.store.coupons.list_for_user(user_pk)``
in a write, ``store.coupons…`` in a read. Tests hand in an in-memory store instead
(``tests/fakes``), so a handler's rules run without a database.
"""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from loyalty.app.events.event_store import EventStore
    from loyalty.app.gamification.ports import (
        ChallengeProgress,
        InventoryHoldings,
        LeaderboardScores,
        MilestoneTiers,
        StreakProgress,
        TransactionHistory,
    )
    from loyalty.app.imports.ports import ImportKeys
    from loyalty.app.kernel.ports import History, Idempotency, RateLimits
    from loyalty.app.ledger.ports import (
        BulkCredits,
        Ledger,
        LedgerHistory,
        LedgerReads,
        MetricBalances,
        PendingCredits,
    )
    from loyalty.app.messaging.ports import Notifications, Outbox
    from loyalty.app.offers.ports import Coupons, Offers
    from loyalty.app.promotions.ports import Campaigns, Lifecycle, Referrals
    from loyalty.app.stats.ports import Stats
    from loyalty.app.surveys.ports import Surveys
    from loyalty.app.tenancy.ports import ApiKeys, Audit, ConfigItems, Staff, Tenants
    from loyalty.app.users.ports import MemberSearch, UserDataStore, Users


class Store(Protocol):
    """One transaction's repositories, by feature."""

    def savepoint(self) -> AbstractAsyncContextManager[None]:
        """A savepoint inside the transaction: what runs in it is undone, and the rest of the
        transaction kept, when it raises (a batch item that is refused)."""
        ...

    # ledger
    @property
    def ledger(self) -> Ledger: ...

    @property
    def ledger_reads(self) -> LedgerReads: ...

    @property
    def ledger_history(self) -> LedgerHistory: ...

    @property
    def bulk_credits(self) -> BulkCredits: ...

    @property
    def pending_credits(self) -> PendingCredits: ...

    @property
    def metric_balances(self) -> MetricBalances: ...

    # tenancy and kernel
    @property
    def tenants(self) -> Tenants: ...

    @property
    def api_keys(self) -> ApiKeys: ...

    @property
    def config(self) -> ConfigItems: ...

    @property
    def audit(self) -> Audit: ...

    @property
    def staff(self) -> Staff: ...

    @property
    def idempotency(self) -> Idempotency: ...

    @property
    def ratelimits(self) -> RateLimits: ...

    @property
    def history(self) -> History: ...

    # users, events and imports
    @property
    def users(self) -> Users: ...

    @property
    def user_data(self) -> UserDataStore: ...

    @property
    def member_search(self) -> MemberSearch: ...

    @property
    def event_store(self) -> EventStore:
        """The event path's store for the database's engine, bound to this transaction."""
        ...

    @property
    def import_keys(self) -> ImportKeys: ...

    # gamification
    @property
    def challenges(self) -> ChallengeProgress: ...

    @property
    def inventory(self) -> InventoryHoldings: ...

    @property
    def leaderboards(self) -> LeaderboardScores: ...

    @property
    def milestones(self) -> MilestoneTiers: ...

    @property
    def streaks(self) -> StreakProgress: ...

    @property
    def transactions(self) -> TransactionHistory:
        """The Audience transaction history (recorded achievements), not database transactions."""
        ...

    # offers and promotions
    @property
    def coupons(self) -> Coupons: ...

    @property
    def offers(self) -> Offers: ...

    @property
    def campaigns(self) -> Campaigns: ...

    @property
    def referrals(self) -> Referrals: ...

    @property
    def lifecycle(self) -> Lifecycle: ...

    # messaging, surveys and stats
    @property
    def notifications(self) -> Notifications: ...

    @property
    def outbox(self) -> Outbox: ...

    @property
    def surveys(self) -> Surveys: ...

    @property
    def stats(self) -> Stats: ...


class Stores(Protocol):
    """The database: a write or a read transaction, each handing out a :class:`Store`."""

    def write(self) -> AbstractAsyncContextManager[Store]:
        """A write transaction, committed when the block ends without an error."""
        ...

    def read(self) -> AbstractAsyncContextManager[Store]:
        """A read-only transaction."""
        ...

    def connections(self) -> dict[str, int]:
        """``in_use``, ``idle`` and ``size`` of this process's database connections (the pool
        gauges of ``/metrics``)."""
        ...
