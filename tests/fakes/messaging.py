"""Fakes of the messaging feature's ports (:mod:`loyalty.app.messaging.ports`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from loyalty.app.messaging.ports import (
    DELIVERED,
    FAILED,
    PENDING,
    USER_DELETED,
    AttemptRow,
    MessageAboutUser,
    NewOutboxMessage,
    NotificationRow,
    OutboxRow,
)


class FakeNotifications:
    def __init__(self) -> None:
        self.rows: dict[int, NotificationRow] = {}
        self.screens: dict[tuple[int, str], int] = {}
        """(user_pk, screen) -> when it was viewed."""

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
        notification_id = len(self.rows) + 1
        self.rows[notification_id] = NotificationRow(
            id=notification_id,
            tenant_id=tenant_id,
            user_pk=user_pk,
            type=type,
            display=display,
            title=title,
            message=message,
            texts=texts,
            payload=payload,
            section=section,
            ts=ts,
            read_at=None,
        )
        return notification_id

    async def unread(self, user_pk: int, *, limit: int) -> list[NotificationRow]:
        rows = [r for r in self.rows.values() if r["user_pk"] == user_pk and r["read_at"] is None]
        return sorted(rows, key=lambda r: (r["ts"], r["id"]))[:limit]

    async def mark_read(self, user_pk: int, ids: Sequence[int] | None, *, now: int) -> int:
        marked = 0
        for row in self.rows.values():
            if row["user_pk"] == user_pk and row["read_at"] is None and (ids is None or row["id"] in ids):
                row["read_at"] = now
                marked += 1
        return marked

    async def latest_per_section(self, user_pk: int) -> dict[str, int]:
        latest: dict[str, int] = {}
        for row in self.rows.values():
            section = row["section"]
            if row["user_pk"] == user_pk and section is not None:
                latest[section] = max(row["ts"], latest.get(section, row["ts"]))
        return latest

    async def screens_viewed(self, user_pk: int) -> dict[str, int]:
        return {screen: at for (pk, screen), at in self.screens.items() if pk == user_pk}

    async def view_screen(self, *, tenant_id: int, user_pk: int, screen: str, now: int) -> None:
        self.screens[(user_pk, screen)] = now

    async def reset_screens(self, user_pk: int, screens: Sequence[str]) -> None:
        for screen in screens:
            self.screens.pop((user_pk, screen), None)


class FakeOutbox:
    def __init__(self) -> None:
        self.rows: dict[int, OutboxRow] = {}
        self.attempts: list[AttemptRow] = []
        self.users: dict[int, str] = {}
        """user_pk -> external id, for ``external_user_id``."""

    async def insert_messages(self, rows: list[NewOutboxMessage]) -> None:
        for new in rows:
            outbox_id = len(self.rows) + 1
            self.rows[outbox_id] = OutboxRow(
                id=outbox_id,
                lease_owner=None,
                lease_until=None,
                last_status_code=None,
                last_error=None,
                delivered_at=None,
                **new,
            )

    async def external_user_id(self, user_pk: int) -> str | None:
        return self.users.get(user_pk)

    async def claim_due(self, *, owner: str, now: int, lease_until: int, limit: int) -> list[OutboxRow]:
        due = [r for r in self.rows.values() if r["status"] == PENDING and r["next_attempt_at"] <= now]
        free = [r for r in due if r["lease_until"] is None or r["lease_until"] < now]
        claimed = sorted(free, key=lambda r: (r["next_attempt_at"], r["id"]))[:limit]
        for row in claimed:
            row["lease_owner"], row["lease_until"] = owner, lease_until
        return sorted((OutboxRow(**r) for r in claimed), key=lambda r: r["id"])

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
        row = self.rows.get(outbox_id)
        if row is None or row["lease_owner"] != owner:
            return False
        row.update(
            status=status,
            attempts=row["attempts"] + 1,
            next_attempt_at=next_attempt_at,
            lease_owner=None,
            lease_until=None,
            last_status_code=status_code,
            last_error=error,
            delivered_at=delivered_at,
        )
        return True

    async def cancel(self, *, outbox_id: int, owner: str, reason: str) -> None:
        row = self.rows.get(outbox_id)
        if row is not None and row["lease_owner"] == owner:
            row.update(status=FAILED, lease_owner=None, lease_until=None, last_error=reason)

    async def record_attempt(
        self,
        *,
        outbox_id: int,
        attempted_at: int,
        status_code: int | None,
        error: str | None,
        duration_ms: int,
    ) -> None:
        self.attempts.append(
            AttemptRow(
                id=len(self.attempts) + 1,
                outbox_id=outbox_id,
                attempted_at=attempted_at,
                status_code=status_code,
                error=error,
                duration_ms=duration_ms,
            )
        )

    async def list_for_webhook(
        self, tenant_id: int, webhook_id: str, *, status: str | None, limit: int
    ) -> list[OutboxRow]:
        rows = [
            r
            for r in self.rows.values()
            if r["tenant_id"] == tenant_id
            and r["webhook_id"] == webhook_id
            and (status is None or r["status"] == status)
        ]
        return sorted(rows, key=lambda r: -r["id"])[:limit]

    async def get(self, tenant_id: int, delivery_id: str) -> OutboxRow | None:
        for row in self.rows.values():
            if row["tenant_id"] == tenant_id and row["delivery_id"] == delivery_id:
                return OutboxRow(**row)
        return None

    async def last_attempt_times(self, outbox_ids: list[int]) -> dict[int, int]:
        times: dict[int, int] = {}
        for attempt in self.attempts:
            if attempt["outbox_id"] in outbox_ids:
                outbox_id = attempt["outbox_id"]
                times[outbox_id] = max(attempt["attempted_at"], times.get(outbox_id, 0))
        return times

    async def attempts_of(self, outbox_id: int) -> list[AttemptRow]:
        return [a for a in self.attempts if a["outbox_id"] == outbox_id]

    async def requeue(self, tenant_id: int, delivery_id: str, *, now: int, retry_until: int) -> bool:
        for row in self.rows.values():
            if row["tenant_id"] == tenant_id and row["delivery_id"] == delivery_id:
                if row["lease_until"] is not None and row["lease_until"] >= now:
                    return False
                row.update(
                    status=PENDING,
                    next_attempt_at=now,
                    retry_until=retry_until,
                    lease_owner=None,
                    lease_until=None,
                )
                return True
        return False

    async def queue_depth(self) -> dict[str, int]:
        counts = {PENDING: 0, FAILED: 0}
        for row in self.rows.values():
            if row["status"] in counts:
                counts[row["status"]] += 1
        return counts

    async def delete_finished_before(self, *, cutoff: int, limit: int) -> int:
        finished = [
            r["id"]
            for r in sorted(self.rows.values(), key=lambda r: r["next_attempt_at"])
            if r["status"] in (DELIVERED, FAILED) and r["next_attempt_at"] < cutoff
        ][:limit]
        for outbox_id in finished:
            del self.rows[outbox_id]
        self.attempts = [a for a in self.attempts if a["outbox_id"] not in finished]
        return len(finished)

    async def messages_about_user(self, tenant_id: int, user_id: str) -> list[MessageAboutUser]:
        return [
            MessageAboutUser(
                id=r["id"],
                delivery_id=r["delivery_id"],
                event_type=r["event_type"],
                created_at=r["created_at"],
            )
            for r in self.rows.values()
            if r["tenant_id"] == tenant_id and r["user_id"] == user_id and r["event_type"] != USER_DELETED
        ]

    async def replace_bodies(self, bodies: dict[int, str]) -> None:
        for outbox_id, body in bodies.items():
            self.rows[outbox_id].update(body=body, user_id=None)
