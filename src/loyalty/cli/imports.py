"""``loyalty import users|balances|events FILE``: bring members, balances and event history over from
an earlier system."""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from loyalty.app.imports.catalog import IMPORT_KINDS
from loyalty.app.imports.kinds import ImportKind
from loyalty.app.imports.rows import Row, RowError, format_of, read_rows
from loyalty.cli.config import TenantOption, with_tenant_admin
from loyalty.cli.context import DatabaseUrlOption, fail, run

if TYPE_CHECKING:
    from loyalty.app.imports.runner import RowSource, Summary
    from loyalty.app.kernel.principal import Principal
    from loyalty.app.kernel.services import Services

import_app = typer.Typer(
    help="Import members, balances and event history from CSV or JSON Lines (see docs/import.md).",
    no_args_is_help=True,
)

SUMMARIES = {
    "users": "Import members: userId (required), usergroup, createdAt (ISO 8601 or epoch ms), "
    "birthday (MM-DD).",
    "balances": "Import point balances as ledger credits: userId and points (required), validUntil "
    "(ISO 8601 or epoch ms), description, reference. Unknown users are created.",
    "events": "Import event history, applied as of each event's time: eventId, userId, metadata (a "
    "POST /v1/event body) and occurredAt (ISO 8601 or epoch ms), all required but metadata; reference. "
    "The rows must be in time order. Unknown users are created.",
}


class RowsPerSecond(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:,.0f} rows/s")


class BarOnStderr:
    """The runner's progress as a rich bar on stderr: rows, rows/s, time left."""

    def __init__(self, label: str) -> None:
        self._bar = Progress(
            TextColumn(label),
            BarColumn(),
            MofNCompleteColumn(),
            RowsPerSecond(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self._task: TaskID | None = None

    def start(self, total: int) -> None:
        self._bar.start()
        self._task = self._bar.add_task("import", total=total)

    def advance(self, rows: int) -> None:
        assert self._task is not None, "start() comes first"
        self._bar.advance(self._task, rows)

    def stop(self) -> None:
        if self._task is not None:
            self._bar.stop()
            self._task = None


def _file_rows(file: Path) -> RowSource:
    fmt = format_of(file.name)
    if fmt is None:
        fail(f"{file}: the file name must end in .csv or .jsonl (the format is chosen by it)")
    if not file.is_file():
        fail(f"{file}: no such file")

    @contextmanager
    def open_rows() -> Iterator[Iterator[Row | RowError]]:
        with file.open(encoding="utf-8-sig", newline="") as handle:
            yield read_rows(handle, fmt)

    return open_rows


def _command(kind: ImportKind) -> Callable[..., None]:
    def command(
        file: Annotated[
            Path, typer.Argument(metavar="FILE", help="A .csv (header line first) or .jsonl file.")
        ],
        tenant: TenantOption = None,
        dry_run: Annotated[
            bool, typer.Option("--dry-run", help="Check every row and count what would be imported.")
        ] = False,
        database_url: DatabaseUrlOption = None,
    ) -> None:
        from loyalty.app.imports.runner import ImportInvalid, ImportStopped, run_import

        open_rows = _file_rows(file)
        bar = BarOnStderr(f"{kind.name} ")
        stopping: list[bool] = []

        def on_interrupt(signum: int, frame: Any) -> None:
            # The first Ctrl-C lets the batch in hand commit, then stops; a second one stops at
            # once (that batch rolls back). Either way the same command imports the rest. A plain
            # signal handler, not the event loop's: the import may run long without yielding to it.
            if stopping:
                raise KeyboardInterrupt
            stopping.append(True)

        async def action(services: Services, principal: Principal) -> Summary:
            previous = signal.signal(signal.SIGINT, on_interrupt)
            try:
                return await run_import(
                    services,
                    principal,
                    kind,
                    open_rows,
                    source=file.name,
                    dry_run=dry_run,
                    progress=bar,
                    stop=lambda: bool(stopping),
                )
            except ImportStopped as stopped:
                bar.stop()
                done = stopped.summary
                typer.echo(
                    f"stopped: {done.imported + done.skipped} of {done.rows} row(s) done "
                    f"({done.imported} imported now); run the same command again to import the rest",
                    err=True,
                )
                raise typer.Exit(130) from None
            except ImportInvalid as invalid:
                typer.echo(f"error: {invalid.total} bad row(s) in {file}; nothing was imported", err=True)
                for error in invalid.errors:
                    typer.echo(f"  {error.text()}", err=True)
                if invalid.total > len(invalid.errors):
                    typer.echo(f"  … and {invalid.total - len(invalid.errors)} more", err=True)
                raise typer.Exit(1) from None
            finally:
                signal.signal(signal.SIGINT, previous)
                bar.stop()

        try:
            summary = run(with_tenant_admin(database_url, tenant, action))
        except KeyboardInterrupt:
            typer.echo("stopped at once: run the same command again to import the rest", err=True)
            raise typer.Exit(130) from None
        verb = "would import" if dry_run else "imported"
        typer.echo(
            f"{summary.rows} row(s): {verb} {summary.imported}, "
            f"skipped {summary.skipped} already imported" + (" (dry run, nothing written)" if dry_run else "")
        )

    command.__doc__ = SUMMARIES.get(kind.name, f"Import {kind.name}.")
    return command


for _kind in IMPORT_KINDS.values():
    import_app.command(_kind.name)(_command(_kind))
