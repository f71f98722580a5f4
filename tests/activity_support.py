"""Logging activity without the event endpoints: the challenges reactor inside a write transaction."""

from __future__ import annotations

from typing import Any

from loyalty.app import challenges
from loyalty.app.activity import Activity, Outcome
from loyalty.app.principal import Principal
from loyalty.app.uow import Tx
from loyalty.app.users import resolve_user
from tests.support import TenantHandle


async def log_activity(
    app: Any,
    tenant: TenantHandle,
    user_id: str,
    event_id: str,
    metadata: dict[str, Any] | None = None,
    *,
    condition_reached: bool = True,
    limit_reached: bool = False,
) -> Outcome:
    """What ``POST /v1/event`` / ``POST /api/loyalty/action`` do after the rules engine: dispatch."""
    services = app.state.services
    config = await services.tenants.by_id(tenant.tenant_id)
    principal = Principal(
        tenant_id=tenant.tenant_id,
        tenant=tenant.name,
        subject=None,
        scopes=frozenset(),
        api_key_role="service",
        api_key_id="test",
    )
    async with services.db.write() as conn:
        tx = Tx(conn=conn, services=services, tenant=config, principal=principal, now=services.now())
        user_pk = await resolve_user(tx, user_id, create=True)
        activity = Activity(
            user_pk=user_pk,
            user_id=user_id,
            event_id=event_id,
            metadata=metadata or {},
            ts=tx.now,
            points=0,
            condition_reached=condition_reached,
            limit_reached=limit_reached,
            usergroup="default",
        )
        outcome = Outcome()
        await challenges.on_activity(tx, activity, outcome)
        return outcome
