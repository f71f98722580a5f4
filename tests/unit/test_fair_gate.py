"""The gate in front of the connection pool is ``asyncio.Semaphore``: these pin the behaviour of
it the database relies on (``Database._connect``) — waiters are admitted in the order they came,
a newcomer never passes a waiter, and a timed-out or cancelled waiter loses no place."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

import pytest


def taker(
    gate: asyncio.Semaphore, admitted: list[str], *, then_release: bool
) -> Callable[[str], Coroutine[Any, Any, None]]:
    """A task body that records when it got in (and gives the place back after one switch)."""

    async def take(name: str) -> None:
        await gate.acquire()
        admitted.append(name)
        if then_release:
            await asyncio.sleep(0)
            gate.release()

    return take


async def two_waiting(
    first: str, second: str, *, then_release: bool
) -> tuple[asyncio.Semaphore, list[str], asyncio.Task[None], asyncio.Task[None]]:
    """A one-place gate that is held, with two tasks waiting for it in this order."""
    gate = asyncio.Semaphore(1)
    await gate.acquire()
    admitted: list[str] = []
    take = taker(gate, admitted, then_release=then_release)
    tasks = asyncio.create_task(take(first)), asyncio.create_task(take(second))
    await asyncio.sleep(0)  # both are waiting now
    assert admitted == []
    return gate, admitted, *tasks


async def test_a_released_place_goes_to_the_longest_waiter_not_to_a_newcomer() -> None:
    gate, admitted, first, second = await two_waiting("first", "second", then_release=True)
    take = taker(gate, admitted, then_release=True)
    gate.release()
    # A request arriving right after the release, before the woken waiter has run, must queue.
    newcomer = asyncio.create_task(take("newcomer"))
    await asyncio.gather(first, second, newcomer)
    assert admitted == ["first", "second", "newcomer"]
    assert not gate.locked()


async def test_no_more_holders_than_places() -> None:
    gate = asyncio.Semaphore(3)
    holding = 0
    most = 0

    async def hold() -> None:
        nonlocal holding, most
        await gate.acquire()
        holding += 1
        most = max(most, holding)
        for _ in range(3):
            await asyncio.sleep(0)
        holding -= 1
        gate.release()

    await asyncio.gather(*(hold() for _ in range(40)))
    assert most == 3
    assert holding == 0


async def test_a_waiter_that_times_out_leaves_the_gate_usable() -> None:
    gate = asyncio.Semaphore(1)
    await gate.acquire()
    with pytest.raises(TimeoutError):
        async with asyncio.timeout(0.01):
            await gate.acquire()
    gate.release()
    await asyncio.wait_for(gate.acquire(), timeout=1)  # the place is free again, not lost


async def test_a_place_handed_to_a_cancelled_waiter_passes_to_the_next() -> None:
    gate, admitted, leaving, staying = await two_waiting("leaving", "staying", then_release=False)
    gate.release()  # handed to "leaving" …
    leaving.cancel()  # … which is cancelled before it runs
    await asyncio.gather(leaving, return_exceptions=True)
    await asyncio.wait_for(staying, timeout=1)
    assert admitted == ["staying"]
    gate.release()
    await asyncio.wait_for(gate.acquire(), timeout=1)  # and after "staying" the place is free
