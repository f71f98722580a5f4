"""``loyalty ledger``: check that every balance equals its ledger, and run the expiry sweep."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Annotated

import typer

from loyalty.cli.context import DatabaseUrlOption, fail, open_database, run, settings_for

if TYPE_CHECKING:
    from loyalty.storage.database import Database

app = typer.Typer(help="Check and maintain the points ledger.", no_args_is_help=True)

TenantOption = Annotated[str | None, typer.Option(metavar="NAME", help="Only this tenant (by name).")]


async def _tenant_id(db: Database, name: str | None) -> int | None:
    if name is None:
        return None
    async with db.stores.read() as store:
        row = await store.tenants.get_by_name(name)
    if row is None:
        fail(f"no tenant '{name}' (see 'loyalty tenant list')")
    return int(row["id"])


@app.command()
def verify(tenant: TenantOption = None, database_url: DatabaseUrlOption = None) -> None:
    """Report every account whose balance differs from its ledger; exit code 1 when any does."""
    settings = settings_for(database_url)

    async def check() -> int:
        from loyalty.app.kernel.services import Services
        from loyalty.app.ledger.ledger import verify as verify_ledger
        from loyalty.app.tenancy.tenants import TenantCache

        async with open_database(settings) as db:
            services = Services(
                settings=settings, db=db, tenants=TenantCache(db.stores, settings.config_cache_seconds)
            )
            problems = await verify_ledger(services.stores, tenant_id=await _tenant_id(db, tenant))
        for p in problems:
            typer.echo(f"tenant {p.tenant_id} user_pk {p.user_pk} metric {p.metric}: {p.problem}")
        if problems:
            typer.echo(f"{len(problems)} problem(s) found", err=True)
            return 1
        typer.echo("ledger verified: every balance equals the sum of its ledger")
        return 0

    raise typer.Exit(run(check()))


@app.command()
def expire(tenant: TenantOption = None, database_url: DatabaseUrlOption = None) -> None:
    """Expire every credit whose validUntil has passed (the server also does this periodically)."""
    settings = settings_for(database_url)

    async def sweep() -> int:
        from loyalty.app import features
        from loyalty.app.kernel.services import Services
        from loyalty.app.ledger.ledger import expire_due
        from loyalty.app.tenancy.tenants import TenantCache

        features.load()
        async with open_database(settings) as db:
            services = Services(
                settings=settings, db=db, tenants=TenantCache(db.stores, settings.config_cache_seconds)
            )
            return await expire_due(
                services, now=time.time_ns() // 1_000_000, tenant_id=await _tenant_id(db, tenant)
            )

    typer.echo(f"expired credit in {run(sweep())} account(s)")
