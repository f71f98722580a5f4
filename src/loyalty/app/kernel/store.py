"""The store as ``app`` sees it: one open transaction's repositories, each a port a feature owns.

A feature declares what it reads and writes as a protocol in its own ``ports.py`` (typed rows in,
typed rows out, no SQL type), and ``storage`` implements it (:mod:`loyalty.storage.store`). A use
case reaches a repository through its unit of work: ``tx.store.coupons.list_for_user(user_pk)``
in a write, ``store.coupons…`` in a read. Tests hand in an in-memory store instead
(``tests/fakes``), so a handler's rules run without a database.
"""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from loyalty.app.kernel.ports import History, Idempotency, RateLimits
    from loyalty.app.offers.ports import Coupons
    from loyalty.app.tenancy.ports import ApiKeys, Audit, ConfigItems, Staff, Tenants


class Store(Protocol):
    """One transaction's repositories, by feature."""

    @property
    def conn(self) -> Any:
        """The transaction's connection, for repositories not yet behind a port (transitional:
        goes away with the last of them)."""
        ...

    # ledger

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

    # gamification

    # offers and promotions
    @property
    def coupons(self) -> Coupons: ...

    # messaging, surveys and stats


class Stores(Protocol):
    """The database: a write or a read transaction, each handing out a :class:`Store`."""

    def write(self) -> AbstractAsyncContextManager[Store]: ...

    def read(self) -> AbstractAsyncContextManager[Store]: ...

    def bind(self, conn: Any) -> Store:
        """The store of a transaction opened the old way (``services.db``); goes away once every
        feature talks through its port."""
        ...
