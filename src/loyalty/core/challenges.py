"""Challenge progress as plain data: triggers, missions, series, repeat rounds and periods.

A user's state on one challenge is a ``ChallengeState``; ``advance`` takes it and one matching
activity and returns the next state plus what happened (missions completed, the round completed).
Nothing here pays anything: the app layer pays a completed round once, guarded by the database.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Literal

from loyalty.core import rules
from loyalty.core.timeutil import day_key, local_datetime

RepeatPer = Literal["day", "week", "total"]
TOTAL_PERIOD: Literal["total"] = "total"


# --- conditions on metadata -------------------------------------------------------------------


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def condition_holds(tree: Mapping[str, Any] | None, metadata: Mapping[str, Any]) -> bool:
    """Whether ``metadata`` meets an AND/OR condition tree: the very evaluator events use
    (``core.rules``), so a condition means the same in an event, a challenge or a mission."""
    if not tree:
        return True
    return rules.evaluate(rules.compile_condition(tree), metadata) is None


# --- rules -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Trigger:
    """What advances a challenge or mission: an event id / action name and an optional condition."""

    event_id: str | None
    conditions: Mapping[str, Any] | None = None
    kind: Literal["FIXED", "TRANSACTION"] = "FIXED"
    value_field: str | None = None
    """For TRANSACTION: progress grows by this metadata number (rounded half up)."""

    def increment(self, event_id: str, metadata: Mapping[str, Any]) -> int:
        """How much one activity advances this trigger (0: it does not count)."""
        if self.event_id is None or self.event_id != event_id:
            return 0
        if not condition_holds(self.conditions, metadata):
            return 0
        if self.kind == "FIXED":
            return 1
        raw = _number(metadata.get(self.value_field or ""))
        if raw is None or raw <= 0:
            return 0
        return int(raw.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class MissionRule:
    mission_id: str
    trigger: Trigger
    goal: int = 1


@dataclass(frozen=True)
class ChallengeRule:
    challenge_id: str
    trigger: Trigger
    goal: int = 1
    active: bool = True
    starts_at: int | None = None
    ends_at: int | None = None
    missions: tuple[MissionRule, ...] = ()
    series_id: str | None = None
    series_step: int = 0
    repeat_per: RepeatPer = TOTAL_PERIOD
    max_completions: int | None = 1
    """Completions allowed per period (``repeat_per``); None means unlimited."""

    @property
    def effective_goal(self) -> int:
        """With missions the goal is the number of missions (all done = challenge done)."""
        return len(self.missions) if self.missions else self.goal

    def event_ids(self) -> set[str]:
        ids = {m.trigger.event_id for m in self.missions} if self.missions else {self.trigger.event_id}
        return {i for i in ids if i is not None}

    def in_window(self, now: int) -> bool:
        if self.starts_at is not None and now < self.starts_at:
            return False
        return self.ends_at is None or now <= self.ends_at


@dataclass(frozen=True)
class ChallengeState:
    """One user's standing on one challenge. ``progress``/``missions`` belong to the current round."""

    progress: int = 0
    missions: Mapping[str, int] = field(default_factory=dict)
    round_done: bool = False
    """The current round reached its goal and was paid; a new round starts on the next activity."""
    completions: int = 0
    period_key: str = ""
    period_completions: int = 0
    completed_at: int | None = None


@dataclass(frozen=True)
class Advance:
    state: ChallengeState
    missions_completed: tuple[str, ...] = ()
    completed: bool = False
    round_no: int = 0
    """The number of the completed round (1 for the first completion): the once-only payout key."""


def period_key(per: RepeatPer, ts: int, tz: str) -> str:
    """The repeat period an instant falls in, in the tenant's zone (ISO weeks start on Monday)."""
    if per == "day":
        return day_key(ts, tz)
    if per == "week":
        year, week, _ = local_datetime(ts, tz).isocalendar()
        return f"{year}-W{week:02d}"
    return TOTAL_PERIOD


