"""``loyalty export DIR``: a tenant's configuration and every member's data, for the way out."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any

import typer
import yaml
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn

from loyalty.cli.config import TenantOption, with_tenant_admin
from loyalty.cli.context import DatabaseUrlOption, run

if TYPE_CHECKING:
    from loyalty.app.kernel.principal import Principal
    from loyalty.app.kernel.services import Services
    from loyalty.app.users.exports import ExportSummary

STREAMS = {"users": "users.jsonl", "balances": "balances.jsonl", "user-data": "user-data.jsonl"}


class FolderSink:
    """Each stream to its JSON Lines file in the folder."""

    def __init__(self, files: dict[str, IO[str]]) -> None:
        self._files = files

    def write(self, stream: str, record: dict[str, Any]) -> None:
        from loyalty.app.users.exports import encode_line

        self._files[stream].write(encode_line(record))


def export(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="Folder to write the files into (created).")],
    tenant: TenantOption = None,
    database_url: DatabaseUrlOption = None,
) -> None:
    """Write a tenant's configuration and every member's data into DIR.

    config.yaml (as 'config export' prints it), users.jsonl and balances.jsonl (the import
    formats) and user-data.jsonl (every member's full data), a page of members at a time.
    """
    from loyalty.app.tenancy.config_as_code import export_tenant
    from loyalty.app.users.exports import export_members

    progress = Progress(
        TextColumn("export "),
        SpinnerColumn(),
        TextColumn("{task.completed} member(s)"),
        console=Console(stderr=True),
    )
    folder.mkdir(parents=True, exist_ok=True)
    with ExitStack() as files:
        sink = FolderSink(
            {
                s: files.enter_context((folder / name).open("w", encoding="utf-8"))
                for s, name in STREAMS.items()
            }
        )

        async def action(services: Services, principal: Principal) -> tuple[dict[str, Any], ExportSummary]:
            config = await export_tenant(services, principal)
            task = progress.add_task("export", total=None)
            with progress:
                summary = await export_members(
                    services, principal, sink, on_page=lambda n: progress.update(task, completed=n)
                )
            return config, summary

        config, summary = run(with_tenant_admin(database_url, tenant, action))
    (folder / "config.yaml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True))
    typer.echo(f"exported {summary.users} member(s) and {summary.balances} open credit(s) to {folder}")
    for name in ("config.yaml", *STREAMS.values()):
        typer.echo(f"  {folder / name}")
