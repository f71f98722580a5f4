"""``loyalty backup FILE`` and ``loyalty restore FILE``: the SQLite store, copied consistently.

PostgreSQL has its own tools (pg_dump / pg_restore, base backups with WAL archiving); the runbook in
docs/operations.md shows both.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from loyalty.cli.context import DatabaseUrlOption, fail, settings_for, shown

RUNBOOK = "docs/operations.md#backup-and-restore"


def _sqlite_path(database_url: str | None, *, creates: bool) -> Path:
    settings = settings_for(database_url, creates=creates)
    path = settings.sqlite_path()
    if path is None:
        fail(
            f"{shown(settings.database_url)} is PostgreSQL: back it up with pg_dump "
            f"(or base backups and WAL archiving), see {RUNBOOK}"
        )
    return path


def backup(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="Where to write the backup (one file).")],
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
    database_url: DatabaseUrlOption = None,
) -> None:
    """Copy the SQLite store to FILE, safely while the server runs and writes.

    SQLite's online backup API takes one consistent snapshot; never copy the file itself.
    """
    from loyalty.wiring import BackupError
    from loyalty.wiring import backup_sqlite as copy

    source = _sqlite_path(database_url, creates=False)
    if file.exists() and not force:
        fail(f"{file} exists: choose another name, or pass --force to replace it")
    if file.resolve() == source.resolve():
        fail("the backup cannot be the store itself")
    try:
        info = copy(source, file)
    except BackupError as exc:
        fail(f"{source}: {exc}")
    typer.echo(f"backed up {source} to {file}: {info.size_bytes:,} bytes, at revision {info.revision}")


def restore(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="A backup written by 'loyalty backup'.")],
    force: Annotated[
        bool, typer.Option("--force", help="Replace the store if it exists (stop the server first).")
    ] = False,
    database_url: DatabaseUrlOption = None,
) -> None:
    """Put a backup in place of the SQLite store (created if it does not exist).

    Stop the server first: it would go on with what it had cached.
    """
    from loyalty.wiring import BackupError
    from loyalty.wiring import restore_sqlite as put_back

    target = _sqlite_path(database_url, creates=True)
    if not file.is_file():
        fail(f"{file}: no such file")
    if target.exists() and target.stat().st_size > 0 and not force:
        fail(f"the store {target} exists: stop the server, then pass --force to replace it")
    try:
        info = put_back(file, target)
    except BackupError as exc:
        fail(f"{file}: {exc}")
    typer.echo(f"restored {file} into {target}, at revision {info.revision}")
    typer.echo("run 'loyalty migrate' before starting the server if this version is newer")
