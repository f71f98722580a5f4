"""Notifications: everything a user gains leaves one, in the seed 001 shape.

Title and message may be plain strings or translations (``{"en": …, "de": …}``); the stored
row keeps the tenant's default language in ``title``/``message`` and every translation in
``texts``, and reads pick the language of the request's ``Accept-Language``.

The Lynes overview (seed 000) says per screen (rewards, challenges, surveys) whether something
new arrived since the user last viewed that screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection

from loyalty.app.principal import Principal
from loyalty.app.services import Services
from loyalty.app.tenants import TenantConfig
from loyalty.app.texts import Text, localized
from loyalty.app.uow import Tx, run_read
from loyalty.app.users import resolve_user
from loyalty.core.errors import invalid
from loyalty.storage.repositories import notifications as notification_repo
from loyalty.storage.repositories import users as user_repo

SECTIONS = ("rewards", "challenges", "surveys")
DISPLAYS = ("none", "toast", "popup", "banner")
MAX_UNREAD = 100
MAX_MARK = 500


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
    return await notification_repo.insert(
        tx.conn,
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


def view(row: dict[str, Any], languages: Sequence[str], default_language: str) -> dict[str, Any]:
    texts = row.get("texts") or {}
    title = texts.get("title") if texts.get("title") is not None else row["title"]
    message = texts.get("message") if texts.get("message") is not None else row["message"]
    return {
        "id": str(row["id"]),
        "timestamp": int(row["ts"]),
        "type": row["type"],
        "display": row["display"],
        "title": localized(title, languages, default_language),
        "message": localized(message, languages, default_language),
        "payload": row["payload"],
    }


async def unread(
    services: Services, principal: Principal, user_id: str, languages: Sequence[str]
) -> list[dict[str, Any]]:
    """The user's unread notifications, oldest first (reading does not mark them read)."""
    principal.require_read_user(user_id)

    async def work(conn: AsyncConnection, tenant: TenantConfig) -> list[dict[str, Any]]:
        pk = await user_repo.find_pk(conn, tenant.id, user_id)
        if pk is None:
            return []
        rows = await notification_repo.unread(conn, pk, limit=MAX_UNREAD)
        return [view(r, languages, tenant.settings.defaultLanguage) for r in rows]

    return await run_read(services, principal, work)


def parse_ids(ids: object) -> list[int] | None:
    """``None`` (all unread) or a list of notification ids as returned (strings of digits)."""
    if ids is None:
        return None
    if not isinstance(ids, list) or len(ids) > MAX_MARK:
        raise invalid("ids", f"'ids' must be a list of at most {MAX_MARK} notification ids")
    out: list[int] = []
    for value in ids:
        text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
        if not isinstance(text, str) or not text.isdigit() or len(text) > 18:
            raise invalid("ids", f"'ids' must hold notification ids, not {value!r}")
        out.append(int(text))
    return out


async def mark_read(tx: Tx, user_id: str, ids: list[int] | None) -> int:
    """Mark the user's unread notifications read (only ``ids`` when given); returns how many."""
    tx.principal.require_act_for_user(user_id)
    pk = await user_repo.find_pk(tx.conn, tx.tenant.id, user_id)
    if pk is None:
        return 0
    return await notification_repo.mark_read(tx.conn, pk, ids, now=tx.now)


def check_screen(screen: object) -> str:
    if not isinstance(screen, str) or not screen:
        raise invalid("screenId", "'screenId' is required")
    if screen not in SECTIONS:
        raise invalid("screenId", f"'screenId' must be one of {', '.join(SECTIONS)}")
    return screen


async def overview(services: Services, principal: Principal, user_id: str) -> dict[str, Any]:
    """Seed 000: whether each screen has something new since the user last viewed it."""
    principal.require_read_user(user_id)
    from loyalty.app import surveys  # the surveys screen also counts newly opened surveys

    now = services.now()

    async def work(conn: AsyncConnection, tenant: TenantConfig) -> dict[str, Any]:
        flags = dict.fromkeys(SECTIONS, False)
        pk = await user_repo.find_pk(conn, tenant.id, user_id)
        if pk is not None:
            viewed = await notification_repo.screens_viewed(conn, pk)
            latest = await notification_repo.latest_per_section(conn, pk)
            for section in SECTIONS:
                seen = viewed.get(section)
                flags[section] = section in latest and (seen is None or latest[section] > seen)
            if not flags["surveys"]:
                flags["surveys"] = await surveys.has_new_surveys(
                    conn, tenant, pk, now=now, since=viewed.get("surveys")
                )
        return {
            "userId": user_id,
            "hasUnseenChallenges": flags["challenges"],
            "hasUnseenRewards": flags["rewards"],
            "hasUnseenSurveys": flags["surveys"],
        }

    return await run_read(services, principal, work)


async def view_screen(tx: Tx, user_id: str, screen: str) -> None:
    tx.principal.require_act_for_user(user_id)
    pk = await resolve_user(tx, user_id, create=True)
    await notification_repo.view_screen(
        tx.insert, tx.conn, tenant_id=tx.tenant.id, user_pk=pk, screen=screen, now=tx.now
    )


async def reset_screens(tx: Tx, user_id: str, screens: Sequence[str]) -> None:
    """Clear the last-viewed marker of ``screens``: everything in them counts as unseen again."""
    tx.principal.require_act_for_user(user_id)
    pk = await user_repo.find_pk(tx.conn, tx.tenant.id, user_id)
    if pk is not None:
        await notification_repo.reset_screens(tx.conn, pk, screens)
