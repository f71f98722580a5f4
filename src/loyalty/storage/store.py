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
from loyalty.storage.kernel.history import SqlHistory
from loyalty.storage.kernel.idempotency import SqlIdempotency
from loyalty.storage.kernel.ratelimits import SqlRateLimits
from loyalty.storage.offers.coupons import SqlCoupons
from loyalty.storage.tenancy.api_keys import SqlApiKeys
from loyalty.storage.tenancy.audit import SqlAudit
from loyalty.storage.tenancy.config import SqlConfigItems
from loyalty.storage.tenancy.staff import SqlStaff
from loyalty.storage.tenancy.tenants import SqlTenants


class SqlStore:
    """One transaction's repositories."""

    def __init__(self, conn: AsyncConnection, db: Database) -> None:
        self.conn = conn
        self.db = db

    # ledger

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

    # gamification

    # offers and promotions
    @cached_property
    def coupons(self) -> SqlCoupons:
        return SqlCoupons(self.conn, self.db)

    # messaging, surveys and stats


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
