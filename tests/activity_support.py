"""Logging an activity without the HTTP endpoints: the event path (read, decide, write once)
inside a write transaction, for an event id the tenant need not have defined, with the points,
condition and user group a test chooses."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from loyalty.api.gamification_shapes import moved_data
from loyalty.app.events import event_path
from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.uow import Encoded, Tx, run_write
from loyalty.app.users.users import resolve_user
from loyalty.core import events as core
from loyalty.core import rules
from tests.support import TenantHandle

NEVER = rules.compile_condition({"type": "AND", "conditions": [{"field": "__never__", "operator": "exists"}]})
"""A condition no test metadata meets (the event's own condition failed)."""


@dataclass(frozen=True)
class Logged:
    data: dict[str, Any]
    """What the event response adds after its own fields (challenges, streaks, tier changes), as
    the Lynes dialect writes it."""


def service_principal(tenant: TenantHandle) -> Principal:
    return Principal(
        tenant_id=tenant.tenant_id,
        tenant=tenant.name,
        subject=None,
        scopes=frozenset(),
        api_key_role="service",
        api_key_id="tests",
    )


async def in_write(app: Any, tenant: TenantHandle, work: Any) -> Any:
    out: dict[str, Any] = {}

    async def run(tx: Tx) -> None:
        out["value"] = await work(tx)

    await run_write(
        app.state.services, service_principal(tenant), run, lambda _: Encoded(200, b"", "application/json")
    )
    return out.get("value")


async def log_activity(
    app: Any,
    tenant: TenantHandle,
    user_id: str,
    event_id: str,
    metadata: dict[str, Any] | None = None,
    *,
    points: int = 0,
    condition_reached: bool = True,
    usergroup: str = "default",
) -> Logged:
    """One event of ``event_id`` worth ``points`` (creating the user when need be)."""
    rule = core.EventRule(
        event_id=event_id,
        rates={usergroup: Decimal(points)},
        condition=None if condition_reached else NEVER,
    )
    request = core.Request(event_id, {**(metadata or {}), "usergroup": [usergroup]})

    async def work(tx: Tx) -> Logged:
        await resolve_user(tx, user_id, create=True)
        plan = event_path.compile_plan(tx.tenant, event_id, rule)
        text = event_path.EventText(
            title=event_id,
            history={
                "entry_id": f"EVENT#{event_id}#{tx.now}",
                "title": {"en": event_id},
                "description": None,
                "image": None,
            },
        )
        outcome = await event_path.run(tx, plan, request, user_id, text)
        return Logged({key: moved_data(key, value) for key, value in outcome.extra.items()})

    result: Logged = await in_write(app, tenant, work)
    return result
