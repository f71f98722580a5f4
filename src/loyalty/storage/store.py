"""The store ``app`` talks to (:class:`loyalty.app.kernel.store.Store`), over SQLAlchemy Core.

:class:`SqlStore` is one open transaction: each feature's repository is built on first use, bound
to that transaction's connection, and kept for the rest of it. :class:`SqlStores` opens the
transactions.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Generic, TypeVar, overload

from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.storage.database import Database
from loyalty.storage.events.event_store import event_store_for
from loyalty.storage.gamification.challenges import SqlChallengeProgress
from loyalty.storage.gamification.inventory import SqlInventoryHoldings
from loyalty.storage.gamification.leaderboards import SqlLeaderboardScores
from loyalty.storage.gamification.milestones import SqlMilestoneTiers
from loyalty.storage.gamification.streaks import SqlStreakProgress
from loyalty.storage.gamification.transactions import SqlTransactionHistory
from loyalty.storage.imports.imports import SqlImportKeys
from loyalty.storage.kernel.history import SqlHistory
from loyalty.storage.kernel.idempotency import SqlIdempotency
from loyalty.storage.kernel.ratelimits import SqlRateLimits
from loyalty.storage.ledger.bulk_credits import SqlBulkCredits
from loyalty.storage.ledger.ledger import SqlLedger
from loyalty.storage.ledger.ledger_history import SqlLedgerHistory
from loyalty.storage.ledger.ledger_reads import SqlLedgerReads
from loyalty.storage.ledger.metric_balances import SqlMetricBalances
from loyalty.storage.ledger.pending import SqlPendingCredits
from loyalty.storage.messaging.notifications import SqlNotifications
from loyalty.storage.messaging.outbox import SqlOutbox
from loyalty.storage.offers.coupons import SqlCoupons
from loyalty.storage.offers.offers import SqlOffers
from loyalty.storage.promotions.campaigns import SqlCampaigns
from loyalty.storage.promotions.lifecycle import SqlLifecycle
from loyalty.storage.promotions.referrals import SqlReferrals
from loyalty.storage.stats.stats import SqlStats
from loyalty.storage.surveys.surveys import SqlSurveys
from loyalty.storage.tenancy.api_keys import SqlApiKeys
from loyalty.storage.tenancy.audit import SqlAudit
from loyalty.storage.tenancy.config import SqlConfigItems
from loyalty.storage.tenancy.staff import SqlStaff
from loyalty.storage.tenancy.tenants import SqlTenants
from loyalty.storage.users.member_search import SqlMemberSearch
from loyalty.storage.users.user_data import SqlUserData
from loyalty.storage.users.users import SqlUsers

R = TypeVar("R")


class repository(Generic[R]):
    """A store attribute built from the transaction's connection on first use, then kept on the
    store. ``functools.cached_property`` would do the same but takes a lock on Python 3.11, which
    costs three times as much on the event path, where a store lives for one request."""

    def __init__(self, build: Callable[[AsyncConnection, Database], R]) -> None:
        self.build = build
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, store: None, owner: type) -> repository[R]: ...

    @overload
    def __get__(self, store: SqlStore, owner: type) -> R: ...

    def __get__(self, store: SqlStore | None, owner: type) -> repository[R] | R:
        if store is None:
            return self
        value = self.build(store.conn, store.db)
        store.__dict__[self.name] = value
        return value


class SqlStore:
    """One transaction's repositories."""

    def __init__(self, conn: AsyncConnection, db: Database) -> None:
        self.conn = conn
        self.db = db

    @asynccontextmanager
    async def savepoint(self) -> AsyncIterator[None]:
        async with self.conn.begin_nested():
            yield

    # ledger
    ledger = repository(SqlLedger)
    ledger_reads = repository(SqlLedgerReads)
    ledger_history = repository(SqlLedgerHistory)
    bulk_credits = repository(SqlBulkCredits)
    pending_credits = repository(SqlPendingCredits)
    metric_balances = repository(SqlMetricBalances)

    # tenancy and kernel
    tenants = repository(SqlTenants)
    api_keys = repository(SqlApiKeys)
    config = repository(SqlConfigItems)
    audit = repository(SqlAudit)
    staff = repository(SqlStaff)
    idempotency = repository(SqlIdempotency)
    ratelimits = repository(SqlRateLimits)
    history = repository(SqlHistory)

    # users, events and imports
    users = repository(SqlUsers)
    user_data = repository(SqlUserData)
    member_search = repository(SqlMemberSearch)
    event_store = repository(event_store_for)

    import_keys = repository(SqlImportKeys)

    # gamification
    challenges = repository(SqlChallengeProgress)
    inventory = repository(SqlInventoryHoldings)
    leaderboards = repository(SqlLeaderboardScores)
    milestones = repository(SqlMilestoneTiers)
    streaks = repository(SqlStreakProgress)
    transactions = repository(SqlTransactionHistory)

    # offers and promotions
    coupons = repository(SqlCoupons)
    offers = repository(SqlOffers)
    campaigns = repository(SqlCampaigns)
    referrals = repository(SqlReferrals)
    lifecycle = repository(SqlLifecycle)

    # messaging, surveys and stats
    notifications = repository(SqlNotifications)
    outbox = repository(SqlOutbox)
    surveys = repository(SqlSurveys)
    stats = repository(SqlStats)


class SqlStores:
    """Opens write and read transactions on the database, as :class:`SqlStore`."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @asynccontextmanager
    async def write(self) -> AsyncIterator[SqlStore]:
        async with self.db.write() as conn:
            yield SqlStore(conn, self.db)

    @asynccontextmanager
    async def read(self) -> AsyncIterator[SqlStore]:
        async with self.db.read() as conn:
            yield SqlStore(conn, self.db)

    def connections(self) -> dict[str, int]:
        return self.db.connections()

    def bind(self, conn: AsyncConnection) -> SqlStore:
        """The store of a transaction the caller opened on the database itself (storage's own
        tests and tools)."""
        return SqlStore(conn, self.db)
