"""Seed 002 events: log (with dry run), list, get; plus batch logging and reversal (refunds)."""

from __future__ import annotations

import hashlib
from typing import Any

import msgspec

from loyalty.api.dialects.lynes.users import parse_bool
from loyalty.api.gamification_shapes import moved_data
from loyalty.api.problems import status_of
from loyalty.api.routing import Call, Endpoint, Query, Reply
from loyalty.app.events import events
from loyalty.core.errors import LoyaltyError, invalid

TAGS = ("Lynes: events",)
LOGGED_EVENT_HEADER = "Loyalty-Logged-Event-Id"
# The seed's messages, in German as the Lynes documents write them.
LOGGED = "Event erfolgreich geloggt"
LIMIT_REACHED = "Event Limit erreicht"
BATCH_DONE = "Batch verarbeitet"
MAX_BATCH = 1000


class LogEventBody(msgspec.Struct):
    # Typed loosely so a missing or mistyped field is answered with a 400 naming it.
    eventId: Any = None
    userId: Any = None
    metadata: Any = None


class BatchBody(msgspec.Struct):
    events: Any = None


class EventToLog(msgspec.Struct):
    """An event a user did (the document's shape of ``LogEventBody``)."""

    eventId: str
    userId: str
    metadata: dict[str, Any] | None = None
    """Values the event's conditions and rewards read (``amount`` for a TRANSACTION event)."""


class EventBatchItem(EventToLog):
    idempotencyKey: str | None = None
    """Makes this item's retry count once, like the ``Idempotency-Key`` header for one event."""


class EventBatch(msgspec.Struct):
    """Several events in one request; each item is answered on its own."""

    events: list[EventBatchItem]


class LoggedEventData(msgspec.Struct):
    userId: str
    eventId: str
    points: int
    type: str
    title: str
    limit: int | None
    maximumReward: int | None
    metadata: dict[str, Any]
    conditionReached: bool
    limitReached: bool
    userGroupId: str


class LoggedEvent(msgspec.Struct):
    statusCode: int
    message: str
    data: LoggedEventData


class EventView(msgspec.Struct):
    eventId: str
    title: str
    description: str | None
    status: str
    limit: int | None
    maximumReward: int | None
    reward: dict[str, float]
    conditions: dict[str, Any] | None
    metadataFields: list[dict[str, Any]]
    type: str


def batch_items(raw_items: object) -> list[events.BatchItem]:
    """The batch body's items; a malformed item is kept with its error (answered on its own)."""
    if not isinstance(raw_items, list) or not raw_items:
        raise invalid("events", "'events' must be a non-empty list")
    if len(raw_items) > MAX_BATCH:
        raise invalid("events", f"'events' may hold at most {MAX_BATCH} items")
    items: list[events.BatchItem] = []
    for raw in raw_items:
        digest = hashlib.sha256(msgspec.json.encode(raw)).hexdigest()
        try:
            if not isinstance(raw, dict):
                raise invalid("events[]", "every item of 'events' must be an object")
            key = raw.get("idempotencyKey")
            if key is not None and (not isinstance(key, str) or not 1 <= len(key) <= 150):
                raise invalid("idempotencyKey", "'idempotencyKey' must be 1-150 characters")
            request = events.EventRequest.parse(raw.get("eventId"), raw.get("userId"), raw.get("metadata"))
        except LoyaltyError as error:
            items.append(events.BatchItem(None, None, digest, error))
            continue
        items.append(events.BatchItem(request, key, digest))
    return items


def message_of(result: events.EventResult) -> str:
    return LIMIT_REACHED if result.limit_reached else LOGGED


def logged_data(result: events.EventResult) -> dict[str, Any]:
    """The seed's response ``data``; what the event moved (challenges, streaks…) added after it."""
    out: dict[str, Any] = {
        "userId": result.user_id,
        "eventId": result.event.eventId,
        "points": result.points,
        "type": result.event.type,
        "title": result.event.title,
        "limit": result.event.limit,
        "maximumReward": result.event.maximumReward,
        "metadata": result.metadata,
        "conditionReached": result.condition_reached,
        "limitReached": result.limit_reached,
        "userGroupId": result.usergroup,
    }
    for key, value in result.extra.items():
        out.setdefault(key, moved_data(key, value))
    return out


def dry_run_data(result: events.EventResult) -> dict[str, Any]:
    return {
        **logged_data(result),
        "dryRun": True,
        "failedCondition": None if result.failure is None else result.failure.as_dict(),
        "limitState": result.limit_state,
    }


def batch_answer(index: int, result: events.EventResult) -> dict[str, Any]:
    """One logged item of a batch (also what a repeated ``idempotencyKey`` replays)."""
    return {
        "index": index,
        "statusCode": 200,
        "message": message_of(result),
        "loggedEventId": result.logged_event_id,
        "data": logged_data(result),
    }


