"""What the promotions feature (campaigns, referrals, lifecycle jobs) reads and writes, as
``storage`` must provide it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypedDict


class CampaignTotals(TypedDict):
    """One campaign's bonus events and points over a range of days."""

    campaign_id: str
    events: int
    points: int


class Campaigns(Protocol):
    """Campaign statistics (the event path writes them; see ``storage.events``)."""

    async def totals_by_campaign(
        self, tenant_id: int, *, start: str | None, end: str
    ) -> list[CampaignTotals]:
        """Per campaign (by id), its events and points over local days ``start`` (None: from the
        first) … ``end``."""
        ...


class Referrals(Protocol):
    """Referral codes and registrations; every once-only rule is one conditional statement."""

    async def code_of(self, user_pk: int) -> str | None:
        """The user's referral code, if they have one."""
        ...

    async def insert_code_if_absent(self, *, tenant_id: int, user_pk: int, code: str, now: int) -> None:
        """Give the user ``code`` unless they already have one or the code is taken in the tenant
        (either way nothing happens: read back with :meth:`code_of`, and draw again on None)."""
        ...

    async def owner_of(self, tenant_id: int, code: str) -> int | None:
        """The user whose code it is (a deleted user's code belongs to nobody)."""
        ...

    async def referred_count(self, referrer_pk: int) -> int:
        """How many users registered with the referrer's code."""
        ...

    async def referrer_of(self, user_pk: int) -> int | None:
        """Who referred the user, if anyone."""
        ...

    async def register(
        self, *, tenant_id: int, user_pk: int, referrer_pk: int, referral_id: str, now: int
    ) -> bool:
        """Record who referred the user; False when the user was registered before (once per
        user, whichever of two concurrent registrations commits first)."""
        ...

    async def claim_reward(self, *, user_pk: int, referral_id: str, now: int) -> bool:
        """Mark the user's registration in ``referral_id`` paid; True only for the one caller that
        got there first (False when unregistered or already paid)."""
        ...

    async def count_paid_referral(self, *, referrer_pk: int, referee_pk: int, cap: int | None) -> bool:
        """Count one more paid referral of the referrer while it stays within ``cap`` (None: no
        cap) and the referrer still exists, and mark the referee's registration as having paid the
        referrer; True when counted. Concurrent referees of one referrer are counted one at a time."""
        ...


class ReminderLine(TypedDict):
    """The credit an expiry reminder announces."""

    user_pk: int
    remaining: int
    valid_until: int


class Lifecycle(Protocol):
    """Who is due a birthday or anniversary reward or an expiry reminder, and the once-only claims
    (one keyed row each) that make every reward and reminder happen once."""

    async def birthdays(
        self, *, tenant_id: int, days: Sequence[str], year: int, after_pk: int, limit: int
    ) -> list[int]:
        """Users (keys, ascending, after ``after_pk``, at most ``limit``) whose birthday (MM-DD)
        is one of ``days`` and who have not had this ``year``'s birthday reward."""
        ...

    async def first_join(self, tenant_id: int) -> int | None:
        """When the tenant's first user joined (None: no users)."""
        ...

    async def joined_in(
        self, *, tenant_id: int, ranges: Sequence[tuple[int, int]], year: int, after_pk: int, limit: int
    ) -> list[tuple[int, int]]:
        """(key, createdAt) of users, ascending after ``after_pk``, who joined in one of ``ranges``
        ([start, end) epoch ms) and have not had this ``year``'s anniversary reward."""
        ...

    async def claim_reward(self, *, tenant_id: int, user_pk: int, kind: str, year: int, now: int) -> bool:
        """True for the one transaction that records the user's ``kind`` reward of ``year``."""
        ...

    async def expiring_credits(
        self, *, tenant_id: int, now: int, until: int, after_id: int, limit: int
    ) -> list[int]:
        """Ledger ids (ascending after ``after_id``) of points credits with points left that
        expire in (now, until] and whose reminder was not yet recorded."""
        ...

    async def claim_reminder(self, *, tenant_id: int, entry_id: int, now: int) -> ReminderLine | None:
        """Record the credit's reminder; the credit for the one transaction that recorded it
        (None for any other, for an unknown credit, or when it has no points left by now)."""
        ...
