"""Streaks: the ``streaks`` config kind, the milestones an event's steps pay, the user's streak
views (seed 000) and streak analytics (seed 002).

A user's period is computed in the user's own time zone (``users.time_zone``) when set, else the
tenant's. Reads project the stored state to "now", so a run the user let lapse reads as reset
without any write.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import msgspec

from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.store import Store
from loyalty.app.kernel.uow import Tx, run_read
from loyalty.app.ledger import ledger
from loyalty.app.messaging import notifications, outbox
from loyalty.app.tenancy.config_kinds import ConfigKind
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.app.users.users import resolve_user
from loyalty.core import streaks as core
from loyalty.core.errors import invalid, not_found
from loyalty.core.events import StreakStep
from loyalty.core.timeutil import is_valid_zone

Text = str | dict[str, str] | None
MAX_FREEZES = 365


class StreakDefinition(msgspec.Struct, forbid_unknown_fields=True):
    """Admin kind ``streaks``: which events keep the streak alive, per which period."""

    streakId: str
    eventIds: list[str]
    """A logged event with one of these ids (and its condition reached) completes the period."""
    timeFrame: Literal["daily", "weekly", "monthly"] = "daily"
    title: Text = None
    description: Text = None
    image: str | None = None
    status: Literal["ACTIVE", "INACTIVE"] = "ACTIVE"
    milestones: dict[str, int] = msgspec.field(default_factory=dict)
    """``{"<count>": <points>}``: reaching ``count`` in a run pays the points once per user."""
    freezes: int = 0
    """Missed periods one run may bridge in total without resetting."""
    version: int | None = None


def check_definition(value: StreakDefinition) -> None:
    if not value.eventIds or any(not isinstance(e, str) or not e for e in value.eventIds):
        raise invalid("eventIds", "'eventIds' must list at least one event id")
    if not 0 <= value.freezes <= MAX_FREEZES:
        raise invalid("freezes", f"'freezes' must be between 0 and {MAX_FREEZES}")
    for count, points in value.milestones.items():
        if not count.isdigit() or int(count) <= 0:
            raise invalid("milestones", f"'milestones' keys are positive whole counts, not '{count}'")
        if points <= 0:
            raise invalid("milestones", f"'milestones' points must be positive (at {count})")


@dataclass(frozen=True)
class CompiledStreak:
    streak_id: str
    event_ids: frozenset[str]
    active: bool
    rules: core.StreakRules
    title: Text


def compile_definition(value: StreakDefinition) -> CompiledStreak:
    milestones = tuple(sorted((int(c), p) for c, p in value.milestones.items()))
    return CompiledStreak(
        streak_id=value.streakId,
        event_ids=frozenset(value.eventIds),
        active=value.status == "ACTIVE",
        rules=core.StreakRules(time_frame=value.timeFrame, freezes=value.freezes, milestones=milestones),
        title=value.title,
    )


CONFIG_KIND = ConfigKind(
    name="streaks",
    schema=StreakDefinition,
    id_field="streakId",
    check=check_definition,
    compile=compile_definition,
    description="Streaks: consecutive daily/weekly/monthly periods with a qualifying event.",
    related=["events"],
)
"""Registered at start-up by :func:`loyalty.app.features.load`."""


def state_of(row: Mapping[str, Any] | None, rules: core.StreakRules) -> core.StreakState:
    if row is None:
        return core.StreakState()
    kept = core.StreakState(
        longest=int(row["longest"]),
        missed_count=int(row["missed_count"]),
        milestones_claimed=tuple(int(m) for m in row["milestones_claimed"]),
        completed_dates=tuple(row["completed_dates"]),
    )
    if row["time_frame"] != rules.time_frame:
        # The definition changed its period: the old run's ordinals mean nothing any more.
        return kept
    return core.StreakState(
        current_count=int(row["current_count"]),
        longest=kept.longest,
        current_start_ms=row["current_start"],
        last_period=row["last_period"],
        last_completed_at=row["last_completed_at"],
        missed_count=kept.missed_count,
        freezes_used=int(row["freezes_used"]),
        completed_dates=kept.completed_dates,
        milestones_claimed=kept.milestones_claimed,
    )


def row_values(state: core.StreakState, rules: core.StreakRules, now: int) -> dict[str, Any]:
    return {
        "time_frame": rules.time_frame,
        "current_count": state.current_count,
        "longest": state.longest,
        "current_start": state.current_start_ms,
        "last_period": state.last_period,
        "last_completed_at": state.last_completed_at,
        "missed_count": state.missed_count,
        "freezes_used": state.freezes_used,
        "completed_dates": list(state.completed_dates),
        "milestones_claimed": list(state.milestones_claimed),
        "updated_at": now,
    }


async def _pay_milestone(
    tx: Tx, user_pk: int, streak: CompiledStreak, count: int, points: int, day_key: str
) -> None:
    reference = f"{streak.streak_id}#{count}"
    posting = await ledger.credit(
        tx,
        user_pk,
        points,
        source="streak",
        reference=reference,
        description=f"streak {streak.streak_id}: {count} in a row",
    )
    title = {"en": "Streak milestone reached", "de": "Serien-Meilenstein erreicht"}
    await tx.store.history.insert(
        tenant_id=tx.tenant.id,
        user_pk=user_pk,
        entry_id=f"STREAK#{streak.streak_id}#{count}",
        type="STREAK",
        ref_id=streak.streak_id,
        points=points,
        ts=tx.now,
        date_key=day_key,
        title=title,
        description=streak.title if isinstance(streak.title, dict) else None,
        image=None,
        details={"streakId": streak.streak_id, "milestone": count},
    )
    await notifications.notify(
        tx,
        user_pk,
        type="streakMilestoneReached",
        payload={
            "streakId": streak.streak_id,
            "milestone": count,
            "metricChanges": {
                ledger.POINTS: {"oldValue": posting.balance_after - points, "newValue": posting.balance_after}
            },
        },
        title=title,
        message={
            "en": f"{count} in a row: +{points} points",
            "de": f"{count} in Folge: +{points} Punkte",
        },
        section="rewards",
    )
    await outbox.publish_for(
        tx,
        "streak.milestone",
        {"streakId": streak.streak_id, "milestone": count, "points": points},
        user_pk=user_pk,
    )


@dataclass(frozen=True)
class StreakStepView:
    """A streak an event's counted or repeated period touched (part of the event's answer)."""

    streak_id: str
    current_count: int
    counted: bool
    """The event completed the period (False: the period was already completed)."""
    milestones_reached: tuple[int, ...]
    """The milestone counts this event reached (each paid once)."""


def step_views(steps: Sequence[StreakStep]) -> list[StreakStepView]:
    """The streaks an event's counted or repeated period touched (the event response's part)."""
    return [
        StreakStepView(
            streak_id=step.streak_id,
            current_count=step.advance.state.current_count,
            counted=step.advance.counted,
            milestones_reached=tuple(c for c, _ in step.advance.milestones_reached),
        )
        for step in steps
    ]


async def pay_milestones(
    tx: Tx, user_pk: int, streaks: dict[str, CompiledStreak], steps: Sequence[StreakStep]
) -> None:
    """Pay the milestones the event's counted periods reached: once each, because the row that
    claims them was written only if no other event of the user got in between."""
    for step in steps:
        for count, points in step.advance.milestones_reached:
            await _pay_milestone(tx, user_pk, streaks[step.streak_id], count, points, step.period.day_key)


# --- reads -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StreakView:
    """One streak of a user as of a moment (the Lynes dialect writes it in seed 000's shape)."""

    user_id: str
    streak_id: str
    current_start: int | None
    """When the run started (ms); a run that is not going (count 0) "starts" in the current period."""
    time_frame: str
    current_count: int
    longest: int
    last_completed_at: int | None
    """When the last period was completed (ms), None before the first."""
    missed_count: int
    completed_dates: tuple[str, ...]
    milestones_claimed: tuple[int, ...]


@dataclass(frozen=True)
class StreakAnalyticsView:
    """One aggregate over a streak's rows (seed 002's streak analytics)."""

    streak_id: str
    total_participants: int
    active_participants: int
    average_length: float
    """The average count of the active runs (0.0 while none is active), to two places."""
    longest: int
    """The longest run any user reached."""
    completion_rate: float
    """Active runs per participant, to two places."""


@dataclass(frozen=True)
class TimeZoneView:
    """A user's own time zone (None: the tenant's)."""

    user_id: str
    time_zone: str | None


def streak_view(
    user_id: str, streak_id: str, rules: core.StreakRules, state: core.StreakState, now: int, tz: str
) -> StreakView:
    """One streak as of ``now``."""
    current = core.period_of(now, tz, rules.time_frame)
    shown = core.project(state, current, rules)
    return StreakView(
        user_id=user_id,
        streak_id=streak_id,
        current_start=shown.current_start_ms if shown.current_count else current.start_ms,
        time_frame=rules.time_frame,
        current_count=shown.current_count,
        longest=shown.longest,
        last_completed_at=shown.last_completed_at,
        missed_count=shown.missed_count,
        completed_dates=tuple(shown.completed_dates),
        milestones_claimed=tuple(shown.milestones_claimed),
    )


async def user_streaks(services: Services, principal: Principal, user_id: str) -> list[StreakView]:
    """``GET /user/{userId}/streak``: every streak the user has progress in (configured ones)."""
    principal.require_read_user(user_id)
    now = services.now()

    async def work(store: Store, tenant: TenantConfig) -> list[StreakView]:
        user = await store.users.get(tenant.id, user_id)
        if user is None:
            return []
        tz = user["time_zone"] or tenant.settings.timeZone
        views = []
        for row in await store.streaks.list_for_user(int(user["id"])):
            streak: CompiledStreak | None = tenant.compiled("streaks", row["streak_id"])
            if streak is None:
                continue
            state = state_of(row, streak.rules)
            views.append(streak_view(user_id, streak.streak_id, streak.rules, state, now, tz))
        return views

    return await run_read(services, principal, work)


async def user_streak(services: Services, principal: Principal, user_id: str, streak_id: str) -> StreakView:
    """``GET /user/{userId}/streak/{streakId}``; a configured streak not yet started reads as zero."""
    principal.require_read_user(user_id)
    now = services.now()

    async def work(store: Store, tenant: TenantConfig) -> StreakView:
        streak: CompiledStreak | None = tenant.compiled("streaks", streak_id)
        if streak is None:
            raise not_found("streak", streak_id)
        user = await store.users.get(tenant.id, user_id)
        tz = (user["time_zone"] if user else None) or tenant.settings.timeZone
        row = None
        if user is not None:
            _, row = await store.streaks.load(int(user["id"]), streak_id)
        return streak_view(user_id, streak_id, streak.rules, state_of(row, streak.rules), now, tz)

    return await run_read(services, principal, work)


async def streak_analytics(
    services: Services, principal: Principal, streak_id: str
) -> StreakAnalyticsView | None:
    """``GET /analytics/streak``: one aggregate over the streak's rows; None before any progress.

    Active runs are judged in the tenant's time zone (a user in another zone may be off by one
    period near midnight).
    """
    principal.require_view()
    now = services.now()

    async def work(store: Store, tenant: TenantConfig) -> StreakAnalyticsView | None:
        streak: CompiledStreak | None = tenant.compiled("streaks", streak_id)
        if streak is None:
            return None
        rules = streak.rules
        current = core.period_of(now, tenant.settings.timeZone, rules.time_frame)
        agg = await store.streaks.aggregate(
            tenant_id=tenant.id,
            streak_id=streak_id,
            time_frame=rules.time_frame,
            alive_from=current.ordinal,
            freezes=rules.freezes,
        )
        total, active = agg["total"], agg["active"]
        if total == 0:
            return None
        return StreakAnalyticsView(
            streak_id=streak_id,
            total_participants=total,
            active_participants=active,
            average_length=round(agg["active_length"] / active, 2) if active else 0.0,
            longest=agg["longest"],
            completion_rate=round(active / total, 2),
        )

    return await run_read(services, principal, work)


async def set_time_zone(tx: Tx, user_id: str, time_zone: str | None) -> TimeZoneView:
    """A user's own IANA time zone (None: follow the tenant's); the user themself may set it."""
    tx.principal.require_act_for_user(user_id)
    if time_zone is not None and not is_valid_zone(time_zone):
        raise invalid("timeZone", f"'timeZone': unknown IANA time zone '{time_zone}'")
    user_pk = await resolve_user(tx, user_id, create=False)
    await tx.store.users.update_fields(user_pk, time_zone=time_zone)
    return TimeZoneView(user_id=user_id, time_zone=time_zone)
