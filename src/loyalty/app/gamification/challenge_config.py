"""The ``challenges`` admin kind: the wire shape (seed 000 list + seed 001 config) and its rules."""

from __future__ import annotations

from typing import Any, Literal

import msgspec

from loyalty.app.kernel.texts import Text
from loyalty.app.tenancy.config_kinds import ConfigKind
from loyalty.core import challenges as core
from loyalty.core import rules
from loyalty.core.errors import invalid

POINTS = "points"


class Notification(msgspec.Struct, forbid_unknown_fields=True):
    display: Literal["none", "toast", "popup", "banner"] = "toast"
    title: Text | None = None
    message: Text | None = None


class TimeWindow(msgspec.Struct, forbid_unknown_fields=True):
    showInUI: bool = True
    from_: int | None = msgspec.field(default=None, name="from")
    to: int | None = None


class Mission(msgspec.Struct, forbid_unknown_fields=True):
    id: str
    eventId: str
    title: Text | None = None
    type: Literal["FIXED", "TRANSACTION"] = "FIXED"
    conditions: dict[str, Any] | None = None
    valueField: str | None = None
    goal: int = 1
    notification: Notification | None = None


class Reward(msgspec.Struct, forbid_unknown_fields=True):
    type: Literal["metric", "inventory"]
    metricId: str | None = None
    metricQuantity: int | None = None
    inventorySetId: str | None = None
    inventoryItemId: str | None = None
    remove: bool = False
    """For an inventory reward: take the item away instead of giving it."""


class Repeat(msgspec.Struct, forbid_unknown_fields=True):
    per: Literal["day", "week", "total"] = "total"
    maxCompletions: int | None = None
    """Completions allowed per ``per`` period; null means unlimited."""


class Challenge(msgspec.Struct, forbid_unknown_fields=True):
    challengeId: str
    title: Text
    subtitle: Text | None = None
    status: Literal["ACTIVE", "INACTIVE"] = "ACTIVE"
    type: Literal["FIXED", "TRANSACTION"] = "FIXED"
    eventId: str | None = None
    conditions: dict[str, Any] | None = None
    valueField: str | None = None
    goal: int = 1
    points: int = 0
    rewards: list[Reward] = msgspec.field(default_factory=list)
    missions: list[Mission] = msgspec.field(default_factory=list)
    time: TimeWindow | None = None
    notification: Notification | None = None
    showInProfile: bool = True
    showInRail: bool = True
    seriesId: str | None = None
    seriesStep: int = 0
    repeat: Repeat | None = None


def check_conditions(tree: Any, field: str) -> None:
    """Validated by the events' rules engine: a tree is valid here exactly when it is valid for an event."""
    rules.compile_condition(tree, field)


def _check_trigger(kind: str, value_field: str | None, conditions: Any, field: str) -> None:
    if kind == "TRANSACTION" and not value_field:
        raise invalid(f"{field}valueField", f"'{field}valueField' is required for TRANSACTION")
    check_conditions(conditions, f"{field}conditions")


def check_challenge(value: Challenge) -> None:
    if value.goal < 1:
        raise invalid("goal", "'goal' must be at least 1")
    if value.points < 0:
        raise invalid("points", "'points' must not be negative")
    if value.missions:
        if value.eventId or value.conditions:
            field = "eventId" if value.eventId else "conditions"
            raise invalid(field, f"'{field}' belongs on each mission when a challenge has missions")
        seen: set[str] = set()
        for index, mission in enumerate(value.missions):
            at = f"missions[{index}]."
            if not mission.id or mission.id in seen:
                raise invalid(f"{at}id", f"'{at}id' must be present and unique")
            seen.add(mission.id)
            if mission.goal < 1:
                raise invalid(f"{at}goal", f"'{at}goal' must be at least 1")
            _check_trigger(mission.type, mission.valueField, mission.conditions, at)
    elif not value.eventId:
        raise invalid("eventId", "'eventId' is required (or give 'missions')")
    else:
        _check_trigger(value.type, value.valueField, value.conditions, "")
    window = value.time
    if window and window.from_ is not None and window.to is not None and window.from_ > window.to:
        raise invalid("time.to", "'time.to' must not be before 'time.from'")
    for index, reward in enumerate(value.rewards):
        at = f"rewards[{index}]."
        if reward.type == "metric":
            if not reward.metricId:
                raise invalid(f"{at}metricId", f"'{at}metricId' is required for a metric reward")
            if not reward.metricQuantity:
                raise invalid(f"{at}metricQuantity", f"'{at}metricQuantity' must be a non-zero number")
        elif not reward.inventorySetId or not reward.inventoryItemId:
            raise invalid(
                f"{at}inventoryItemId", f"'{at}inventorySetId' and '{at}inventoryItemId' are required"
            )
    if value.repeat and value.repeat.maxCompletions is not None and value.repeat.maxCompletions < 1:
        raise invalid("repeat.maxCompletions", "'repeat.maxCompletions' must be at least 1 (or null)")
    if value.seriesStep < 0:
        raise invalid("seriesStep", "'seriesStep' must not be negative")


def compile_challenge(value: Challenge) -> core.ChallengeRule:
    window = value.time or TimeWindow()
    repeat = value.repeat
    return core.ChallengeRule(
        challenge_id=value.challengeId,
        trigger=core.Trigger(value.eventId, value.conditions, value.type, value.valueField),
        goal=value.goal,
        active=value.status == "ACTIVE",
        starts_at=window.from_,
        ends_at=window.to,
        missions=tuple(
            core.MissionRule(m.id, core.Trigger(m.eventId, m.conditions, m.type, m.valueField), m.goal)
            for m in value.missions
        ),
        series_id=value.seriesId,
        series_step=value.seriesStep,
        repeat_per=repeat.per if repeat else "total",
        max_completions=repeat.maxCompletions if repeat else 1,
    )


def effective_rewards(value: Challenge) -> list[Reward]:
    """``points`` is shorthand for a reward of the ``points`` metric: one list for both faces."""
    extra = [Reward(type="metric", metricId=POINTS, metricQuantity=value.points)] if value.points else []
    return [*extra, *value.rewards]


def points_of(value: Challenge) -> int:
    return sum(r.metricQuantity or 0 for r in effective_rewards(value) if r.metricId == POINTS)


CONFIG_KIND = ConfigKind(
    name="challenges",
    schema=Challenge,
    id_field="challengeId",
    check=check_challenge,
    compile=compile_challenge,
    description="Challenges: trigger, goal, window, missions, rewards, series and repeats.",
    related=["metrics", "inventory"],
)
"""Registered at start-up by :func:`loyalty.app.features.load`."""
