"""How the product is put together: the settings name a store, and this builds the database, the
store ``app`` talks to through its ports, and the services every entry point runs on.

The server (``api/app.py``), the worker, the CLI and the demo start here. It is the one module
besides ``storage`` that knows which store is behind ``app``'s ports; it builds and operates the
store (open, migrate, check the revision, back up, close) and runs no business rule.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import make_url

from loyalty.app.kernel.services import Services, wall_clock_ms
from loyalty.app.kernel.store import Stores
from loyalty.app.tenancy.tenants import TenantCache
from loyalty.settings import Settings
from loyalty.storage import backup, migrate
from loyalty.storage.database import Database, is_unavailable

BackupError = backup.BackupError
BackupInfo = backup.BackupInfo

__all__ = ["BackupError", "BackupInfo", "Runtime", "head_revision", "is_unavailable", "shown_url", "start"]


@dataclass
class Runtime:
    """One process's store and services; ``close`` when done."""

    settings: Settings
    database: Database
    services: Services

    @property
    def stores(self) -> Stores:
        return self.services.stores

    async def migrate(self) -> str | None:
        """Apply the migrations (creating the database if need be); the revision reached."""
        await migrate.upgrade(self.database.engine, self.settings.database_url)
        return await self.revision()

    async def revision(self) -> str | None:
        """The database's schema revision, None when it has no tables."""
        return await migrate.current_revision(self.database.engine)

    def connections(self) -> dict[str, int]:
        """``in_use``, ``idle`` and ``size`` of this process's database connections."""
        return self.database.connections()

    async def close(self) -> None:
        await self.database.dispose()


def head_revision() -> str | None:
    """The schema revision this version of Loyalty expects."""
    return migrate.head_revision()


def start(
    settings: Settings,
    *,
    clock: Callable[[], int] | None = None,
    config_cache_seconds: float | None = None,
) -> Runtime:
    """The store named by ``settings.database_url`` and the services over it (nothing connects
    before the first transaction)."""
    database = Database(
        settings.database_url, pool_size=settings.db_pool_size, timeout_s=settings.db_timeout_seconds
    )
    stores = database.stores
    cache = settings.config_cache_seconds if config_cache_seconds is None else config_cache_seconds
    services = Services(
        settings=settings,
        stores=stores,
        tenants=TenantCache(stores, cache),
        clock=clock or wall_clock_ms,
    )
    return Runtime(settings, database, services)


def backup_sqlite(source: Path, target: Path) -> BackupInfo:
    """Copy the SQLite store at ``source`` to ``target`` with SQLite's online backup API."""
    return backup.backup(source, target)


def restore_sqlite(source: Path, target: Path) -> BackupInfo:
    """Put the backup ``source`` in place of the SQLite store ``target``."""
    return backup.restore(source, target)


def shown_url(url: str) -> str:
    """The database URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL is shown as given; the connect will say what is wrong
        return url
