"""Fakes of the promotions feature's ports (:mod:`loyalty.app.promotions.ports`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from loyalty.app.promotions.ports import CampaignTotals, ReminderLine


class FakeCampaigns:
    def __init__(self) -> None:
        self.daily: dict[tuple[int, str, str], tuple[int, int]] = {}
        """(tenant, campaign, day) -> (events, points)."""

    async def totals_by_campaign(
        self, tenant_id: int, *, start: str | None, end: str
    ) -> list[CampaignTotals]:
        sums: dict[str, tuple[int, int]] = {}
        for (tenant, campaign, day), (events, points) in self.daily.items():
            if tenant == tenant_id and day <= end and (start is None or day >= start):
                before = sums.get(campaign, (0, 0))
                sums[campaign] = (before[0] + events, before[1] + points)
        return [CampaignTotals(campaign_id=c, events=e, points=p) for c, (e, p) in sorted(sums.items())]


@dataclass
class Registration:
    tenant_id: int
    referrer_pk: int
    referral_id: str
    registered_at: int
    rewarded_at: int | None = None
    referrer_rewarded: bool = False


class FakeReferrals:
    """Codes (one per user, unique per tenant) and registrations (one per user); ``gone`` holds
    deleted users, whose codes belong to nobody."""

    def __init__(self) -> None:
        self.codes: dict[int, tuple[int, str]] = {}
        """user_pk -> (tenant, code)."""
        self.paid: dict[int, int] = {}
        """referrer_pk -> paid referrals."""
        self.registrations: dict[int, Registration] = {}
        """referee_pk -> registration."""
        self.gone: set[int] = set()

    async def code_of(self, user_pk: int) -> str | None:
        found = self.codes.get(user_pk)
        return None if found is None else found[1]

    async def insert_code_if_absent(self, *, tenant_id: int, user_pk: int, code: str, now: int) -> None:
        if user_pk not in self.codes and (tenant_id, code) not in self.codes.values():
            self.codes[user_pk] = (tenant_id, code)
            self.paid[user_pk] = 0

    async def owner_of(self, tenant_id: int, code: str) -> int | None:
        return next(
            (pk for pk, held in self.codes.items() if held == (tenant_id, code) and pk not in self.gone), None
        )

    async def referred_count(self, referrer_pk: int) -> int:
        return sum(1 for r in self.registrations.values() if r.referrer_pk == referrer_pk)

    async def referrer_of(self, user_pk: int) -> int | None:
        found = self.registrations.get(user_pk)
        return None if found is None else found.referrer_pk

    async def register(
        self, *, tenant_id: int, user_pk: int, referrer_pk: int, referral_id: str, now: int
    ) -> bool:
        if user_pk in self.registrations:
            return False
        self.registrations[user_pk] = Registration(tenant_id, referrer_pk, referral_id, now)
        return True

    async def claim_reward(self, *, user_pk: int, referral_id: str, now: int) -> bool:
        found = self.registrations.get(user_pk)
        if found is None or found.referral_id != referral_id or found.rewarded_at is not None:
            return False
        found.rewarded_at = now
        return True

    async def count_paid_referral(self, *, referrer_pk: int, referee_pk: int, cap: int | None) -> bool:
        if referrer_pk not in self.codes or referrer_pk in self.gone:
            return False
        if cap is not None and self.paid[referrer_pk] >= cap:
            return False
        self.paid[referrer_pk] += 1
        if referee_pk in self.registrations:
            self.registrations[referee_pk].referrer_rewarded = True
        return True


@dataclass
class Member:
    tenant_id: int
    created_at: int
    birthday: str | None = None


@dataclass
class Credit:
    tenant_id: int
    user_pk: int
    remaining: int
    valid_until: int | None
    metric: str = "points"


class FakeLifecycle:
    """Users and ledger credits as the lifecycle jobs see them, and the once-only claims."""

    def __init__(self) -> None:
        self.users: dict[int, Member] = {}
        self.credits: dict[int, Credit] = {}
        """ledger entry id -> credit."""
        self.rewards: set[tuple[int, str, int]] = set()
        """(user_pk, kind, year) paid."""
        self.reminders: set[int] = set()
        """ledger entry ids announced."""

    async def birthdays(
        self, *, tenant_id: int, days: Sequence[str], year: int, after_pk: int, limit: int
    ) -> list[int]:
        due = [
            pk
            for pk, u in sorted(self.users.items())
            if u.tenant_id == tenant_id
            and u.birthday in days
            and pk > after_pk
            and (pk, "birthday", year) not in self.rewards
        ]
        return due[:limit]

    async def first_join(self, tenant_id: int) -> int | None:
        return min((u.created_at for u in self.users.values() if u.tenant_id == tenant_id), default=None)

    async def joined_in(
        self, *, tenant_id: int, ranges: Sequence[tuple[int, int]], year: int, after_pk: int, limit: int
    ) -> list[tuple[int, int]]:
        due = [
            (pk, u.created_at)
            for pk, u in sorted(self.users.items())
            if u.tenant_id == tenant_id
            and any(start <= u.created_at < end for start, end in ranges)
            and pk > after_pk
            and (pk, "anniversary", year) not in self.rewards
        ]
        return due[:limit]

    async def claim_reward(self, *, tenant_id: int, user_pk: int, kind: str, year: int, now: int) -> bool:
        if (user_pk, kind, year) in self.rewards:
            return False
        self.rewards.add((user_pk, kind, year))
        return True

    async def expiring_credits(
        self, *, tenant_id: int, now: int, until: int, after_id: int, limit: int
    ) -> list[int]:
        due = [
            entry_id
            for entry_id, c in sorted(self.credits.items())
            if c.tenant_id == tenant_id
            and c.valid_until is not None
            and now < c.valid_until <= until
            and c.metric == "points"
            and c.remaining > 0
            and entry_id > after_id
            and entry_id not in self.reminders
        ]
        return due[:limit]

    async def claim_reminder(self, *, tenant_id: int, entry_id: int, now: int) -> ReminderLine | None:
        credit = self.credits.get(entry_id)
        if credit is None or entry_id in self.reminders:
            return None
        self.reminders.add(entry_id)
        if credit.remaining <= 0 or credit.valid_until is None:
            return None
        return ReminderLine(
            user_pk=credit.user_pk, remaining=credit.remaining, valid_until=credit.valid_until
        )
