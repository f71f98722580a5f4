"""The one internal path every logged event/action takes after the rules engine has decided.

The event handler builds an ``Activity`` and calls ``dispatch``; features that react to activity
(challenges, streaks, leaderboards, statistics, webhooks) register a reactor here and are called in
the same transaction, so they never need to touch the event handler.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from loyalty.app.tenants import TenantConfig
from loyalty.app.uow import Tx
from loyalty.storage.driver import discard_writes, flush_writes


@dataclass(frozen=True)
class Activity:
    user_pk: int
    user_id: str
    event_id: str
    """The event id (Lynes) or action name (Audience): one namespace."""
    metadata: dict[str, Any]
    ts: int
    points: int
    """Points the event itself awarded (0 when the condition failed or the limit was reached)."""
    condition_reached: bool
    limit_reached: bool
    usergroup: str
    history_entry_id: str | None = None
    extras: dict[str, Any] = field(default_factory=dict)


@dataclass
class Outcome:
    """What reactors add to the response of the event (challenge progress, streak, …)."""

    data: dict[str, Any] = field(default_factory=dict)


Reactor = Callable[[Tx, Activity, Outcome], Awaitable[None]]
REACTORS: list[tuple[int, str, Reactor]] = []


@dataclass(frozen=True)
class Reads:
    """What reactors read first for an event id: all the user's challenge progress, the progress
    of these streaks (and the user's time zone). Read with the user lookup on PostgreSQL."""

    challenges: bool = False
    streak_ids: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return self.challenges or bool(self.streak_ids)


ReadsOf = Callable[[TenantConfig, str], Reads]
READS: dict[str, ReadsOf] = {}


def register_reads(name: str, reads_of: ReadsOf) -> None:
    READS[name] = reads_of


def reads_for(tenant: TenantConfig, event_id: str) -> Reads:
    challenges = False
    streak_ids: list[str] = []
    for reads_of in READS.values():
        reads = reads_of(tenant, event_id)
        challenges = challenges or reads.challenges
        streak_ids.extend(reads.streak_ids)
    return Reads(challenges, tuple(streak_ids))


def register_reactor(name: str, reactor: Reactor, *, order: int = 100) -> None:
    """Register once at import; lower ``order`` runs first. Re-registering a name replaces it."""
    REACTORS[:] = [r for r in REACTORS if r[1] != name]
    REACTORS.append((order, name, reactor))
    REACTORS.sort(key=lambda r: (r[0], r[1]))


async def dispatch(tx: Tx, activity: Activity) -> Outcome:
    """Run every reactor, then send the writes they handed to ``Driver.write_later``: the next
    activity of the transaction (a batch) reads what they wrote, and an activity that fails
    (a refused batch item, rolled back to its savepoint) leaves none of them behind."""
    outcome = Outcome()
    try:
        for _, _, reactor in REACTORS:
            await reactor(tx, activity, outcome)
        await flush_writes(tx.conn)
    except BaseException:
        discard_writes(tx.conn)
        raise
    return outcome
