"""``loyalty export DIR``: a tenant's configuration and every member's data, for the way out."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn

from loyalty.cli.config import TenantOption, with_tenant_admin
from loyalty.cli.context import DatabaseUrlOption, run


def export(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="Folder to write the files into (created).")],
    tenant: TenantOption = None,
    database_url: DatabaseUrlOption = None,
) -> None:
    """Write config.yaml, users.jsonl and balances.jsonl (the import formats) and user-data.jsonl
    (every member's full data) into DIR, a page of members at a time."""
    from loyalty.app.exports import export_to_folder

    progress = Progress(
        TextColumn("export "),
        SpinnerColumn(),
        TextColumn("{task.completed} member(s)"),
        console=Console(stderr=True),
    )

    async def action(services: Any, principal: Any) -> Any:
        task = progress.add_task("export", total=None)
        with progress:
            return await export_to_folder(
                services, principal, folder, on_page=lambda n: progress.update(task, completed=n)
            )

    summary = run(with_tenant_admin(database_url, tenant, action))
    typer.echo(f"exported {summary.users} member(s) and {summary.balances} open credit(s) to {folder}")
    for name in summary.files:
        typer.echo(f"  {folder / name}")
