"""SQLite's WAL checkpoints, run off the event loop's thread instead of inside a request's commit.

In WAL mode a commit appends the changed pages to the ``-wal`` file; a *checkpoint* copies them back
into the database file and syncs it. By default SQLite runs one inside whichever commit takes the
WAL past 1,000 pages, so with the connections on the event loop's thread (see
:mod:`loyalty.storage.sqlite_inline`) every few dozen events one of them stalled the whole process
for the copy and two fsyncs: about a quarter of an event's wall time on average
(docs/performance.md). The server's connections therefore run with ``wal_autocheckpoint=0``, and
after every :data:`COMMITS_PER_CHECKPOINT` commits :class:`loyalty.storage.database.Database`
runs :meth:`Checkpointer.run` as a task:

1. a PASSIVE checkpoint on a thread (``sqlite3`` releases the GIL while SQLite works), beside the
   requests and the writers: it copies what the WAL holds;
2. once the WAL holds :data:`RESTART_WAL_FRAMES` frames, another one with the process's writers
   held back and their open group committed
   (:meth:`loyalty.storage.sqlite_writer.SqliteWriter.idle`): it copies what was appended
   meanwhile, so the whole WAL has been copied and the next writer starts it over from the
   beginning. Without this step a busy writer keeps appending while a checkpoint copies, the WAL
   never starts over, and the file grows without bound.

Readers are never held back, and durability is the same (``synchronous=NORMAL`` either way).
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

log = logging.getLogger("loyalty")

COMMITS_PER_CHECKPOINT = 100
"""About 2,500 pages of WAL with the benchmark's events: the copy is shared by more commits, and
pages written by several of them are copied once."""


RESTART_WAL_FRAMES = 16_384
"""The WAL is started over once a checkpoint finds it this long: 64 MiB of 4 KiB pages, the
``journal_size_limit``. Starting it over holds every writer back for ~17 ms (the copy of what was
appended while the checkpoint waited its turn, and two syncs). Done after every checkpoint, that was
~12 % of the time under ``bench/run sqlite``; at this length it is every ~10th, and the benchmark
went from ~770 to 835–863 events/s (bench/RESULTS.md)."""


class Checkpointer:
    """The checkpoints of one database file in one process."""

    def __init__(self, path: str, *, restart_frames: int = RESTART_WAL_FRAMES) -> None:
        self.path = path
        self.restart_frames = restart_frames
        self._commits = 0
        self._conn: sqlite3.Connection | None = None

    def committed(self) -> bool:
        """Count a write transaction; True when it is time for :meth:`run`."""
        self._commits += 1
        if self._commits < COMMITS_PER_CHECKPOINT:
            return False
        self._commits = 0
        return True

    async def run(self, writers_idle: Callable[[], AbstractAsyncContextManager[None]]) -> None:
        try:
            _, frames, _ = await asyncio.to_thread(self._checkpoint)  # beside the writers
            if frames < self.restart_frames:
                return  # copied what it could; the writers go on appending after it
            async with writers_idle():  # the rest, with the writers held back: the WAL starts over
                await asyncio.to_thread(self._checkpoint)
        except sqlite3.Error:  # another process checkpointing, a file going away: next time
            log.warning("SQLite checkpoint failed; retrying after the next commits", exc_info=True)

    def _checkpoint(self) -> tuple[int, int, int]:
        """``(busy, frames in the WAL, frames copied)`` of a PASSIVE checkpoint."""
        if self._conn is None:
            self._conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        busy, frames, copied = self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        return int(busy), int(frames), int(copied)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
