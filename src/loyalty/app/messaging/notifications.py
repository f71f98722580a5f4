"""Notifications: everything a user gains leaves one (the Audience dialect serves them in the
seed 001 shape).

Title and message may be plain strings or translations (``{"en": …, "de": …}``); the stored
row keeps the tenant's default language in ``title``/``message`` and every translation in
``texts``, and reads pick the language of the request's ``Accept-Language``.

Points earned by an event leave no notification row: the event's ledger credit is the
notification, derived on read and merged with the stored rows (known by the ledger line's id),
and a per-user read marker says how far those have been read. The event definition's
``notification`` decides their ``display``, ``title`` and ``message`` when they are read.

The Lynes overview (seed 000) says per screen (rewards, challenges, surveys) whether something
new arrived since the user last viewed that screen; any ledger credit of points counts for the
rewards screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from loyalty.app.gamification.challenge_config import Notification
from loyalty.app.kernel.principal import Principal
from loyalty.app.kernel.services import Services
from loyalty.app.kernel.store import Store
from loyalty.app.kernel.texts import Text, localized
from loyalty.app.kernel.uow import Tx, run_read
from loyalty.app.ledger.ports import HistoryLineRow
from loyalty.app.messaging.ports import NotificationRow
from loyalty.app.tenancy.tenants import TenantConfig
from loyalty.app.users.users import resolve_user
from loyalty.core.errors import invalid

SECTIONS = ("rewards", "challenges", "surveys")
DISPLAYS = ("none", "toast", "popup", "banner")
MAX_UNREAD = 100
MAX_MARK = 500
"""The most notification ids one request marks read."""
NOT_GAINS = ("default",)
"""Ledger sources that are not something the user gained (a metric's opening balance)."""


async def notify(
    tx: Tx,
    user_pk: int,
    *,
    type: str,
    payload: dict[str, Any],
    display: str = "toast",
    title: Text | None = None,
    message: Text | None = None,
    section: str | None = None,
) -> int:
    """Record a notification; ``section`` moves the Lynes unseen flag of that screen.

    Any feature that gives a user something calls this in the same transaction (e.g. a coupon:
    ``notify(tx, pk, type="couponIssued", payload={"couponId": …}, title={"en": …}, section="rewards")``).
    """
    if section is not None and section not in SECTIONS:
        raise ValueError(f"unknown notification section {section!r}")
    default = tx.tenant.settings.defaultLanguage
    texts = None
    if isinstance(title, dict) or isinstance(message, dict):
        texts = {"title": title, "message": message}
    return await tx.store.notifications.insert(
        tenant_id=tx.tenant.id,
        user_pk=user_pk,
        type=type,
        display=display,
        title=localized(title, [], default),
        message=localized(message, [], default),
        texts=texts,
        payload=payload,
        section=section,
        ts=tx.now,
    )


async def points_earned(
    tx: Tx,
    user_pk: int,
    *,
    amount: int,
    balance_after: int,
    payload: dict[str, Any],
    title: Text | None,
    message: Text | None = None,
    display: str = "toast",
) -> int:
    """The notification of points credited outside a challenge (events, surveys, adjustments)."""
    changes = {"metricChanges": {"points": {"oldValue": balance_after - amount, "newValue": balance_after}}}
    return await notify(
        tx,
        user_pk,
        type="pointsEarned",
        payload={**payload, **changes},
        display=display,
        title=title,
        message=message,
        section="rewards",
    )


@dataclass(frozen=True)
class NotificationView:
    """A notification as the user reads it: title and message in the request's language."""

    id: int
    """The stored notification's id, or for points earned by an event (``derived``) the id of
    their ledger line."""
    derived: bool
    """Points earned by an event: read from the event's ledger credit, no stored row."""
    timestamp: int
    type: str
    display: str
    title: str | None
    message: str | None
    payload: dict[str, Any]
    """As stored (or, for points earned by an event, its event id and metric changes)."""


def view(row: NotificationRow, languages: Sequence[str], default_language: str) -> NotificationView:
    texts = row.get("texts") or {}
    title = texts.get("title") if texts.get("title") is not None else row["title"]
    message = texts.get("message") if texts.get("message") is not None else row["message"]
    return NotificationView(
        id=int(row["id"]),
        derived=False,
        timestamp=int(row["ts"]),
        type=row["type"],
        display=row["display"],
        title=localized(title, languages, default_language),
        message=localized(message, languages, default_language),
        payload=row["payload"],
    )


def event_points_view(
    line: HistoryLineRow, event_id: str | None, tenant: TenantConfig, languages: Sequence[str]
) -> NotificationView:
    """The notification of points earned by an event, from its ledger credit; the event
    definition's ``notification`` (as configured now) decides display, title and message."""
    definition = tenant.get("events", event_id) if event_id is not None else None
    note = getattr(definition, "notification", None)
    note = note if isinstance(note, Notification) else Notification()
    title = note.title or getattr(definition, "title", None) or line["description"]
    amount, after = int(line["amount"]), int(line["balance_after"])
    default = tenant.settings.defaultLanguage
    return NotificationView(
        id=int(line["id"]),
        derived=True,
        timestamp=int(line["created_at"]),
        type="pointsEarned",
        display=note.display,
        title=localized(title, languages, default),
        message=localized(note.message, languages, default),
        payload={
            "eventId": event_id,
            "metricChanges": {line["metric"]: {"oldValue": after - amount, "newValue": after}},
        },
    )


def logged_event_id(line: HistoryLineRow) -> int | None:
    """An event credit's ``reference`` is the logged event's id."""
    reference = line["reference"]
    return int(reference) if isinstance(reference, str) and reference.isdigit() else None


async def unread(
    services: Services, principal: Principal, user_id: str, languages: Sequence[str]
) -> list[NotificationView]:
    """The user's unread notifications, oldest first (reading does not mark them read): the
    stored rows merged with the points earned by events since the read marker."""
    principal.require_read_user(user_id)

    async def work(store: Store, tenant: TenantConfig) -> list[NotificationView]:
        pk = await store.users.find_pk(tenant.id, user_id)
        if pk is None:
            return []
        rows = await store.notifications.unread(pk, limit=MAX_UNREAD)
        marker = await store.ledger_history.read_marker(pk)
        credits = await store.ledger_history.event_credits_after(pk, marker, limit=MAX_UNREAD)
        names = await store.ledger_history.event_ids(
            i for i in map(logged_event_id, credits) if i is not None
        )
        merged: list[tuple[tuple[int, int, int], NotificationView]] = []
        for line in credits:
            logged = logged_event_id(line)
            event_id = names.get(logged) if logged is not None else None
            key = (int(line["created_at"]), 0, int(line["id"]))  # the points come before what they led to
            merged.append((key, event_points_view(line, event_id, tenant, languages)))
        for row in rows:
            merged.append(
                ((int(row["ts"]), 1, int(row["id"])), view(row, languages, tenant.settings.defaultLanguage))
            )
        merged.sort(key=lambda item: item[0])
        return [item for _, item in merged[:MAX_UNREAD]]

    return await run_read(services, principal, work)


@dataclass(frozen=True)
class ReadRequest:
    stored: list[int]
    """Ids of stored notifications."""
    derived: list[int]
    """Ledger line ids of derived notifications (points earned by events): the user's latest of
    them and every earlier derived notification are read."""


async def mark_read(tx: Tx, user_id: str, request: ReadRequest | None) -> int:
    """Mark the user's unread notifications read (all of them when ``request`` is None);
    returns how many. Derived notifications are read up to a marker: naming one marks it and
    every earlier one (the app shows them oldest first)."""
    tx.principal.require_act_for_user(user_id)
    pk = await tx.store.users.find_pk(tx.tenant.id, user_id)
    if pk is None:
        return 0
    if request is None:
        marked = await tx.store.notifications.mark_read(pk, None, now=tx.now)
        among = None
    else:
        marked = (
            await tx.store.notifications.mark_read(pk, request.stored, now=tx.now) if request.stored else 0
        )
        if not request.derived:
            return marked
        among = request.derived
    # Only the user's own lines move the marker (another user's id must not hide later ones).
    target = await tx.store.ledger_history.last_event_credit(pk, among=among)
    marker = await tx.store.ledger_history.read_marker(pk)
    if target is None or (marker is not None and target[1] <= marker[1]):
        return marked
    marked += await tx.store.ledger_history.count_event_credits(
        pk, after_id=marker[1] if marker is not None else 0, up_to_id=target[1]
    )
    await tx.store.ledger_history.advance_read_marker(
        tenant_id=tx.tenant.id, user_pk=pk, marker=target, now=tx.now
    )
    return marked


def check_screen(screen: object) -> str:
    if not isinstance(screen, str) or not screen:
        raise invalid("screenId", "'screenId' is required")
    if screen not in SECTIONS:
        raise invalid("screenId", f"'screenId' must be one of {', '.join(SECTIONS)}")
    return screen


@dataclass(frozen=True)
class OverviewView:
    """Per screen, whether it has something the user has not seen."""

    user_id: str
    has_unseen_challenges: bool
    has_unseen_rewards: bool
    has_unseen_surveys: bool


async def overview(services: Services, principal: Principal, user_id: str) -> OverviewView:
    """Seed 000: whether each screen has something new since the user last viewed it."""
    principal.require_read_user(user_id)
    from loyalty.app.surveys import surveys

    now = services.now()

    async def work(store: Store, tenant: TenantConfig) -> OverviewView:
        flags = dict.fromkeys(SECTIONS, False)
        pk = await store.users.find_pk(tenant.id, user_id)
        if pk is not None:
            viewed = await store.notifications.screens_viewed(pk)
            latest = await store.notifications.latest_per_section(pk)
            # Points from any source (an event's leave no notification row) are new rewards.
            gained = await store.ledger_history.latest_gain_at(pk, leave_out=NOT_GAINS)
            if gained is not None:
                latest["rewards"] = max(gained, latest.get("rewards", gained))
            for section in SECTIONS:
                seen = viewed.get(section)
                flags[section] = section in latest and (seen is None or latest[section] > seen)
            if not flags["surveys"]:
                flags["surveys"] = await surveys.has_new_surveys(
                    store, tenant, pk, now=now, since=viewed.get("surveys")
                )
        return OverviewView(
            user_id=user_id,
            has_unseen_challenges=flags["challenges"],
            has_unseen_rewards=flags["rewards"],
            has_unseen_surveys=flags["surveys"],
        )

    return await run_read(services, principal, work)


async def view_screen(tx: Tx, user_id: str, screen: str) -> None:
    tx.principal.require_act_for_user(user_id)
    pk = await resolve_user(tx, user_id, create=True)
    await tx.store.notifications.view_screen(tenant_id=tx.tenant.id, user_pk=pk, screen=screen, now=tx.now)


async def reset_screens(tx: Tx, user_id: str, screens: Sequence[str]) -> None:
    """Clear the last-viewed marker of ``screens``: everything in them counts as unseen again."""
    tx.principal.require_act_for_user(user_id)
    pk = await tx.store.users.find_pk(tx.tenant.id, user_id)
    if pk is not None:
        await tx.store.notifications.reset_screens(pk, screens)
