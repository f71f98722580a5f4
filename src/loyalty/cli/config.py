"""``loyalty config export|apply``: a tenant's programme as a YAML file, reviewed in git."""

from __future__ import annotations

import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer
import yaml

from loyalty.cli.context import DatabaseUrlOption, as_tenant_admin, run, settings_for

if TYPE_CHECKING:
    from loyalty.app.kernel.principal import Principal
    from loyalty.app.kernel.services import Services
    from loyalty.app.tenancy.config_as_code import Change

T = TypeVar("T")

config_app = typer.Typer(
    help="Configuration as code: export and apply a tenant's programme.", no_args_is_help=True
)

TenantOption = Annotated[
    str | None,
    typer.Option("--tenant", metavar="NAME", help="Tenant name (may be omitted when there is only one)."),
]


async def with_tenant_admin(
    database_url: str | None, tenant: str | None, action: Callable[[Services, Principal], Awaitable[T]]
) -> T:
    """Run ``action(services, principal)`` as the tenant's admin on the resolved store."""
    async with as_tenant_admin(settings_for(database_url), tenant) as (services, principal):
        return await action(services, principal)


@config_app.command("export")
def export(tenant: TenantOption = None, database_url: DatabaseUrlOption = None) -> None:
    """Print the tenant's settings and every configuration item as YAML (secrets are left out)."""
    from loyalty.app.tenancy.config_as_code import export_tenant

    document = run(with_tenant_admin(database_url, tenant, export_tenant))
    typer.echo(yaml.safe_dump(document, sort_keys=False, allow_unicode=True), nl=False)


@config_app.command("apply")
def apply(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE", help="YAML (or JSON) file as written by 'config export'; '-' reads stdin."
        ),
    ],
    tenant: TenantOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Print the changes; write nothing.")] = False,
    prune: Annotated[bool, typer.Option("--prune", help="Delete items the file does not contain.")] = False,
    allow_reset: Annotated[
        bool,
        typer.Option(
            "--allow-reset",
            help="Let fields the file leaves out fall back to their defaults (refused otherwise).",
        ),
    ] = False,
    database_url: DatabaseUrlOption = None,
) -> None:
    """Validate the whole file, print every field that changes, then write it all in one transaction."""
    from loyalty.app.tenancy.config_as_code import apply_document

    try:
        text = sys.stdin.read() if str(file) == "-" else file.read_text()
        document = yaml.safe_load(text)
    except OSError as exc:
        typer.echo(f"error: cannot read {file}: {exc.strerror}", err=True)
        raise typer.Exit(1) from None
    except yaml.YAMLError as exc:
        typer.echo(f"error: {file} is not valid YAML: {exc}", err=True)
        raise typer.Exit(1) from None

    async def action(services: Services, principal: Principal) -> list[Change]:
        return await apply_document(
            services, principal, document, dry_run=dry_run, prune=prune, allow_reset=allow_reset
        )

    changes = run(with_tenant_admin(database_url, tenant, action))
    for change in changes:
        typer.echo(change.line())
        for detail in change.details():
            typer.echo(f"  {detail}")
    if not changes:
        typer.echo("no changes")
    elif dry_run:
        typer.echo(f"dry run: {len(changes)} change(s), nothing written")
    else:
        typer.echo(f"applied {len(changes)} change(s)")
