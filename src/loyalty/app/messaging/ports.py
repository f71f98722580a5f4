"""What the messaging feature reads and writes (notifications and the webhook outbox), as
``storage`` must provide it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, TypedDict

PENDING = "pending"
DELIVERED = "delivered"
FAILED = "failed"
"""An outbox message's ``status``: due (again) at ``next_attempt_at``, sent, or given up."""
USER_DELETED = "user.deleted"
"""The event type of the notice a user's deletion sends (never redacted)."""


class NotificationRow(TypedDict):
    """A stored notification."""

    id: int
    tenant_id: int
    user_pk: int
    type: str
    display: str
    title: str | None
    message: str | None
    texts: dict[str, Any] | None
    """Translations of title and message, localised on read."""
    payload: dict[str, Any]
    section: str | None
    """The Lynes overview screen it marks as new (rewards, challenges, surveys)."""
    ts: int
    read_at: int | None


class Notifications(Protocol):
    """A user's notifications and the screens (Lynes overview) they last viewed."""

    async def insert(
        self,
        *,
        tenant_id: int,
        user_pk: int,
        type: str,
        display: str,
        title: str | None,
        message: str | None,
        texts: dict[str, Any] | None,
        payload: dict[str, Any],
        section: str | None,
        ts: int,
    ) -> int:
        """Store an unread notification; returns its id."""
        ...

    async def unread(self, user_pk: int, *, limit: int) -> list[NotificationRow]:
        """The user's unread notifications, oldest (``ts``, then id) first, at most ``limit``."""
        ...

    async def mark_read(self, user_pk: int, ids: Sequence[int] | None, *, now: int) -> int:
        """Mark the user's unread notifications read (only those of ``ids`` when given, never
        another user's); returns how many changed. Already read ones are left as they are."""
        ...

    async def latest_per_section(self, user_pk: int) -> dict[str, int]:
        """Section -> the ``ts`` of the user's latest notification in it (read or not)."""
        ...

    async def screens_viewed(self, user_pk: int) -> dict[str, int]:
        """Screen -> when the user last viewed it (screens never viewed, or reset, are absent)."""
        ...

    async def view_screen(self, *, tenant_id: int, user_pk: int, screen: str, now: int) -> None:
        """Record that the user viewed ``screen`` at ``now`` (replacing an earlier time)."""
        ...

    async def reset_screens(self, user_pk: int, screens: Sequence[str]) -> None:
        """Forget when the user viewed ``screens``: everything in them counts as unseen."""
        ...


class NewOutboxMessage(TypedDict):
    """A message to queue for one webhook."""

    delivery_id: str
    tenant_id: int
    webhook_id: str
    event_type: str
    body: str
    """The exact text that is signed and sent (every retry sends the same)."""
    status: str
    attempts: int
    next_attempt_at: int
    """When it is due; once settled, when it was delivered or failed."""
    retry_until: int
    created_at: int
    user_id: str | None


class OutboxRow(NewOutboxMessage):
    """A queued, delivered or failed message to one webhook."""

    id: int
    lease_owner: str | None
    lease_until: int | None
    last_status_code: int | None
    last_error: str | None
    delivered_at: int | None


class AttemptRow(TypedDict):
    """One delivery attempt of a message."""

    id: int
    outbox_id: int
    attempted_at: int
    status_code: int | None
    error: str | None
    duration_ms: int


class MessageAboutUser(TypedDict):
    id: int
    delivery_id: str
    event_type: str
    created_at: int


class Outbox(Protocol):
    """The webhook outbox: written in the business transaction, claimed and settled by deliverers.

    Every rule that must hold between concurrent deliverers is one conditional statement: a claim
    takes a lease (owner and expiry) on due rows whose lease is free or expired, skipping rows
    another deliverer is claiming; settling or cancelling changes a row only while its claimer
    still holds the lease.
    """

    async def insert_messages(self, rows: list[NewOutboxMessage]) -> None: ...

    async def external_user_id(self, user_pk: int) -> str | None:
        """The user's external id (None for an unknown key)."""
        ...

    async def claim_due(self, *, owner: str, now: int, lease_until: int, limit: int) -> list[OutboxRow]:
        """Lease up to ``limit`` pending messages due at ``now`` whose lease is free or expired
        to ``owner`` until ``lease_until``, earliest due first; returns them by id. Concurrent
        claims take disjoint rows."""
        ...

    async def settle(
        self,
        *,
        outbox_id: int,
        owner: str,
        status: str,
        next_attempt_at: int,
        status_code: int | None,
        error: str | None,
        delivered_at: int | None,
    ) -> bool:
        """Record the outcome of one attempt (one more attempt, lease released); only while
        ``owner`` still holds the lease. Returns whether it did."""
        ...

    async def cancel(self, *, outbox_id: int, owner: str, reason: str) -> None:
        """Fail the message without an attempt, only while ``owner`` holds its lease."""
        ...

    async def record_attempt(
        self,
        *,
        outbox_id: int,
        attempted_at: int,
        status_code: int | None,
        error: str | None,
        duration_ms: int,
    ) -> None: ...

    async def list_for_webhook(
        self, tenant_id: int, webhook_id: str, *, status: str | None, limit: int
    ) -> list[OutboxRow]:
        """The webhook's messages (of ``status`` when given), newest first."""
        ...

    async def get(self, tenant_id: int, delivery_id: str) -> OutboxRow | None: ...

    async def last_attempt_times(self, outbox_ids: list[int]) -> dict[int, int]:
        """Outbox id -> when its latest attempt was made (messages never attempted are absent)."""
        ...

    async def attempts_of(self, outbox_id: int) -> list[AttemptRow]:
        """The message's attempts, oldest first."""
        ...

    async def requeue(self, tenant_id: int, delivery_id: str, *, now: int, retry_until: int) -> bool:
        """Make the message pending and due at ``now`` with a new retry period, unless a
        deliverer holds an unexpired lease on it. Returns whether it did."""
        ...

    async def queue_depth(self) -> dict[str, int]:
        """How many messages (all tenants) are pending and failed: both keys always present."""
        ...

    async def delete_finished_before(self, *, cutoff: int, limit: int) -> int:
        """Remove up to ``limit`` delivered or failed messages settled before ``cutoff``, with
        their attempts; a message re-sent meanwhile (pending again) stays. Returns how many."""
        ...

    async def messages_about_user(self, tenant_id: int, user_id: str) -> list[MessageAboutUser]:
        """The messages that name the user, except the ``user.deleted`` notices."""
        ...

    async def replace_bodies(self, bodies: dict[int, str]) -> None:
        """Give each message (by outbox id) a new body and forget whom it was about."""
        ...
