"""``loyalty config export|apply``: a tenant's programme as a YAML file, reviewed in git."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
import yaml

from loyalty.settings import Settings

config_app = typer.Typer(
    help="Configuration as code: export and apply a tenant's programme.", no_args_is_help=True
)

TenantOption = Annotated[
    str | None, typer.Option("--tenant", help="Tenant name (may be omitted when there is only one).")
]


async def _with_services(tenant: str | None, action: Any) -> Any:
    from loyalty.app import features
    from loyalty.app.principal import ADMIN, Principal
    from loyalty.app.services import Services
    from loyalty.app.tenants import TenantCache
    from loyalty.core.errors import not_found
    from loyalty.storage.database import Database
    from loyalty.storage.repositories import tenants as tenant_repo

    features.load()
    settings = Settings()
    db = Database(settings.database_url)
    try:
        async with db.read() as conn:
            if tenant is None:
                rows = await tenant_repo.list_all(conn)
                if len(rows) != 1:
                    raise typer.BadParameter(
                        f"there are {len(rows)} tenants; name one with --tenant", param_hint="--tenant"
                    )
                row: dict[str, Any] | None = rows[0]
            else:
                row = await tenant_repo.get_by_name(conn, tenant)
        if row is None:
            raise not_found("tenant", str(tenant))
        services = Services(settings=settings, db=db, tenants=TenantCache(db, 0.0))
        # The operator at the console acts as the tenant's admin; the audit trail says "user:cli".
        principal = Principal(
            tenant_id=int(row["id"]), tenant=str(row["name"]), subject="cli", scopes=frozenset({ADMIN})
        )
        return await action(services, principal)
    finally:
        await db.dispose()


@config_app.command("export")
def export(tenant: TenantOption = None) -> None:
    """Print the tenant's settings and every configuration item as YAML (secrets are left out)."""
    from loyalty.app.config_as_code import export_tenant

    document = _run(_with_services(tenant, export_tenant))
    typer.echo(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), nl=False)


@config_app.command("apply")
def apply(
    file: Annotated[
        Path, typer.Argument(help="YAML (or JSON) file as written by 'config export'; '-' reads stdin.")
    ],
    tenant: TenantOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the changes; write nothing.")] = False,
    prune: Annotated[bool, typer.Option("--prune", help="Delete items the file does not contain.")] = False,
) -> None:
    """Validate the whole file, then write every change in one transaction."""
    from loyalty.app.config_as_code import apply_document

    text = sys.stdin.read() if str(file) == "-" else file.read_text()
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        typer.echo(f"error: {file} is not valid YAML: {exc}", err=True)
        raise typer.Exit(1) from None

    async def action(services: Any, principal: Any) -> Any:
        return await apply_document(services, principal, document, dry_run=dry_run, prune=prune)

    changes = _run(_with_services(tenant, action))
    for change in changes:
        typer.echo(change.line())
    if not changes:
        typer.echo("no changes")
    elif dry_run:
        typer.echo(f"dry run: {len(changes)} change(s), nothing written")
    else:
        typer.echo(f"applied {len(changes)} change(s)")


def _run(coro: Any) -> Any:
    from loyalty.app.config_as_code import ConfigDocumentInvalid
    from loyalty.core.errors import LoyaltyError

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