def current_state(rule: ChallengeRule, state: ChallengeState, now: int, tz: str) -> ChallengeState:
    """The state as of ``now``: a daily/weekly challenge starts afresh in a new period."""
    key = period_key(rule.repeat_per, now, tz)
    if state.period_key == key:
        return state
    if state.period_key == "":
        return replace(state, period_key=key)
    return replace(state, progress=0, missions={}, round_done=False, period_key=key, period_completions=0)


def can_start_round(rule: ChallengeRule, state: ChallengeState) -> bool:
    return rule.max_completions is None or state.period_completions < rule.max_completions


def may_advance(rule: ChallengeRule, state: ChallengeState, now: int, tz: str) -> bool:
    """False once the challenge is done and capped for now (nothing can change it until later)."""
    state = current_state(rule, state, now, tz)
    return not state.round_done or can_start_round(rule, state)


def is_completed(rule: ChallengeRule, state: ChallengeState) -> bool:
    """Whether the challenge shows as completed: its latest round (in this period) is done."""
    return state.round_done


def advance(
    rule: ChallengeRule,
    state: ChallengeState,
    *,
    event_id: str,
    metadata: Mapping[str, Any],
    now: int,
    tz: str,
) -> Advance | None:
    """Apply one activity. None when it does not count (inactive, outside window, capped…)."""
    if not rule.active or not rule.in_window(now):
        return None
    state = current_state(rule, state, now, tz)
    if rule.missions:
        increments = {m.mission_id: m.trigger.increment(event_id, metadata) for m in rule.missions}
        if not any(increments.values()):
            return None
    else:
        delta = rule.trigger.increment(event_id, metadata)
        if delta == 0:
            return None
    if state.round_done:
        if not can_start_round(rule, state):
            return None
        state = replace(state, progress=0, missions={}, round_done=False)
    if rule.missions:
        missions = dict(state.missions)
        newly: list[str] = []
        for mission in rule.missions:
            before = missions.get(mission.mission_id, 0)
            if before >= mission.goal or increments[mission.mission_id] == 0:
                continue
            missions[mission.mission_id] = min(mission.goal, before + increments[mission.mission_id])
            if missions[mission.mission_id] >= mission.goal:
                newly.append(mission.mission_id)
        progress = sum(1 for m in rule.missions if missions.get(m.mission_id, 0) >= m.goal)
        if progress == state.progress and missions == dict(state.missions):
            return None
        state = replace(state, missions=missions, progress=progress)
        missions_completed = tuple(newly)
    else:
        state = replace(state, progress=min(rule.effective_goal, state.progress + delta))
        missions_completed = ()
    if state.progress < rule.effective_goal:
        return Advance(state=state, missions_completed=missions_completed)
    round_no = state.completions + 1
    state = replace(
        state,
        round_done=True,
        completions=round_no,
        period_completions=state.period_completions + 1,
        completed_at=now,
    )
    return Advance(state=state, missions_completed=missions_completed, completed=True, round_no=round_no)


# --- series ----------------------------------------------------------------------------------


def previous_step(rule: ChallengeRule, rules: Mapping[str, ChallengeRule]) -> ChallengeRule | None:
    """The step before ``rule`` in its series (the highest lower ``seriesStep``), if any."""
    if rule.series_id is None:
        return None
    earlier = [
        r
        for r in rules.values()
        if r.series_id == rule.series_id
        and (r.series_step, r.challenge_id) < (rule.series_step, rule.challenge_id)
    ]
    return max(earlier, key=lambda r: (r.series_step, r.challenge_id), default=None)


def is_last_step(rule: ChallengeRule, rules: Mapping[str, ChallengeRule]) -> bool:
    if rule.series_id is None:
        return False
    return all(
        (r.series_step, r.challenge_id) <= (rule.series_step, rule.challenge_id)
        for r in rules.values()
        if r.series_id == rule.series_id
    )


def is_unlocked(
    rule: ChallengeRule, rules: Mapping[str, ChallengeRule], completions: Mapping[str, int]
) -> bool:
    """A series step is open once the step before it has been completed at least once."""
    before = previous_step(rule, rules)
    return before is None or completions.get(before.challenge_id, 0) > 0
