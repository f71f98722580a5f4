"""Events: the ``events`` config kind and the use cases that log, dry-run, batch and reverse them.

``log_event`` checks the request against the definition (compiled once per configuration change)
and hands it to the event path (:mod:`loyalty.app.events.event_path`): one snapshot read of the user,
the pure decision of :mod:`loyalty.core.events`, and one write of the outcome.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

import msgspec

from loyalty.app.events import event_path
from loyalty.app.gamification.challenge_config import Notification
from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.uow import Tx, tenant_of
from loyalty.app.kernel.validation import MAX_SAFE_INTEGER, check_string, is_whole
from loyalty.app.tenancy.config_kinds import ConfigKind
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.app.users.users import check_user_id
from loyalty.core import events as core_events
from loyalty.core import rules
from loyalty.core.errors import ErrorCode, LoyaltyError, forbidden, invalid, not_found

KIND = "events"
MAX_EVENT_ID = 200
MAX_PENDING_DAYS = 365
METADATA_TYPES = ("string", "number", "boolean", "array", "object")


class MetadataField(msgspec.Struct, forbid_unknown_fields=True):
    key: str
    type: Literal["string", "number", "boolean", "array", "object"] = "string"
    required: bool = False


class EventDefinition(msgspec.Struct, forbid_unknown_fields=True):
    """The seed's ``GET /v1/event/{eventId}`` shape plus the fields that drive behaviour."""

    eventId: str
    title: str
    type: Literal["FIXED", "TRANSACTION"] = "FIXED"
    status: Literal["ACTIVE", "INACTIVE"] = "ACTIVE"
    description: str | None = None
    limit: int | None = None
    """Rewarded occurrences per user and ``limitPeriod``; null or 0 means unlimited."""
    limitPeriod: Literal["lifetime", "day", "week", "month"] = "lifetime"
    maximumReward: int | None = None
    reward: dict[str, int | float] = msgspec.field(default_factory=dict)
    """Usergroup -> points (FIXED) or points per unit of ``rewardValueField`` (TRANSACTION)."""
    conditions: dict[str, Any] | None = None
    metadataFields: list[MetadataField] = msgspec.field(default_factory=list)
    rewardValueField: str | None = None
    requiresApiKey: bool = False
    image: str | None = None
    historyTitle: dict[str, str] | None = None
    """Language -> title of the history entry; defaults to ``title`` in the tenant's language."""
    historyDescription: dict[str, str] | None = None
    notification: Notification | None = None
    """The notification of points earned by this event (display, title, message; i18n)."""
    pendingDays: int | None = None
    """The event's points are pending for this many days (the return window) before they can be
    spent; reversing the event first cancels them. Null or 0: credited at once."""


@dataclass(frozen=True)
class CompiledEvent:
    definition: EventDefinition
    rule: core_events.EventRule
    fields: tuple[MetadataField, ...]


def check_definition(value: EventDefinition) -> None:
    check_event_id(value.eventId)
    if not value.title.strip():
        raise invalid("title", "'title' must not be empty")
    if value.type == "TRANSACTION" and not value.rewardValueField:
        raise invalid("rewardValueField", "'rewardValueField' is required for TRANSACTION events")
    if value.limit is not None and value.limit < 0:
        raise invalid("limit", "'limit' must not be negative")
    if value.pendingDays is not None and not 0 <= value.pendingDays <= MAX_PENDING_DAYS:
        raise invalid("pendingDays", f"'pendingDays' must be between 0 and {MAX_PENDING_DAYS}")
    if value.maximumReward is not None and value.maximumReward < 0:
        raise invalid("maximumReward", "'maximumReward' must not be negative")
    for group, amount in value.reward.items():
        if not group:
            raise invalid("reward", "'reward' group names must not be empty")
        if amount < 0:
            raise invalid(f"reward.{group}", f"'reward.{group}' must not be negative")
        if value.type == "FIXED" and amount != int(amount):
            raise invalid(f"reward.{group}", f"'reward.{group}' must be whole points for FIXED events")
    seen: set[str] = set()
    for index, meta in enumerate(value.metadataFields):
        if not meta.key or meta.key in seen:
            raise invalid(f"metadataFields[{index}].key", f"'metadataFields[{index}].key' must be unique")
        seen.add(meta.key)
    rules.compile_condition(value.conditions)


def compile_definition(value: EventDefinition) -> CompiledEvent:
    rule = core_events.EventRule(
        event_id=value.eventId,
        kind=value.type,
        rates={group: Decimal(str(amount)) for group, amount in value.reward.items()},
        maximum=value.maximumReward,
        limit=value.limit or 0,
        limit_period=value.limitPeriod,
        condition=rules.compile_condition(value.conditions),
        value_field=value.rewardValueField,
        pending_days=value.pendingDays or 0,
    )
    return CompiledEvent(definition=value, rule=rule, fields=tuple(value.metadataFields))


