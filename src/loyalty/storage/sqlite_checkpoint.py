"""SQLite's WAL checkpoints, run on a thread of their own instead of inside a request's commit.

In WAL mode a commit appends the changed pages to the ``-wal`` file; a *checkpoint* copies them back
into the database file and syncs it. By default SQLite runs one inside whichever commit takes the
WAL past 1,000 pages, so with the connections on the event loop's thread (see
:mod:`loyalty.storage.sqlite_inline`) every few dozen events one of them stalled the whole process
for the copy and two fsyncs: about a quarter of an event's wall time on average
(docs/performance.md). The server's connections therefore run with ``wal_autocheckpoint=0``, and
this checkpointer runs ``PRAGMA wal_checkpoint(PASSIVE)`` on its own connection and thread after
every :data:`COMMITS_PER_CHECKPOINT` commits and after a quiet second. ``sqlite3`` releases the GIL
while SQLite works, so the copy and the syncs overlap the requests. A PASSIVE checkpoint never
waits for readers or writers: it copies what no reader still needs, and the writer starts the WAL
over once it has all been copied. Durability is unchanged (``synchronous=NORMAL`` either way).
"""

from __future__ import annotations

import logging
import sqlite3
import threading

log = logging.getLogger("loyalty")

COMMITS_PER_CHECKPOINT = 100
"""About 2,500 pages of WAL with the benchmark's events: the copy is shared by more commits, and
pages written by several of them are copied once."""
QUIET_CHECKPOINT_S = 1.0


class Checkpointer:
    """One per database file and process: started on the first write, stopped by ``stop()``."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.checkpoints = 0
        self.checkpointed = threading.Event()
        """Set after each checkpoint that ran."""
        self._commits = 0
        self._dirty = False
        self._wake = threading.Event()
        self._stopping = False
        self._thread: threading.Thread | None = None

    def committed(self) -> None:
        """Called after each write transaction; cheap (runs on the event loop's thread)."""
        self._commits += 1
        self._dirty = True
        if self._thread is None:
            self._start()
        if self._commits >= COMMITS_PER_CHECKPOINT:
            self._commits = 0
            self._wake.set()

    def _start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="sqlite-checkpoint", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        try:
            while not self._stopping:
                woken = self._wake.wait(QUIET_CHECKPOINT_S)
                self._wake.clear()
                if woken or self._dirty:
                    self._checkpoint(conn)
        finally:
            conn.close()

    def _checkpoint(self, conn: sqlite3.Connection) -> None:
        self._dirty = False
        try:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            self.checkpoints += 1
            self.checkpointed.set()
        except sqlite3.Error:  # another process checkpointing, a file going away: try again later
            log.warning("SQLite checkpoint failed; retrying later", exc_info=True)

    def stop(self) -> None:
        """Run a last checkpoint and end the thread (the engine's last close removes the WAL)."""
        thread = self._thread
        if thread is None:
            return
        self._stopping = True
        self._wake.set()
        thread.join()
        self._thread = None
        self._stopping = False
