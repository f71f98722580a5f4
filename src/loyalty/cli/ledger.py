"""``loyalty ledger``: check that every balance equals its ledger, and run the expiry sweep."""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING, Annotated

import typer

from loyalty.settings import Settings

if TYPE_CHECKING:
    from loyalty.storage.database import Database

app = typer.Typer(help="Check and maintain the points ledger.", no_args_is_help=True)

TenantOption = Annotated[str | None, typer.Option(help="Only this tenant (by name).")]


async def _tenant_id(db: Database, name: str | None) -> int | None:
    from loyalty.storage.repositories import tenants as tenant_repo

    if name is None:
        return None
    async with db.read() as conn:
        row = await tenant_repo.get_by_name(conn, name)
    if row is None:
        raise typer.BadParameter(f"no tenant '{name}'")
    return int(row["id"])


@app.command()
def verify(tenant: TenantOption = None) -> None:
    """Report every account whose balance differs from its ledger; exit code 1 when any does."""

    async def run() -> int:
        from loyalty.app.ledger import verify as verify_ledger
        from loyalty.storage.database import Database

        db = Database(Settings().database_url)
        try:
            problems = await verify_ledger(db, tenant_id=await _tenant_id(db, tenant))
        finally:
            await db.dispose()
        for p in problems:
            typer.echo(f"tenant {p.tenant_id} user_pk {p.user_pk} metric {p.metric}: {p.problem}")
        if problems:
            typer.echo(f"{len(problems)} problem(s) found", err=True)
            return 1
        typer.echo("ledger verified: every balance equals the sum of its ledger")
        return 0

    raise typer.Exit(asyncio.run(run()))


@app.command()
def expire(tenant: TenantOption = None) -> None:
    """Expire every credit whose validUntil has passed (the server also does this periodically)."""

    async def run() -> int:
        from loyalty.app.ledger import expire_due
        from loyalty.app.services import Services
        from loyalty.app.tenants import TenantCache
        from loyalty.storage.database import Database

        settings = Settings()
        db = Database(settings.database_url)
        services = Services(settings=settings, db=db, tenants=TenantCache(db, settings.config_cache_seconds))
        try:
            return await expire_due(
                services, now=time.time_ns() // 1_000_000, tenant_id=await _tenant_id(db, tenant)
            )
        finally:
            await db.dispose()

    typer.echo(f"expired credit in {asyncio.run(run())} account(s)")
