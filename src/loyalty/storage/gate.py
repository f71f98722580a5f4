"""A first-come, first-served gate in front of the connection pool.

SQLAlchemy's async pool hands a returned connection to whichever task asks next: a request that
has only just arrived takes it with ``get_nowait`` while the waiter that was woken for it finds the
queue empty again and goes back to the *end* of the line. Under load that barging turned a 25 ms
median into a 200–700 ms p99 (bench/RESULTS.md). The gate admits at most as many holders as the
pool has connections and hands a released place straight to the longest waiter, so the pool itself
never has anyone waiting and requests are served in the order they came.
"""

from __future__ import annotations

import asyncio
from collections import deque


class FairGate:
    """At most ``size`` holders at once; waiters are admitted strictly in arrival order."""

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError("a gate needs at least one place")
        self._free = size
        self._waiters: deque[asyncio.Future[None]] = deque()

    @property
    def waiting(self) -> int:
        return sum(1 for waiter in self._waiters if not waiter.done())

    async def acquire(self, timeout_s: float | None = None) -> None:
        """Wait for a place; ``TimeoutError`` past ``timeout_s`` (the request is then a 503)."""
        if self._free > 0:  # free places and waiters never coexist: release() serves waiters first
            self._free -= 1
            return
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            async with asyncio.timeout(timeout_s):
                await waiter
        except BaseException:
            if waiter.done() and not waiter.cancelled():
                self.release()  # the place was handed over as we gave up: pass it on
            raise

    def release(self) -> None:
        """Give the place to the longest waiter still waiting, or free it."""
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return
        self._free += 1
