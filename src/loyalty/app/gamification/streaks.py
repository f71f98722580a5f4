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
from loyalty.core.timeutil import is_valid_zone, iso_utc

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


def step_views(steps: Sequence[StreakStep]) -> list[dict[str, Any]]:
    """The streaks an event's counted or repeated period touched (the event response's part)."""
    return [
        {
            "streakId": step.streak_id,
            "currentCount": step.advance.state.current_count,
            "counted": step.advance.counted,
            "milestonesReached": [c for c, _ in step.advance.milestones_reached],
        }
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


def streak_view(
    user_id: str, streak_id: str, rules: core.StreakRules, state: core.StreakState, now: int, tz: str
) -> dict[str, Any]:
    """One streak in the seed 000 shape, as of ``now``."""
    current = core.period_of(now, tz, rules.time_frame)
    shown = core.project(state, current, rules)
    return {
        "userId": user_id,
        "streakId": streak_id,
        # A run that is not going (count 0) "starts" in the current period.
        "currentStartDate": shown.current_start_ms if shown.current_count else current.start_ms,
        "timeFrame": rules.time_frame,
        "currentCount": shown.current_count,
        "longestStreak": shown.longest,
        "lastCompletedAt": None if shown.last_completed_at is None else iso_utc(shown.last_completed_at),
        "missedCount": shown.missed_count,
        "completedDates": list(shown.completed_dates),
        "milestonesClaimed": list(shown.milestones_claimed),
    }


async def user_streaks(services: Services, principal: Principal, user_id: str) -> dict[str, Any]:
    """``GET /user/{userId}/streak``: every streak the user has progress in (configured ones)."""
    principal.require_read_user(user_id)
    now = services.now()

    async def work(store: Store, tenant: TenantConfig) -> dict[str, Any]:
        user = await store.users.get(tenant.id, user_id)
        if user is None:
            return {"streaks": [], "count": 0}
        tz = user["time_zone"] or tenant.settings.timeZone
        views = []
        for row in await store.streaks.list_for_user(int(user["id"])):
            streak: CompiledStreak | None = tenant.compiled("streaks", row["streak_id"])
            if streak is None:
                continue
            state = state_of(row, streak.rules)
            views.append(streak_view(user_id, streak.streak_id, streak.rules, state, now, tz))
        return {"streaks": views, "count": len(views)}

    return await run_read(services, principal, work)


async def user_streak(
    services: Services, principal: Principal, user_id: str, streak_id: str
) -> dict[str, Any]:
    """``GET /user/{userId}/streak/{streakId}``; a configured streak not yet started reads as zero."""
    principal.require_read_user(user_id)
    now = services.now()

    async def work(store: Store, tenant: TenantConfig) -> dict[str, Any]:
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


async def streak_analytics(services: Services, principal: Principal, streak_id: str) -> dict[str, Any] | None:
    """``GET /analytics/streak``: one aggregate over the streak's rows; None before any progress.

    Active runs are judged in the tenant's time zone (a user in another zone may be off by one
    period near midnight).
    """
    principal.require_view()
    now = services.now()

    async def work(store: Store, tenant: TenantConfig) -> dict[str, Any] | None:
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
        return {
            "streakId": streak_id,
            "totalParticipants": total,
            "activeParticipants": active,
            "averageStreakLength": round(agg["active_length"] / active, 2) if active else 0.0,
            "longestUserStreak": agg["longest"],
            "completionRate": round(active / total, 2),
        }

    return await run_read(services, principal, work)


async def set_time_zone(tx: Tx, user_id: str, time_zone: str | None) -> dict[str, Any]:
    """A user's own IANA time zone (None: follow the tenant's); the user themself may set it."""
    tx.principal.require_act_for_user(user_id)
    if time_zone is not None and not is_valid_zone(time_zone):
        raise invalid("timeZone", f"'timeZone': unknown IANA time zone '{time_zone}'")
    user_pk = await resolve_user(tx, user_id, create=False)
    await tx.store.users.update_fields(user_pk, time_zone=time_zone)
    return {"userId": user_id, "timeZone": time_zone}
