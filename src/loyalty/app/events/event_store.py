"""The event path's port: what it reads of a user before deciding, and what it writes after.

``app`` owns this interface and ``storage`` implements it once per engine
(:mod:`loyalty.storage.events.event_store`): one read of everything the event's rules and reactions need,
and one write of the decided outcome, conditional on the user's ``version`` read — when another
event of the same user committed in between, nothing is written and the event is decided again.
The event path never asks which engine it runs on. A store is bound to the command's transaction
(``tx.store.event_store``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from loyalty.core.events import LoggedEvent


@dataclass(frozen=True)
class SnapshotQuery:
    tenant_id: int
    user_id: str
    event_id: str
    limit_period_key: str | None
    """Read the limit counter of this period (None: the event has no limit)."""
    challenges: bool
    """Read every challenge progress row of the user."""
    streak_ids: tuple[str, ...]
    """Read these streaks' progress rows."""
    points_account: bool
    """Read the points account's state (an event that may credit points)."""
    allocate_id: bool
    """Take the id the logged event will have (not for a dry run)."""
    referral: bool = False
    """Read the user's unpaid referral registration (the event qualifies for a referral)."""
    campaign_ids: tuple[str, ...] = ()
    """Read what these (capped) campaigns have given the user."""
    tiers: bool = False
    """Read the user's tiers (tier multipliers or campaigns for tiers apply to the event)."""


@dataclass(frozen=True)
class UserSnapshotRows:
    user_pk: int
    usergroup: str | None
    time_zone: str | None
    version: int
    limit_used: int
    challenges: dict[str, dict[str, Any]]
    streaks: dict[str, dict[str, Any]]
    """Progress rows that exist, by streak id."""
    points_balance: int | None
    points_next_expiry: int | None
    logged_id: int | None
    """The logged event's id when taken by the read (else the write assigns it)."""
    referral: tuple[str, int] | None = None
    """(referral id, referrer's key) of the user's unpaid registration, when asked for."""
    campaign_totals: dict[str, int] = field(default_factory=dict)
    """Campaign id -> what it has given the user (campaigns read that have given something)."""
    tiers: dict[str, str] = field(default_factory=dict)
    """Milestone set -> the user's tier in it (when read)."""

    def points_need_ledger(self, now: int) -> bool:
        """True when crediting points needs the ledger's full credit (older credits are due to
        expire, or the account owes points): the event's one write cannot do that."""
        if self.points_balance is None:
            return False
        due = self.points_next_expiry is not None and self.points_next_expiry <= now
        return due or self.points_balance < 0


def credit_entry_key(logged_id: int) -> str:
    """The entry key of an event's credit line (its reference is the logged event's id): how a
    reversal finds the credit again."""
    return f"event:{logged_id}"


@dataclass(frozen=True)
class CreditWrite:
    amount: int
    valid_until: int | None
    description: str
    """The ledger line's reference is the logged event's id and its key ``credit_entry_key``."""


@dataclass(frozen=True)
class CampaignWrite:
    """What one campaign adds: its per-user total moves on only while it stays within ``cap``."""

    campaign_id: str
    points: int
    cap: int | None


@dataclass(frozen=True)
class PendingWrite:
    """The event's points are held as a pending credit until ``matures_at`` (no credit now)."""

    matures_at: int
    description: str


@dataclass(frozen=True)
class ProgressWrite:
    key: str
    """Challenge or streak id."""
    values: dict[str, Any]
    """The row's columns besides the user, tenant and key (JSON columns as Python values)."""
    created: bool = False
    """No row existed when the snapshot was read."""


@dataclass(frozen=True)
class EventWrites:
    """The decided outcome of one event, as rows."""

    tenant_id: int
    user_pk: int
    user_id: str
    version: int
    """The user's version read: the write happens only if it is still the current one."""
    now: int
    logged_id: int | None
    event_id: str
    points: int
    usergroup: str
    condition_reached: bool
    limit_reached: bool
    counted_in: str | None
    """The limit period to count this occurrence in (None: not counted)."""
    metadata: dict[str, Any]
    history: dict[str, Any]
    """``entry_id``, ``date_key``, ``title``, ``description``, ``image`` of the ``EVENT`` entry."""
    day_key: str
    hour: int
    credit: CreditWrite | None = None
    challenges: tuple[ProgressWrite, ...] = ()
    streaks: tuple[ProgressWrite, ...] = ()
    scores: tuple[tuple[str, str, int], ...] = ()
    campaigns: tuple[CampaignWrite, ...] = ()
    pending: PendingWrite | None = None
    details: dict[str, Any] = field(default_factory=dict)
    """What the history entry's details add (the campaigns that applied, when points mature)."""


@dataclass(frozen=True)
class Applied:
    logged_id: int
    balance_after: int | None
    """The points balance after the credit (None without one)."""
    credit_entry_id: int | None


@dataclass(frozen=True)
class LoggedEventRead:
    """A logged event as its reversal reads it, with whose it is."""

    user_pk: int
    user_id: str
    event: LoggedEvent


@dataclass(frozen=True)
class ReversalWrites:
    """The decided reversal of one logged event, as rows (after the ledger took its points back)."""

    tenant_id: int
    logged_id: int
    user_pk: int
    event_id: str
    now: int
    taken: int
    """Points the ledger took back."""
    uncount_period: str | None
    history: dict[str, Any] | None
    """The ``EVENT_REVERSAL`` history entry's columns (None: nothing was taken, no entry)."""


class EventStore(Protocol):
    async def read(self, query: SnapshotQuery, *, lock: bool = False) -> UserSnapshotRows | None:
        """The user's snapshot, in one statement; None when the user does not exist. ``lock``
        first locks the user (in a transaction that lasts until the command commits), so that
        the write that follows cannot be overtaken."""
        ...

    async def apply(self, writes: EventWrites, *, transaction: bool) -> Applied | None:
        """Write the outcome in one statement; None (nothing written) when the user's version is no
        longer the one read. ``transaction``: the command goes on writing after this (its effects
        must commit together), else the write may commit on its own."""
        ...

    async def read_logged(self, tenant_id: int, logged_id: int) -> LoggedEventRead | None:
        """The logged event and the credit it made, locked until the command commits (a second
        reversal waits, then finds it reversed); None when the tenant has no such event."""
        ...

    async def apply_reversal(self, writes: ReversalWrites) -> None:
        """Flag the event reversed with the points taken, give its limit occurrence back, move the
        user's version on (an event being decided for the user reads again) and write the history
        entry."""
        ...
