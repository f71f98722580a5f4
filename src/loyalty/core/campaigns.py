"""Campaigns and tier multipliers: what an event's points become on top of the event's own reward.

Pure rules (no I/O, no clock): the event decision (:mod:`loyalty.core.events`) calls
:func:`apply` with the event's own points, the user's tiers and what each campaign already gave
the user. The rule, in this order:

1. The event's own points (its reward, capped by its ``maximumReward``).
2. Tier multipliers: every tier the user holds that carries a multiplier multiplies the event's
   own points (gold 1.5×: 100 → 150, 50 of them tier points).
3. Campaigns that apply, in ``campaignId`` order: each multiplies the points so far (multipliers
   multiply: 2× and 1.5× give 3×) and adds its ``bonusPoints`` (bonuses add, they are never
   multiplied). What one campaign adds is capped by what is left of its ``maxPointsPerUser``;
   a later campaign multiplies only what was actually given.

Amounts are rounded half up to whole points, like the event's own reward.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

DAYS = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")


@dataclass(frozen=True)
class Schedule:
    """Local days and hours in which a campaign applies (the tenant's time zone)."""

    days: frozenset[int] | None = None
    """ISO weekday numbers 0 (Monday) … 6; None: every day."""
    start_minute: int = 0
    end_minute: int = 24 * 60
    """The hours, as minutes of the day; ``end`` is exclusive. ``start > end`` spans midnight
    (22:00–02:00), the day being the one of the moment itself."""

    def holds(self, local: datetime) -> bool:
        if self.days is not None and local.weekday() not in self.days:
            return False
        minute = local.hour * 60 + local.minute
        if self.start_minute <= self.end_minute:
            return self.start_minute <= minute < self.end_minute
        return minute >= self.start_minute or minute < self.end_minute


@dataclass(frozen=True)
class CampaignRule:
    campaign_id: str
    multiplier: Decimal = Decimal(1)
    bonus: int = 0
    cap: int | None = None
    """``maxPointsPerUser``: what the campaign may add to one user over its lifetime."""
    starts: int | None = None
    ends: int | None = None
    """Epoch ms, ``starts`` inclusive and ``ends`` exclusive."""
    schedule: Schedule = Schedule()
    usergroups: frozenset[str] | None = None
    tiers: frozenset[str] | None = None
    """Tier (milestone) ids: the user must hold one of them."""

    def in_window(self, now: int) -> bool:
        return (self.starts is None or now >= self.starts) and (self.ends is None or now < self.ends)


@dataclass(frozen=True)
class CampaignShare:
    """What one campaign added to an event."""

    campaign_id: str
    points: int
    cap: int | None
    given_before: int
    """What the campaign had given the user before this event (the snapshot's total)."""


@dataclass(frozen=True)
class CampaignCheck:
    """Why a campaign of the event did or did not add points (the dry run's explanation)."""

    campaign_id: str
    reason: str
    """``applied``, ``not_started``, ``ended``, ``outside_schedule``, ``usergroup``, ``tier``,
    ``not_rewarded`` (condition failed or limit reached) or ``cap_reached``."""
    points: int = 0
    remaining: int | None = None
    """What is left of the campaign's cap for the user after this event (None: no cap)."""


@dataclass(frozen=True)
class Boost:
    event_points: int
    tier_points: int
    shares: tuple[CampaignShare, ...]
    checks: tuple[CampaignCheck, ...]

    @property
    def total(self) -> int:
        return self.event_points + self.tier_points + sum(s.points for s in self.shares)


def _round(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def why_not(
    rule: CampaignRule, now: int, local: datetime, usergroup: str, tiers: frozenset[str]
) -> str | None:
    """None when the campaign applies to an event at ``now`` (``local``: the same instant in the
    tenant's time zone) of a user in ``usergroup`` holding ``tiers``; else the reason it does not."""
    if not rule.in_window(now):
        return "not_started" if rule.starts is not None and now < rule.starts else "ended"
    if not rule.schedule.holds(local):
        return "outside_schedule"
    if rule.usergroups is not None and usergroup not in rule.usergroups:
        return "usergroup"
    if rule.tiers is not None and not rule.tiers & tiers:
        return "tier"
    return None


def apply(
    event_points: int,
    *,
    rewarded: bool,
    tier_multiplier: Decimal,
    campaigns: tuple[CampaignRule, ...],
    given: Mapping[str, int],
    now: int,
    local: datetime,
    usergroup: str,
    tiers: frozenset[str],
) -> Boost:
    """The event's points with tier multipliers and campaigns (see the module's rule).
    ``rewarded``: the event's condition held and its limit was not reached (else nothing is added)."""
    if not rewarded:
        skipped = tuple(CampaignCheck(c.campaign_id, "not_rewarded") for c in campaigns)
        return Boost(event_points, 0, (), skipped)
    running = _round(Decimal(event_points) * tier_multiplier) if tier_multiplier != 1 else event_points
    tier_points = running - event_points
    shares: list[CampaignShare] = []
    checks: list[CampaignCheck] = []
    for rule in campaigns:
        reason = why_not(rule, now, local, usergroup, tiers)
        before = given.get(rule.campaign_id, 0)
        room = None if rule.cap is None else max(rule.cap - before, 0)
        if reason is not None:
            checks.append(CampaignCheck(rule.campaign_id, reason, 0, room))
            continue
        multiplied = _round(Decimal(running) * rule.multiplier) - running
        added = max(multiplied, 0) + rule.bonus
        if room is not None:
            added = min(added, room)
        if added <= 0:
            checks.append(CampaignCheck(rule.campaign_id, "cap_reached" if room == 0 else "applied", 0, room))
            continue
        running += min(max(multiplied, 0), added)
        shares.append(CampaignShare(rule.campaign_id, added, rule.cap, before))
        checks.append(
            CampaignCheck(rule.campaign_id, "applied", added, None if room is None else room - added)
        )
    return Boost(event_points, tier_points, tuple(shares), tuple(checks))
