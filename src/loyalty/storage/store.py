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
from loyalty.storage.messaging.notifications import SqlNotifications
from loyalty.storage.messaging.outbox import SqlOutbox
from loyalty.storage.offers.coupons import SqlCoupons
from loyalty.storage.stats.stats import SqlStats
from loyalty.storage.surveys.surveys import SqlSurveys


class SqlStore:
    """One transaction's repositories."""

    def __init__(self, conn: AsyncConnection, db: Database) -> None:
        self.conn = conn
        self.db = db

    # ledger

    # tenancy and kernel

    # users, events and imports

    # gamification

    # offers and promotions
    @cached_property
    def coupons(self) -> SqlCoupons:
        return SqlCoupons(self.conn, self.db)

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