CONFIG_KIND = ConfigKind(
    name=KIND,
    schema=EventDefinition,
    id_field="eventId",
    check=check_definition,
    compile=compile_definition,
    description="Events users log: reward, conditions, metadata fields, per-user limits.",
)
"""Registered at start-up by :func:`loyalty.app.features.load`."""


# ---------------------------------------------------------------------------------------------
# Reading definitions (GET /v1/event, GET /v1/event/{eventId})


def check_event_id(event_id: object, field_name: str = "eventId") -> str:
    check_string(event_id, field_name)  # absent: "is required"; another type: "must be a string"
    assert isinstance(event_id, str)
    if len(event_id) > MAX_EVENT_ID:
        raise invalid(field_name, f"'{field_name}' must be at most {MAX_EVENT_ID} characters")
    return event_id


async def list_events(services: Services, principal: Principal, *, show_all: bool) -> list[EventDefinition]:
    """The tenant's event definitions by id (only the active ones unless ``show_all``)."""
    tenant = await tenant_of(services, principal)
    items: dict[str, EventDefinition] = tenant.all(KIND)
    return [items[key] for key in sorted(items) if show_all or items[key].status == "ACTIVE"]


async def get_event(services: Services, principal: Principal, event_id: str) -> EventDefinition:
    tenant = await tenant_of(services, principal)
    value: EventDefinition | None = tenant.get(KIND, check_event_id(event_id))
    if value is None:
        raise not_found("event", event_id)
    return value


# ---------------------------------------------------------------------------------------------
# Logging an event


@dataclass(frozen=True)
class EventRequest:
    event_id: str
    user_id: str
    metadata: dict[str, Any]

    @staticmethod
    def parse(event_id: object, user_id: object, metadata: object) -> EventRequest:
        checked_event = check_event_id(event_id)
        checked_user = check_user_id(user_id)
        if metadata is None:
            metadata = {}
        if not isinstance(metadata, dict):
            raise invalid("metadata", "'metadata' must be an object")
        return EventRequest(checked_event, checked_user, metadata)


@dataclass
class EventResult:
    """What logging one event did; each dialect writes it in its own shape (Lynes, Audience)."""

    user_id: str
    event: EventDefinition
    points: int
    metadata: dict[str, Any]
    condition_reached: bool
    limit_reached: bool
    usergroup: str
    logged_event_id: int | None = None
    failure: rules.Failure | None = None
    limit_state: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    """What the event moved besides points (challenges, streaks, milestones, campaigns), by name."""


def compiled_event(tenant: TenantConfig, event_id: str) -> CompiledEvent:
    event: CompiledEvent | None = tenant.compiled(KIND, event_id)
    if event is None:
        raise not_found("event", event_id)
    if event.definition.status != "ACTIVE":
        raise LoyaltyError(ErrorCode.INACTIVE, f"event '{event_id}' is not active", field="eventId")
    return event


def check_metadata(event: CompiledEvent, metadata: dict[str, Any]) -> None:
    for meta in event.fields:
        name = f"metadata.{meta.key}"
        value = metadata.get(meta.key)
        if value is None:
            if meta.required:
                raise invalid(name, f"'{name}' is required")
            continue
        if not _has_type(value, meta.type):
            raise invalid(name, f"'{name}' must be a {meta.type}")


def _has_type(value: Any, kind: str) -> bool:
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "array":
        return isinstance(value, list)
    if kind == "object":
        return isinstance(value, dict)
    return isinstance(value, str)


async def log_event(tx: Tx, request: EventRequest, *, dry_run: bool = False) -> EventResult:
    """Log one event for a user: read their snapshot, decide, write once (``event_path``)."""
    event = compiled_event(tx.tenant, request.event_id)
    definition = event.definition
    if definition.requiresApiKey and not tx.principal.via_api_key:
        raise forbidden(f"event '{request.event_id}' can only be logged with an API key")
    tx.principal.require_act_for_user(request.user_id)
    check_metadata(event, request.metadata)
    plan = event_path.plan_of(tx.tenant, definition.eventId, event.rule)
    outcome = await event_path.run(
        tx,
        plan,
        core_events.Request(definition.eventId, request.metadata),
        request.user_id,
        event_text(tx, definition),
        dry_run=dry_run,
    )
    decision = outcome.decision
    limit_state: dict[str, Any] | None = None
    if dry_run:
        limit_state = {"limit": None, "period": definition.limitPeriod, "used": None, "remaining": None}
        if decision.limit_period_key is not None:
            limit = definition.limit or 0
            limit_state = {
                "limit": limit,
                "period": definition.limitPeriod,
                "periodKey": decision.limit_period_key,
                "used": decision.limit_used,
                "remaining": max(0, limit - decision.limit_used),
            }
    return EventResult(
        user_id=request.user_id,
        event=definition,
        points=decision.points,
        metadata=request.metadata,
        condition_reached=decision.condition_reached,
        limit_reached=decision.limit_reached,
        usergroup=decision.usergroup,
        logged_event_id=outcome.logged_id,
        failure=decision.failure,
        limit_state=limit_state,
        extra=outcome.extra,
    )


