"""``loyalty ledger``: check that every balance equals its ledger, and run the expiry sweep."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Annotated

import typer

from loyalty.cli.context import DatabaseUrlOption, fail, open_runtime, run, settings_for

if TYPE_CHECKING:
    from loyalty.app.kernel.store import Stores

app = typer.Typer(help="Check and maintain the points ledger.", no_args_is_help=True)

TenantOption = Annotated[str | None, typer.Option(metavar="NAME", help="Only this tenant (by name).")]


async def _tenant_id(stores: Stores, name: str | None) -> int | None:
    if name is None:
        return None
    async with stores.read() as store:
        row = await store.tenants.get_by_name(name)
    if row is None:
        fail(f"no tenant '{name}' (see 'loyalty tenant list')")
    return int(row["id"])


@app.command()
def verify(tenant: TenantOption = None, database_url: DatabaseUrlOption = None) -> None:
    """Report every account whose balance differs from its ledger; exit code 1 when any does."""
    settings = settings_for(database_url)

    async def check() -> int:
        from loyalty.app.ledger.ledger import verify as verify_ledger

        async with open_runtime(settings) as runtime:
            stores = runtime.stores
            problems = await verify_ledger(stores, tenant_id=await _tenant_id(stores, tenant))
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
        from loyalty.app.ledger.ledger import expire_due

        features.load()
        async with open_runtime(settings) as runtime:
            tenant_id = await _tenant_id(runtime.stores, tenant)
            return await expire_due(runtime.services, now=time.time_ns() // 1_000_000, tenant_id=tenant_id)

    typer.echo(f"expired credit in {run(sweep())} account(s)")
