"""Campaigns: the ``campaigns`` config kind ("double points this weekend").

A campaign multiplies the points of the events it lists and/or adds a bonus, inside its
``from``/``to`` and its weekly schedule (the tenant's time zone), for the users of its usergroups
or tiers. The rule that combines several campaigns and tier multipliers is
:mod:`loyalty.core.campaigns`; the event path applies it in its one decision and writes what each
campaign added (and its per-user total, whose cap the write enforces) with the event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

import msgspec

from loyalty.app.tenancy.config_kinds import ConfigKind
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.core import campaigns as core
from loyalty.core.errors import invalid

KIND = "campaigns"
MAX_MULTIPLIER = 100
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$|^24:00$")

Day = Literal["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"]


class Hours(msgspec.Struct, forbid_unknown_fields=True):
    """Local hours ``HH:MM``; ``to`` is exclusive and may be before ``from`` (past midnight)."""

    from_: str = msgspec.field(name="from")
    to: str


class CampaignSchedule(msgspec.Struct, forbid_unknown_fields=True):
    daysOfWeek: list[Day] | None = None
    """Local days; omitted: every day."""
    hours: Hours | None = None
    """Local hours; omitted: all day."""


class Campaign(msgspec.Struct, forbid_unknown_fields=True):
    """Admin kind ``campaigns``: multiplies and/or adds to the points of the listed events."""

    campaignId: str
    eventIds: list[str]
    title: str | dict[str, str] | None = None
    status: Literal["ACTIVE", "INACTIVE"] = "ACTIVE"
    usergroups: list[str] | None = None
    """Omitted: every usergroup."""
    tiers: list[str] | None = None
    """Tier (milestone) ids; the user must hold one of them. Omitted: every user."""
    from_: int | None = msgspec.field(default=None, name="from")
    """Epoch ms, inclusive; omitted: from now on."""
    to: int | None = None
    """Epoch ms, exclusive; omitted: until it is set INACTIVE."""
    schedule: CampaignSchedule | None = None
    multiplier: float = 1.0
    bonusPoints: int = 0
    maxPointsPerUser: int | None = None
    """The most the campaign adds to one user's points over its lifetime; omitted: no cap."""


def _minutes(text: str, name: str) -> int:
    if not _TIME.match(text):
        raise invalid(name, f"'{name}' must be a time HH:MM (00:00 to 24:00)")
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def check_campaign(value: Campaign) -> None:
    if not value.campaignId.strip():
        raise invalid("campaignId", "'campaignId' must not be empty")
    if not value.eventIds or any(not e for e in value.eventIds):
        raise invalid("eventIds", "'eventIds' must list at least one event id")
    if len(set(value.eventIds)) != len(value.eventIds):
        raise invalid("eventIds", "'eventIds' must not repeat an event id")
    for name, listed in (("usergroups", value.usergroups), ("tiers", value.tiers)):
        if listed is not None and (not listed or any(not item for item in listed)):
            raise invalid(name, f"'{name}' must be omitted or list at least one non-empty id")
    if not 1 <= value.multiplier <= MAX_MULTIPLIER:
        raise invalid("multiplier", f"'multiplier' must be between 1 and {MAX_MULTIPLIER}")
    if value.bonusPoints < 0:
        raise invalid("bonusPoints", "'bonusPoints' must not be negative")
    if value.multiplier == 1 and value.bonusPoints == 0:
        raise invalid("multiplier", "a campaign needs a 'multiplier' above 1 or 'bonusPoints'")
    if value.maxPointsPerUser is not None and value.maxPointsPerUser < 1:
        raise invalid("maxPointsPerUser", "'maxPointsPerUser' must be at least 1 (omit it for no cap)")
    for name, instant in (("from", value.from_), ("to", value.to)):
        if instant is not None and instant < 0:
            raise invalid(name, f"'{name}' must be epoch milliseconds")
    if value.from_ is not None and value.to is not None and value.to <= value.from_:
        raise invalid("to", "'to' must be after 'from'")
    schedule = value.schedule
    if schedule is not None:
        if schedule.daysOfWeek is not None and not schedule.daysOfWeek:
            raise invalid("schedule.daysOfWeek", "'schedule.daysOfWeek' must list at least one day")
        if schedule.hours is not None:
            start = _minutes(schedule.hours.from_, "schedule.hours.from")
            end = _minutes(schedule.hours.to, "schedule.hours.to")
            if start == end:
                raise invalid("schedule.hours.to", "'schedule.hours.to' must differ from 'from'")


@dataclass(frozen=True)
class CompiledCampaign:
    active: bool
    event_ids: frozenset[str]
    rule: core.CampaignRule


def _schedule(value: CampaignSchedule | None) -> core.Schedule:
    if value is None:
        return core.Schedule()
    days = None
    if value.daysOfWeek is not None:
        days = frozenset(core.DAYS.index(day) for day in value.daysOfWeek)
    if value.hours is None:
        return core.Schedule(days=days)
    return core.Schedule(
        days=days,
        start_minute=_minutes(value.hours.from_, "schedule.hours.from"),
        end_minute=_minutes(value.hours.to, "schedule.hours.to"),
    )


def compile_campaign(value: Campaign) -> CompiledCampaign:
    rule = core.CampaignRule(
        campaign_id=value.campaignId,
        multiplier=Decimal(str(value.multiplier)),
        bonus=value.bonusPoints,
        cap=value.maxPointsPerUser,
        starts=value.from_,
        ends=value.to,
        schedule=_schedule(value.schedule),
        usergroups=None if value.usergroups is None else frozenset(value.usergroups),
        tiers=None if value.tiers is None else frozenset(value.tiers),
    )
    return CompiledCampaign(value.status == "ACTIVE", frozenset(value.eventIds), rule)


CONFIG_KIND = ConfigKind(
    name=KIND,
    schema=Campaign,
    id_field="campaignId",
    check=check_campaign,
    compile=compile_campaign,
    description="Campaigns: multiply and/or add to the points of events in a time window and schedule.",
    related=["events", "usergroups", "milestones"],
)
"""Registered at start-up by :func:`loyalty.app.features.load`."""


def rules_for_event(tenant: TenantConfig, event_id: str) -> tuple[core.CampaignRule, ...]:
    """The active campaigns listing ``event_id``, in ``campaignId`` order (the order they apply in)."""
    compiled: dict[str, CompiledCampaign] = tenant.all_compiled(KIND)
    return tuple(
        compiled[key].rule
        for key in sorted(compiled)
        if compiled[key].active and event_id in compiled[key].event_ids
    )


def share_views(shares: tuple[core.CampaignShare, ...]) -> list[dict[str, object]]:
    """The campaigns that applied, as the event response, history entry and dry run name them."""
    return [{"campaignId": share.campaign_id, "points": share.points} for share in shares]


def check_views(checks: tuple[core.CampaignCheck, ...]) -> list[dict[str, object]]:
    """The dry run's explanation: every campaign of the event, applied or why not."""
    return [
        {
            "campaignId": check.campaign_id,
            "applied": check.reason == "applied",
            "reason": check.reason,
            "points": check.points,
            "remainingForUser": check.remaining,
        }
        for check in checks
    ]