def batch_item(outcome: events.BatchOutcome) -> dict[str, Any]:
    if outcome.error is not None:
        error = outcome.error
        return {
            "index": outcome.index,
            "statusCode": status_of(error.code),
            "message": error.message,
            "data": {"code": error.code.value, "field": error.field},
        }
    assert outcome.answer is not None
    return {**outcome.answer, "index": outcome.index, "replayed": outcome.replayed}


async def log_event(call: Call) -> Reply:
    assert call.tx is not None
    body: LogEventBody = call.body
    dry_run = parse_bool(call.query.get("dryRun"), "dryRun", False)
    request = events.EventRequest.parse(body.eventId, body.userId, body.metadata)
    result = await events.log_event(call.tx, request, dry_run=dry_run)
    data = dry_run_data(result) if dry_run else logged_data(result)
    headers = None
    if result.logged_event_id is not None:
        headers = {LOGGED_EVENT_HEADER: str(result.logged_event_id)}
    return Reply({"statusCode": 200, "message": message_of(result), "data": data}, headers=headers)


async def log_batch(call: Call) -> Reply:
    assert call.tx is not None
    body: BatchBody = call.body
    items = batch_items(body.events)
    outcomes = await events.log_batch(call.tx, items, batch_answer)
    return Reply({"statusCode": 200, "message": BATCH_DONE, "data": [batch_item(o) for o in outcomes]})


def event_view(value: events.EventDefinition) -> dict[str, Any]:
    """The seed's read shape of a definition: what an app needs, not the tenant's internal settings."""
    return {
        "eventId": value.eventId,
        "title": value.title,
        "description": value.description,
        "status": value.status,
        "limit": value.limit,
        "maximumReward": value.maximumReward,
        "reward": dict(value.reward),
        "conditions": value.conditions,
        "metadataFields": [msgspec.to_builtins(m) for m in value.metadataFields],
        "type": value.type,
    }


async def list_events(call: Call) -> Reply:
    show_all = parse_bool(call.query.get("showAll"), "showAll", True)
    definitions = await events.list_events(call.services, call.principal, show_all=show_all)
    if not definitions:
        return Reply(status=204)
    return Reply([event_view(d) for d in definitions])


async def get_event(call: Call) -> Reply:
    event_id = call.params.get("eventId", "")
    return Reply(event_view(await events.get_event(call.services, call.principal, event_id)))


class ReversedEventData(msgspec.Struct):
    loggedEventId: int
    eventId: str
    userId: str
    points: int
    """Points taken back."""
    shortfall: int
    """Points the event awarded that could not be taken back (already spent)."""


class ReversedEvent(msgspec.Struct):
    statusCode: int
    message: str
    data: ReversedEventData


async def reverse_event(call: Call) -> Reply:
    assert call.tx is not None
    view = await events.reverse_event(call.tx, call.params.get("loggedEventId", ""))
    data = ReversedEventData(
        loggedEventId=view.logged_event_id,
        eventId=view.event_id,
        userId=view.user_id,
        points=view.points,
        shortfall=view.shortfall,
    )
    return Reply(ReversedEvent(statusCode=200, message="Event reversed", data=data))


ENDPOINTS = [
    Endpoint(
        "POST",
        "/v1/event",
        log_event,
        "Log an event (dryRun=true answers what would happen and changes nothing)",
        body=LogEventBody,
        documented_body=EventToLog,
        write=True,
        responses={200: LoggedEvent},
        query={
            "dryRun": Query("true: evaluate only, explain the outcome, write nothing (default false)", bool)
        },
        tags=TAGS,
        operation_id="logEvent",
    ),
    Endpoint(
        "GET",
        "/v1/event",
        list_events,
        "List configured events",
        responses={200: list[EventView], 204: None},
        query={"showAll": Query("true: all events (default); false: only ACTIVE ones", bool)},
        tags=TAGS,
        operation_id="listEvents",
    ),
    Endpoint(
        "GET",
        "/v1/event/{eventId}",
        get_event,
        "Get an event definition",
        responses={200: EventView},
        tags=TAGS,
        operation_id="getEvent",
    ),
    Endpoint(
        "POST",
        "/v1/events/batch",
        log_batch,
        "Log up to 1,000 events, each with its own result and optional idempotencyKey",
        body=BatchBody,
        documented_body=EventBatch,
        write=True,
        responses={200: dict},
        tags=TAGS,
        operation_id="logEventBatch",
    ),
    Endpoint(
        "POST",
        "/v1/event/{loggedEventId}/reverse",
        reverse_event,
        "Take back what a logged event awarded (refund)",
        write=True,
        responses={200: ReversedEvent},
        tags=TAGS,
        operation_id="reverseEvent",
    ),
]
