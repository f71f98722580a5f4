"""Notifications: everything a user gains leaves one, in the seed 001 shape."""

from __future__ import annotations

from typing import Any

from loyalty.app.uow import Tx
from loyalty.storage.repositories import notifications as notification_repo

SECTIONS = ("rewards", "challenges", "surveys")


async def notify(
    tx: Tx,
    user_pk: int,
    *,
    type: str,
    payload: dict[str, Any],
    display: str = "toast",
    title: str | None = None,
    message: str | None = None,
    section: str | None = None,
) -> int:
    """Record a notification; ``section`` moves the Lynes unseen flag of that screen."""
    return await notification_repo.insert(
        tx.conn,
        tenant_id=tx.tenant.id,
        user_pk=user_pk,
        type=type,
        display=display,
        title=title,
        message=message,
        payload=payload,
        section=section,
        ts=tx.now,
    )
