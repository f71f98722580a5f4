"""Backups of the SQLite store with SQLite's online backup API.

A plain file copy of a database in WAL mode can miss the pages still in the ``-wal`` file or catch
a page half-written; the backup API copies a consistent snapshot (one read transaction) while
writers carry on. The copy is then switched out of WAL mode, so a backup is one self-contained
file, checked (``quick_check``) before it is moved into place under its final name.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

BUSY_TIMEOUT_MS = 30_000


class BackupError(Exception):
    pass


@dataclass(frozen=True)
class BackupInfo:
    pages: int
    page_size: int
    revision: str | None

    @property
    def size_bytes(self) -> int:
        return self.pages * self.page_size


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return conn


def inspect(conn: sqlite3.Connection) -> BackupInfo:
    """Check the database and say what it holds; raises ``BackupError`` when it is not a sound
    Loyalty store."""
    try:
        status = conn.execute("PRAGMA quick_check").fetchone()[0]
        if status != "ok":
            raise BackupError(f"the database fails SQLite's quick_check: {status}")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = None if row is None else str(row[0])
        if revision is None:
            raise BackupError("it is not a Loyalty database (no migration revision)")
        pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"not a readable SQLite database: {exc}") from None
    return BackupInfo(pages=pages, page_size=page_size, revision=revision)


def backup(source: Path, target: Path) -> BackupInfo:
    """Copy the live store ``source`` to ``target`` (one file, not in WAL mode). Safe while the
    server writes: the copy is the snapshot of one read transaction."""
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    src = _connect(source)
    try:
        dst = _connect(partial)
        try:
            # pages=-1: the whole database in one step, so in one read snapshot. Copying in slices
            # would restart the copy each time a writer changed the source between slices.
            src.backup(dst, pages=-1)
            dst.execute("PRAGMA journal_mode=DELETE")
            info = inspect(dst)
        finally:
            dst.close()
    finally:
        src.close()
    os.replace(partial, target)
    return info


def restore(backup_file: Path, target: Path) -> BackupInfo:
    """Put the backup in place of the store ``target`` (created if absent), through the backup API
    so that an existing store's WAL is replaced with it, not left beside it."""
    src = _connect(backup_file)
    try:
        info = inspect(src)
        dst = _connect(target)
        try:
            src.backup(dst, pages=-1)
            dst.execute("PRAGMA journal_mode=WAL")  # as the server opens its store
            with contextlib.suppress(sqlite3.OperationalError):
                dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            dst.close()
    finally:
        src.close()
    return info
