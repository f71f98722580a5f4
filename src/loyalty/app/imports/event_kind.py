"""Importing an earlier system's event history: each row a ``POST /v1/event`` body plus
``occurredAt``, replayed through the event path as of that time.

A row is decided and written exactly as the event would have been at ``occurredAt``: the
transaction's ``now`` is that time, so the limit counts in the period the event happened in, a
streak counts the original day, a challenge its window, a leaderboard its buckets, the
statistics their day and hour, and the history entry, the logged event and the ledger line carry
the original time. Points expire by the tenant's policy counted from then.

Rows are applied in time order; the check refuses a file that is not sorted by ``occurredAt``
(sorting a file of any size in place of the user would need it held whole, or a second file).
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any

from loyalty.app.events import event_path
from loyalty.app.events import events as event_app
from loyalty.app.imports.kinds import Context, ImportKind
from loyalty.app.imports.rows import FieldError, text, timestamp_ms
from loyalty.app.kernel.uow import Tx
from loyalty.core import events as core_events
from loyalty.core.errors import LoyaltyError


@dataclass(frozen=True)
class EventRow:
    event_id: str
    user_id: str
    metadata: dict[str, Any]
    occurred_at: int
    reference: str | None


def parse_event(fields: dict[str, Any], ctx: Context) -> EventRow:
    """What ``POST /v1/event`` checks (the event exists and is active, the metadata has the
    definition's fields and types, a TRANSACTION event's value), plus ``occurredAt``: required,
    not in the future."""
    occurred_at = timestamp_ms(fields, "occurredAt")
    if occurred_at is None:
        raise FieldError("occurredAt", "'occurredAt' is required")
    if occurred_at > ctx.now:
        raise FieldError("occurredAt", "'occurredAt' must not be in the future")
    reference = text(fields, "reference", max_chars=200)
    try:
        request = event_app.EventRequest.parse(
            fields.get("eventId"), fields.get("userId"), _metadata(fields.get("metadata"))
        )
        event = event_app.compiled_event(ctx.tenant, request.event_id)
        event_app.check_metadata(event, request.metadata)
        # The decision itself is pure: deciding once for a new member finds what only it checks
        # (a TRANSACTION event's value, say) without reading anything.
        plan = event_path.plan_of(ctx.tenant, event.definition.eventId, event.rule)
        core_events.decide(
            plan.programme,
            core_events.Request(request.event_id, request.metadata),
            core_events.Snapshot(user_pk=None),
            occurred_at,
        )
    except LoyaltyError as error:
        raise FieldError(error.field or "eventId", error.message) from None
    return EventRow(request.event_id, request.user_id, request.metadata, occurred_at, reference)


def _metadata(value: Any) -> Any:
    """A CSV cell holds the metadata object as JSON text (JSON Lines has it as an object)."""
    if not isinstance(value, str):
        return value
    try:
        decoded = json.loads(value)
    except json.JSONDecodeError:
        decoded = None
    if not isinstance(decoded, dict):
        raise FieldError("metadata", "'metadata' must be a JSON object")
    return decoded


async def apply_events(tx: Tx, rows: list[EventRow]) -> None:
    """Each row through the event path in a transaction whose ``now`` is the row's time, all in
    the batch's transaction. Members the tenant does not know are created first (all of the
    batch's in one statement), joined at their first imported event."""
    joined: dict[str, int] = {}
    for row in rows:
        joined.setdefault(row.user_id, row.occurred_at)
    await tx.store.users.insert_many_if_absent(
        tenant_id=tx.tenant.id,
        rows=[{"external_id": user_id, "created_at": at} for user_id, at in joined.items()],
    )
    for row in rows:
        # The same transaction, locks and after-commit hooks; only the time is the event's.
        then = dataclasses.replace(tx, now=row.occurred_at)
        event = event_app.compiled_event(then.tenant, row.event_id)
        plan = event_path.plan_of(then.tenant, event.definition.eventId, event.rule)
        await event_path.run(
            then,
            plan,
            core_events.Request(row.event_id, row.metadata),
            row.user_id,
            event_app.event_text(then, event.definition),
        )


EVENTS = ImportKind(
    name="events",
    fields=("eventId", "userId", "metadata", "occurredAt", "reference"),
    parse=parse_event,
    reference=lambda row: row.reference,
    apply=apply_events,
    order=("occurredAt", lambda row: row.occurred_at),
)
