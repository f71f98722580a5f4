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
    from loyalty.app.messaging.ports import Notifications, Outbox
    from loyalty.app.offers.ports import Coupons
    from loyalty.app.stats.ports import Stats
    from loyalty.app.surveys.ports import Surveys


class Store(Protocol):
    """One transaction's repositories, by feature."""

    @property
    def conn(self) -> Any:
        """The transaction's connection, for repositories not yet behind a port (transitional:
        goes away with the last of them)."""
        ...

    # ledger

    # tenancy and kernel

    # users, events and imports

    # gamification

    # offers and promotions
    @property
    def coupons(self) -> Coupons: ...

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

    def write(self) -> AbstractAsyncContextManager[Store]: ...

    def read(self) -> AbstractAsyncContextManager[Store]: ...

    def bind(self, conn: Any) -> Store:
        """The store of a transaction opened the old way (``services.db``); goes away once every
        feature talks through its port."""
        ...