def event_text(tx: Tx, definition: EventDefinition) -> event_path.EventText:
    """The event's history entry and ledger line text, at ``tx.now``."""
    language = tx.tenant.settings.defaultLanguage
    description = definition.historyDescription or (
        {language: definition.description} if definition.description else None
    )
    return event_path.EventText(
        title=definition.title,
        history={
            "entry_id": f"EVENT#{definition.eventId}#{tx.now}",
            "title": definition.historyTitle or {language: definition.title},
            "description": description,
            "image": definition.image,
        },
    )


# ---------------------------------------------------------------------------------------------
# Batch


@dataclass(frozen=True)
class BatchItem:
    request: EventRequest | None
    """None when the item itself was malformed (``error`` says why)."""
    idempotency_key: str | None
    fingerprint: str
    error: LoyaltyError | None = None


@dataclass(frozen=True)
class BatchOutcome:
    """One item's outcome: either the answer to send, or the error that refused it."""

    index: int
    answer: dict[str, Any] | None = None
    """The logged item's answer as the dialect wrote it (for a replay, as first stored)."""
    replayed: bool = False
    error: LoyaltyError | None = None


BatchAnswer = Callable[[int, EventResult], dict[str, Any]]
"""The dialect's answer to one logged item (index, result); stored to replay an ``idempotencyKey``."""


async def log_batch(tx: Tx, items: list[BatchItem], answer_of: BatchAnswer) -> list[BatchOutcome]:
    """Each item in its own savepoint of the one transaction: a refused item changes nothing,
    the others still count. An item's ``idempotencyKey`` replays its first answer."""
    outcomes: list[BatchOutcome] = []
    for index, item in enumerate(items):
        if item.request is None:
            assert item.error is not None
            outcomes.append(BatchOutcome(index, error=item.error))
            continue
        try:
            async with tx.store.savepoint():
                outcomes.append(await _batch_one(tx, index, item, answer_of))
        except LoyaltyError as error:
            outcomes.append(BatchOutcome(index, error=error))
    return outcomes


async def _batch_one(tx: Tx, index: int, item: BatchItem, answer_of: BatchAnswer) -> BatchOutcome:
    assert item.request is not None
    key = None if item.idempotency_key is None else f"event-batch:{item.idempotency_key}"
    if key is not None:
        claimed = await tx.store.idempotency.claim(
            tenant_id=tx.tenant.id, key=key, request_hash=item.fingerprint, now=tx.now
        )
        if not claimed:
            stored = await tx.store.idempotency.get(tx.tenant.id, key)
            if stored is None or stored["request_hash"] != item.fingerprint:
                raise LoyaltyError(
                    ErrorCode.IDEMPOTENCY_MISMATCH,
                    "idempotencyKey was already used with a different event",
                    field="idempotencyKey",
                )
            replay: dict[str, Any] = msgspec.json.decode(bytes(stored["response_body"] or b"{}"))
            return BatchOutcome(index, replay, replayed=True)
    result = await log_event(tx, item.request)
    body = answer_of(index, result)
    if key is not None:
        await tx.store.idempotency.store_response(
            tenant_id=tx.tenant.id,
            key=key,
            status_code=200,
            body=msgspec.json.encode(body),
            content_type="application/json",
        )
    return BatchOutcome(index, body)


# ---------------------------------------------------------------------------------------------
# Reversal (refunds)


@dataclass(frozen=True)
class ReversalView:
    logged_event_id: int
    event_id: str
    user_id: str
    points: int
    """Points taken back."""
    shortfall: int
    """Points the event awarded that could not be taken back (already spent)."""


async def reverse_event(tx: Tx, logged_event_id: str) -> ReversalView:
    """Take back what a logged event awarded, once; the limit occurrence is given back too."""
    tx.principal.require_manage()
    if not is_whole(logged_event_id) or not 0 < int(logged_event_id) <= MAX_SAFE_INTEGER:
        raise invalid("loggedEventId", "'loggedEventId' must be a number")
    logged_id = int(logged_event_id)
    language = tx.tenant.settings.defaultLanguage

    def history_text(event_id: str) -> dict[str, Any]:
        definition: EventDefinition | None = tx.tenant.get(KIND, event_id)
        title = definition.title if definition is not None else event_id
        image = definition.image if definition is not None else None
        return {"title": {language: f"Reversed: {title}"}, "description": None, "image": image}

    done = await event_path.reverse(tx, logged_id, logged_event_id, history_text)
    return ReversalView(logged_id, done.event_id, done.user_id, done.taken, done.shortfall)
