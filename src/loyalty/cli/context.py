"""What every ``loyalty`` command shares: finding the store, opening it, and failing in one line.

The store is, in this order: ``--database-url``, else ``LOYALTY_DATABASE_URL``, else — in a
checkout where ``./demo`` has run (this folder or one above it) — the demo's own SQLite file. The
command says on stderr which one it uses, so an operator never reads the wrong database unknowingly.
Commands that only read or change existing data never create a database: a missing SQLite file or
a database without tables is one line saying what to do, not a traceback and not a new empty file.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Coroutine, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer

from loyalty.settings import Settings

if TYPE_CHECKING:
    from loyalty.app.kernel.principal import Principal
    from loyalty.app.kernel.services import Services
    from loyalty.wiring import Runtime

T = TypeVar("T")

DEMO_STORE = Path(".loyalty-demo") / "loyalty.db"
"""Where ``./demo`` keeps its database, relative to the checkout it runs in."""

DatabaseUrlOption = Annotated[
    str | None,
    typer.Option(
        "--database-url",
        metavar="URL",
        show_default=False,
        help="The store: sqlite:///PATH or postgresql://USER@HOST/DB. "
        "Default: LOYALTY_DATABASE_URL, else the demo's store when run in a checkout after ./demo.",
    ),
]


def fail(message: str) -> NoReturn:
    """End the command with one line on stderr and exit code 1."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(1)


@dataclass(frozen=True)
class Store:
    url: str
    origin: str
    """Where the URL came from, as the command reports it."""


def find_store(option: str | None, *, cwd: Path | None = None) -> Store | None:
    if option:
        return Store(option, "--database-url")
    env = os.environ.get("LOYALTY_DATABASE_URL")
    if env:
        return Store(env, "LOYALTY_DATABASE_URL")
    here = (cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / DEMO_STORE
        if candidate.is_file():
            return Store(f"sqlite:///{candidate}", "the demo's store, left by ./demo")
    return None


def shown(url: str) -> str:
    """The URL without its password, for messages."""
    from loyalty.wiring import shown_url

    return shown_url(url)


def settings_for(option: str | None, *, creates: bool = False) -> Settings:
    """The settings with the store resolved and announced. ``creates``: the command may create the
    database (``migrate``, ``tenant create``); every other command needs one that exists."""
    store = find_store(option)
    if store is None:
        if not creates:
            fail(
                "no database given: pass --database-url URL, set LOYALTY_DATABASE_URL, "
                "or run ./demo first (its store is then found from the checkout)"
            )
        store = Store(Settings.model_fields["database_url"].default, "the default")
    typer.echo(f"database: {shown(store.url)} ({store.origin})", err=True)
    settings = Settings(database_url=store.url)
    path = settings.sqlite_path()
    if not creates and path is not None and not path.is_file():
        fail(f"no database at {path}: run 'loyalty migrate' to create it, or check the URL")
    return settings


async def check_migrated(runtime: Runtime) -> None:
    """One line instead of a ``no such table`` traceback when the database is empty or behind."""
    from loyalty.wiring import head_revision

    revision = await runtime.revision()
    if revision is None:
        url = runtime.settings.database_url
        fail(f"the database at {shown(url)} has no tables: run 'loyalty migrate' first")
    head = head_revision()
    if revision != head:
        fail(
            f"the database is at revision {revision} and this version of Loyalty expects {head}: "
            "run 'loyalty migrate' when the database is the older one"
        )


@asynccontextmanager
async def open_runtime(
    settings: Settings, *, config_cache_seconds: float | None = None
) -> AsyncIterator[Runtime]:
    """The store and the services over it, checked to be migrated, and closed afterwards."""
    from loyalty.wiring import start

    runtime = start(settings, config_cache_seconds=config_cache_seconds)
    try:
        await check_migrated(runtime)
        yield runtime
    finally:
        await runtime.close()


def run(coro: Coroutine[Any, Any, T]) -> T:
    """Run a command's coroutine; domain errors, unreachable databases and ``fail`` become one line."""
    from loyalty.app.tenancy.config_as_code import ConfigDocumentInvalid
    from loyalty.core.errors import LoyaltyError
    from loyalty.wiring import is_unavailable

    try:
        return asyncio.run(coro)
    except ConfigDocumentInvalid as exc:
        typer.echo("error: the file is invalid; nothing was written", err=True)
        for problem in exc.problems:
            typer.echo(f"  {problem.line()}", err=True)
        raise typer.Exit(1) from None
    except LoyaltyError as exc:
        typer.echo(f"error: {exc.message}", err=True)
        raise typer.Exit(1) from None
    except Exception as exc:
        if not is_unavailable(exc):
            raise
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        typer.echo(f"error: cannot use the database: {reason}", err=True)
        raise typer.Exit(1) from None


@asynccontextmanager
async def as_tenant_admin(
    settings: Settings, tenant: str | None
) -> AsyncIterator[tuple[Services, Principal]]:
    """(services, principal) acting as the tenant's admin; ``tenant`` may be omitted when the store
    holds exactly one. The audit trail names the actor ``user:cli``."""
    from loyalty.app import features
    from loyalty.app.kernel.principal import ADMIN, Principal

    features.load()
    async with open_runtime(settings, config_cache_seconds=0.0) as runtime:
        async with runtime.stores.read() as store:
            if tenant is None:
                rows = await store.tenants.list_all()
                if len(rows) != 1:
                    fail(f"there are {len(rows)} tenants; name one with --tenant")
                row: Mapping[str, Any] | None = rows[0]
            else:
                row = await store.tenants.get_by_name(tenant)
        if row is None:
            fail(f"no tenant '{tenant}' (see 'loyalty tenant list')")
        services = runtime.services
        principal = Principal(
            tenant_id=int(row["id"]), tenant=str(row["name"]), subject="cli", scopes=frozenset({ADMIN})
        )
        yield services, principal
