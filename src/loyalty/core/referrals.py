"""Referrals: whether a logged event pays a referral, and the birthday/anniversary calendar.

Pure: the event path hands in the programme's referral rules for the event id and the user's
unpaid registration from its snapshot; nothing here does I/O or reads a clock.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from loyalty.core import rules


@dataclass(frozen=True)
class ReferralRule:
    """An active ``referrals`` programme whose qualifying event is the event being logged."""

    referral_id: str
    condition: rules.Condition | None
    referrer_points: int
    referee_points: int
    max_per_referrer: int | None
    """Paid referrals per referrer (None: no cap)."""


@dataclass(frozen=True)
class PendingReferral:
    """The user's registration that has not been paid yet (from the event's snapshot)."""

    referral_id: str
    referrer_pk: int


@dataclass(frozen=True)
class ReferralAward:
    """The event qualifies: pay the referral (once, in the follow-up's conditional writes)."""

    rule: ReferralRule
    referrer_pk: int


def award(
    referrals: Sequence[ReferralRule], pending: PendingReferral | None, metadata: Mapping[str, Any]
) -> ReferralAward | None:
    """The award a logged event earns: the user was referred under one of ``referrals``, has not
    been paid yet, and the event's metadata meets that programme's own condition. The event's own
    condition and limit do not matter: they decide the event's points, not whether the referred
    user did what the referral asks."""
    if pending is None:
        return None
    for rule in referrals:
        if rule.referral_id == pending.referral_id and rules.evaluate(rule.condition, metadata) is None:
            return ReferralAward(rule, pending.referrer_pk)
    return None
