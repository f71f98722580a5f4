"""The store ``app`` talks to (:class:`loyalty.app.kernel.store.Store`), over SQLAlchemy Core.

:class:`SqlStore` is one open transaction: each feature's repository is built on first use and
bound to that transaction's connection. :class:`SqlStores` opens the transactions.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import cached_property

from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.storage.database import Database
from loyalty.storage.events.event_store import PostgresEventStore, SqliteEventStore, event_store_for
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
from loyalty.storage.ledger.balances import SqlBalances
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


class SqlStore:
    """One transaction's repositories."""

    def __init__(self, conn: AsyncConnection, db: Database) -> None:
        self.conn = conn
        self.db = db

    # ledger
    @cached_property
    def ledger(self) -> SqlLedger:
        return SqlLedger(self.conn, self.db)

    @cached_property
    def ledger_reads(self) -> SqlLedgerReads:
        return SqlLedgerReads(self.conn, self.db)

    @cached_property
    def ledger_history(self) -> SqlLedgerHistory:
        return SqlLedgerHistory(self.conn, self.db)

    @cached_property
    def balances(self) -> SqlBalances:
        return SqlBalances(self.conn, self.db)

    @cached_property
    def bulk_credits(self) -> SqlBulkCredits:
        return SqlBulkCredits(self.conn, self.db)

    @cached_property
    def pending_credits(self) -> SqlPendingCredits:
        return SqlPendingCredits(self.conn, self.db)

    @cached_property
    def metric_balances(self) -> SqlMetricBalances:
        return SqlMetricBalances(self.conn, self.db)

    # tenancy and kernel
    @cached_property
    def tenants(self) -> SqlTenants:
        return SqlTenants(self.conn, self.db)

    @cached_property
    def api_keys(self) -> SqlApiKeys:
        return SqlApiKeys(self.conn, self.db)

    @cached_property
    def config(self) -> SqlConfigItems:
        return SqlConfigItems(self.conn, self.db)

    @cached_property
    def audit(self) -> SqlAudit:
        return SqlAudit(self.conn, self.db)

    @cached_property
    def staff(self) -> SqlStaff:
        return SqlStaff(self.conn, self.db)

    @cached_property
    def idempotency(self) -> SqlIdempotency:
        return SqlIdempotency(self.conn, self.db)

    @cached_property
    def ratelimits(self) -> SqlRateLimits:
        return SqlRateLimits(self.conn, self.db)

    @cached_property
    def history(self) -> SqlHistory:
        return SqlHistory(self.conn, self.db)

    # users, events and imports
    @cached_property
    def users(self) -> SqlUsers:
        return SqlUsers(self.conn, self.db)

    @cached_property
    def user_data(self) -> SqlUserData:
        return SqlUserData(self.conn, self.db)

    @cached_property
    def member_search(self) -> SqlMemberSearch:
        return SqlMemberSearch(self.conn, self.db)

    _event_store: PostgresEventStore | SqliteEventStore | None = None

    @property
    def event_store(self) -> PostgresEventStore | SqliteEventStore:
        # Built once per transaction on every event: by hand, as cached_property takes a lock on
        # Python 3.11 (three times the cost).
        store = self._event_store
        if store is None:
            store = self._event_store = event_store_for(self.conn, self.db)
        return store

    @cached_property
    def import_keys(self) -> SqlImportKeys:
        return SqlImportKeys(self.conn, self.db)

    # gamification
    @cached_property
    def challenges(self) -> SqlChallengeProgress:
        return SqlChallengeProgress(self.conn, self.db)

    @cached_property
    def inventory(self) -> SqlInventoryHoldings:
        return SqlInventoryHoldings(self.conn, self.db)

    @cached_property
    def leaderboards(self) -> SqlLeaderboardScores:
        return SqlLeaderboardScores(self.conn, self.db)

    @cached_property
    def milestones(self) -> SqlMilestoneTiers:
        return SqlMilestoneTiers(self.conn, self.db)

    @cached_property
    def streaks(self) -> SqlStreakProgress:
        return SqlStreakProgress(self.conn, self.db)

    @cached_property
    def transactions(self) -> SqlTransactionHistory:
        return SqlTransactionHistory(self.conn, self.db)

    # offers and promotions
    @cached_property
    def coupons(self) -> SqlCoupons:
        return SqlCoupons(self.conn, self.db)

    @cached_property
    def offers(self) -> SqlOffers:
        return SqlOffers(self.conn, self.db)

    @cached_property
    def campaigns(self) -> SqlCampaigns:
        return SqlCampaigns(self.conn, self.db)

    @cached_property
    def referrals(self) -> SqlReferrals:
        return SqlReferrals(self.conn, self.db)

    @cached_property
    def lifecycle(self) -> SqlLifecycle:
        return SqlLifecycle(self.conn, self.db)

    # messaging, surveys and stats
    @cached_property
    def notifications(self) -> SqlNotifications:
        return SqlNotifications(self.conn, self.db)

    @cached_property
    def outbox(self) -> SqlOutbox:
        return SqlOutbox(self.conn, self.db)

    @cached_property
    def surveys(self) -> SqlSurveys:
        return SqlSurveys(self.conn, self.db)

    @cached_property
    def stats(self) -> SqlStats:
        return SqlStats(self.conn, self.db)


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

    def bind(self, conn: AsyncConnection) -> SqlStore:
        return SqlStore(conn, self.db)
