"""Logging an activity without the HTTP event endpoint: the reactors run in a real write
transaction, exactly as ``POST /v1/event`` will call them. Also: whether that endpoint exists."""

from __future__ import annotations

from typing import Any

from loyalty.app import ledger
from loyalty.app.activity import Activity, Outcome, dispatch
from loyalty.app.principal import Principal
from loyalty.app.uow import Encoded, Tx, run_write
from loyalty.app.users import resolve_user
from tests.support import TenantHandle


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
    *,
    points: int = 0,
    condition_reached: bool = True,
    usergroup: str = "default",
) -> Outcome:
    """What the event handler does after its rules decided: credit the points, then dispatch."""

    async def work(tx: Tx) -> Outcome:
        user_pk = await resolve_user(tx, user_id, create=True)
        if points:
            await ledger.credit(tx, user_pk, points, source="event", reference=event_id)
        activity = Activity(
            user_pk=user_pk,
            user_id=user_id,
            event_id=event_id,
            metadata={},
            ts=tx.now,
            points=points,
            condition_reached=condition_reached,
            limit_reached=False,
            usergroup=usergroup,
        )
        return await dispatch(tx, activity)

    result: Outcome = await in_write(app, tenant, work)
    return result
