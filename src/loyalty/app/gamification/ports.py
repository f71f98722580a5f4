"""What the gamification features read and write, as ``storage`` must provide it.

The event path writes challenge progress, streak progress and leaderboard scores itself, in its
one guarded write (``storage.events``); the ports here are what the use cases around it call.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypedDict

# --- challenges --------------------------------------------------------------------------------


class ChallengeStateRow(TypedDict):
    """A user's stored progress on one challenge."""

    user_pk: int
    challenge_id: str
    tenant_id: int
    progress: int
    missions: dict[str, int]
    """Progress by mission id."""
    round_done: bool
    completions: int
    period_key: str
    period_completions: int
    completed_at: int | None
    updated_at: int


class ChallengeProgress(Protocol):
    """Challenge progress rows, and once-only completion rows."""

    async def states_of_user(self, user_pk: int) -> dict[str, ChallengeStateRow]:
        """The user's progress rows by challenge id (challenges never touched are absent)."""
        ...

    async def claim_completion(
        self,
        *,
        tenant_id: int,
        user_pk: int,
        challenge_id: str,
        round_no: int,
        period_key: str,
        now: int,
    ) -> bool:
        """Record the completed round; False when it was already recorded, by this or a
        concurrent transaction (then nothing is paid): a round is claimed exactly once."""
        ...


# --- inventory ---------------------------------------------------------------------------------


class InventoryHoldings(Protocol):
    """Which inventory items each user holds: each item at most once."""

    async def add(self, *, tenant_id: int, user_pk: int, set_id: str, item_id: str, now: int) -> bool:
        """Give the item; True when the user did not hold it before (of concurrent adds, one)."""
        ...

    async def remove(self, *, user_pk: int, set_id: str, item_id: str) -> bool:
        """Take the item; True when the user held it (and now does not; of concurrent removes, one)."""
        ...

    async def holdings(self, user_pk: int) -> list[tuple[str, str]]:
        """(set id, item id) of everything the user holds, in the order acquired."""
        ...


# --- leaderboards ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Board:
    """One leaderboard over one period: the buckets whose scores are summed."""

    tenant_id: int
    leaderboard_id: str
    buckets: tuple[str, ...]


class ScoreRow(TypedDict):
    """A user's score on one board."""

    user_pk: int
    user_id: str
    score: int
    reached_at: int
    """When the score last changed: among equal scores, who got there first ranks first."""


class LeaderboardScores(Protocol):
    """Leaderboard reads. Order: score descending, then ``reached_at``, then the user key."""

    async def top(self, board: Board, *, limit: int) -> list[ScoreRow]:
        """The first ``limit`` positive scores, in leaderboard order."""
        ...

    async def score_of(self, board: Board, *, user_pk: int) -> ScoreRow | None:
        """The user's score (None when they have no row on the board's buckets)."""
        ...

    async def count_above(self, board: Board, *, score: int) -> int:
        """How many users score more than ``score``."""
        ...

    async def neighbours(
        self, board: Board, *, me: ScoreRow, count: int
    ) -> tuple[list[ScoreRow], list[ScoreRow]]:
        """Up to ``count`` entries just before and just after ``me`` (positive scores after),
        both in leaderboard order."""
        ...


# --- milestones --------------------------------------------------------------------------------


class MilestoneTiers(Protocol):
    """Users' current tier per milestone set, and the balances tiers are measured on."""

    async def balances_of(self, user_pk: int, metrics: Sequence[str]) -> dict[str, tuple[int, int]]:
        """metric -> (balance, lifetime earned) for the given metrics (absent metrics left out)."""
        ...

    async def tiers_of(self, user_pk: int) -> dict[str, str | None]:
        """set id -> the user's stored tier (None: below the first), for every set with a row."""
        ...

    async def claim_first_tier(
        self, *, tenant_id: int, user_pk: int, set_id: str, tier_id: str | None, now: int
    ) -> bool:
        """Record the user's first tier of a set; False when a row already exists (one winner)."""
        ...

    async def move_tier(
        self, *, user_pk: int, set_id: str, old: str | None, new: str | None, now: int
    ) -> bool:
        """Move from ``old`` to ``new`` only if the stored tier is still ``old`` (one winner)."""
        ...


# --- streaks -----------------------------------------------------------------------------------


class StreakRow(TypedDict):
    """A user's stored progress on one streak."""

    user_pk: int
    streak_id: str
    tenant_id: int
    time_frame: str
    current_count: int
    longest: int
    current_start: int | None
    last_period: int | None
    last_completed_at: int | None
    missed_count: int
    freezes_used: int
    completed_dates: list[str]
    milestones_claimed: list[int]
    version: int
    """Every write is conditional on the version read (the event path's)."""
    updated_at: int


class StreakAggregate(TypedDict):
    total: int
    """Users with a row."""
    active: int
    """Runs still alive."""
    active_length: int
    """The sum of the live runs' lengths."""
    longest: int
    """The longest run anyone had."""


class StreakProgress(Protocol):
    """Streak progress reads (the event path writes, conditional on the version it read)."""

    async def load(self, user_pk: int, streak_id: str) -> tuple[str | None, StreakRow | None]:
        """The user's own time zone and their progress row (None when not started), one read."""
        ...

    async def list_for_user(self, user_pk: int) -> list[StreakRow]:
        """Every progress row of the user, by streak id."""
        ...

    async def aggregate(
        self, *, tenant_id: int, streak_id: str, time_frame: str, alive_from: int, freezes: int
    ) -> StreakAggregate:
        """Participants, live runs and the longest run of one streak. A run is alive when its
        last counted period is recent enough for the remaining freezes to bridge the gap up to
        now: ``last_period + 1 + freezes - freezes_used >= alive_from``."""
        ...


# --- transactions ------------------------------------------------------------------------------


class TransactionRow(TypedDict):
    """One recorded achievement in the Audience transaction history."""

    id: int
    tenant_id: int
    user_pk: int
    type: str
    payload: dict[str, Any]
    """The stored document, in seed 001's payload shape (as notified)."""
    ts: int


class TransactionHistory(Protocol):
    """The recorded achievements of the Audience transaction history."""

    async def insert(
        self, *, tenant_id: int, user_pk: int, type: str, payload: dict[str, Any], ts: int
    ) -> int:
        """The new row's id."""
        ...

    async def list_for_user(
        self, user_pk: int, *, from_ts: int | None, to_ts: int | None, limit: int
    ) -> list[TransactionRow]:
        """The user's rows with ``from_ts <= ts <= to_ts`` (either bound optional), oldest first
        (by ts, then id), at most ``limit``."""
        ...
