"""The one seam between the analytics page and the statistics use cases.

``load_stats`` returns the seed 002 ``GET /v1/stats/event`` (global) shape, or None when the
statistics feature is not installed; ``load_streak_analytics`` returns each configured streak's id
with its analytics read model (None while nobody has progress). Only this module knows where those
use cases live.
"""

from __future__ import annotations

import importlib
from dataclasses import asdict, is_dataclass
from typing import Any

from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services

PERIODS = ("1d", "7d", "30d", "90d", "current_month", "ytd", "all")


def _feature(name: str) -> Any | None:
    try:
        return importlib.import_module(f"loyalty.app.{name}")
    except ImportError:
        return None


def seed_shape(view: Any) -> dict[str, Any]:
    """The app's global stats read model → the wire dict of seed 002."""
    if isinstance(view, dict):
        return view
    daily = {
        day: {
            "events": d.events,
            "users": d.users,
            "points": d.points,
            "hourlyDistribution": list(d.hourly),
        }
        for day, d in view.daily.items()
    }
    return {
        "period": view.period,
        "eventId": None,
        "startDate": view.start,
        "endDate": view.end,
        "data": {
            "totalEvents": view.total_events,
            "uniqueUsers": view.unique_users,
            "totalPoints": view.total_points,
            "eventBreakdown": {
                e: asdict(t) if is_dataclass(t) and not isinstance(t, type) else dict(t)
                for e, t in view.breakdown.items()
            },
            "topEvents": list(view.top_events),
            "dailyData": daily,
        },
    }


async def load_stats(services: Services, principal: Principal, period: str) -> dict[str, Any] | None:
    stats = _feature("stats.stats")
    if stats is None or not hasattr(stats, "global_stats"):
        return None
    rng = await stats.resolve_range(services, principal, period, None, None)
    return seed_shape(await stats.global_stats(services, principal, rng))


async def load_streak_analytics(services: Services, principal: Principal) -> list[tuple[str, Any]] | None:
    streaks = _feature("gamification.streaks")
    if streaks is None or not hasattr(streaks, "streak_analytics"):
        return None
    tenant = await services.tenants.by_id(principal.tenant_id)
    out = []
    for streak_id in sorted(tenant.all("streaks") if tenant else {}):
        found = await streaks.streak_analytics(services, principal, streak_id)
        out.append((streak_id, found))
    return out
