"""The webhook outbox: rows written in the business transaction, claimed and settled by workers.

Claiming is one statement on both stores: an UPDATE that takes a lease (owner + expiry) on due rows
whose lease is free or expired. On PostgreSQL the inner SELECT adds ``FOR UPDATE SKIP LOCKED`` so
concurrent workers take disjoint rows without waiting on each other; SQLite serialises writers.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import and_, bindparam, delete, func, or_, select, update

from loyalty.app.messaging.ports import (
    DELIVERED,
    FAILED,
    PENDING,
    USER_DELETED,
    AttemptRow,
    MessageAboutUser,
    NewOutboxMessage,
    OutboxRow,
)
from loyalty.storage.messaging.ops_tables import webhook_attempts, webhook_outbox
from loyalty.storage.repository import Repository
from loyalty.storage.tables import users


class SqlOutbox(Repository):
    async def insert_messages(self, rows: list[NewOutboxMessage]) -> None:
        await self.conn.execute(webhook_outbox.insert(), rows)

    async def external_user_id(self, user_pk: int) -> str | None:
        result = await self.conn.execute(select(users.c.external_id).where(users.c.id == user_pk))
        value = result.scalar_one_or_none()
        return None if value is None else str(value)

    async def claim_due(self, *, owner: str, now: int, lease_until: int, limit: int) -> list[OutboxRow]:
        free = or_(webhook_outbox.c.lease_until.is_(None), webhook_outbox.c.lease_until < now)
        due = and_(webhook_outbox.c.status == PENDING, webhook_outbox.c.next_attempt_at <= now, free)
        candidates = (
            select(webhook_outbox.c.id)
            .where(due)
            .order_by(webhook_outbox.c.next_attempt_at, webhook_outbox.c.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
            .scalar_subquery()
        )
        result = await self.conn.execute(
            update(webhook_outbox)
            .where(webhook_outbox.c.id.in_(candidates), due)
            .values(lease_owner=owner, lease_until=lease_until)
            .returning(*webhook_outbox.c)
        )
        return sorted((cast(OutboxRow, dict(r)) for r in result.mappings()), key=lambda r: int(r["id"]))

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
        """Record the outcome of one attempt; only the worker still holding the lease may settle it."""
        result = await self.conn.execute(
            update(webhook_outbox)
            .where(webhook_outbox.c.id == outbox_id, webhook_outbox.c.lease_owner == owner)
            .values(
                status=status,
                attempts=webhook_outbox.c.attempts + 1,
                next_attempt_at=next_attempt_at,
                lease_owner=None,
                lease_until=None,
                last_status_code=status_code,
                last_error=error,
                delivered_at=delivered_at,
            )
        )
        return bool(result.rowcount == 1)

    async def cancel(self, *, outbox_id: int, owner: str, reason: str) -> None:
        await self.conn.execute(
            update(webhook_outbox)
            .where(webhook_outbox.c.id == outbox_id, webhook_outbox.c.lease_owner == owner)
            .values(status=FAILED, lease_owner=None, lease_until=None, last_error=reason)
        )

    async def record_attempt(
        self,
        *,
        outbox_id: int,
        attempted_at: int,
        status_code: int | None,
        error: str | None,
        duration_ms: int,
    ) -> None:
        await self.conn.execute(
            webhook_attempts.insert().values(
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
        query = select(webhook_outbox).where(
            webhook_outbox.c.tenant_id == tenant_id, webhook_outbox.c.webhook_id == webhook_id
        )
        if status is not None:
            query = query.where(webhook_outbox.c.status == status)
        rows = await self.conn.execute(query.order_by(webhook_outbox.c.id.desc()).limit(limit))
        return [cast(OutboxRow, dict(r)) for r in rows.mappings()]

    async def get(self, tenant_id: int, delivery_id: str) -> OutboxRow | None:
        row = (
            (
                await self.conn.execute(
                    select(webhook_outbox).where(
                        webhook_outbox.c.tenant_id == tenant_id, webhook_outbox.c.delivery_id == delivery_id
                    )
                )
            )
            .mappings()
            .first()
        )
        return cast(OutboxRow, dict(row)) if row else None

    async def last_attempt_times(self, outbox_ids: list[int]) -> dict[int, int]:
        """outbox id -> when its latest attempt was made, for the listed messages, in one query."""
        if not outbox_ids:
            return {}
        rows = await self.conn.execute(
            select(webhook_attempts.c.outbox_id, func.max(webhook_attempts.c.attempted_at))
            .where(webhook_attempts.c.outbox_id.in_(outbox_ids))
            .group_by(webhook_attempts.c.outbox_id)
        )
        return {int(r[0]): int(r[1]) for r in rows.all()}

    async def attempts_of(self, outbox_id: int) -> list[AttemptRow]:
        rows = await self.conn.execute(
            select(webhook_attempts)
            .where(webhook_attempts.c.outbox_id == outbox_id)
            .order_by(webhook_attempts.c.id)
        )
        return [cast(AttemptRow, dict(r)) for r in rows.mappings()]

    async def requeue(self, tenant_id: int, delivery_id: str, *, now: int, retry_until: int) -> bool:
        """Make a message due again now (manual re-send), unless a worker is sending it right now."""
        result = await self.conn.execute(
            update(webhook_outbox)
            .where(
                webhook_outbox.c.tenant_id == tenant_id,
                webhook_outbox.c.delivery_id == delivery_id,
                or_(webhook_outbox.c.lease_until.is_(None), webhook_outbox.c.lease_until < now),
            )
            .values(
                status=PENDING,
                next_attempt_at=now,
                retry_until=retry_until,
                lease_owner=None,
                lease_until=None,
            )
        )
        return bool(result.rowcount == 1)

    async def queue_depth(self) -> dict[str, int]:
        rows = await self.conn.execute(
            select(webhook_outbox.c.status, func.count())
            .where(webhook_outbox.c.status.in_((PENDING, FAILED)))
            .group_by(webhook_outbox.c.status)
        )
        counts = {PENDING: 0, FAILED: 0}
        for status, count in rows:
            counts[str(status)] = int(count)
        return counts

    async def delete_finished_before(self, *, cutoff: int, limit: int) -> int:
        """Remove up to ``limit`` delivered or failed messages settled before ``cutoff``, with their
        attempts. A settled row's ``next_attempt_at`` is when it was delivered or failed, so the due
        index finds them. On PostgreSQL rows another deliverer is removing are skipped, not waited on."""
        finished = and_(
            webhook_outbox.c.status.in_((DELIVERED, FAILED)), webhook_outbox.c.next_attempt_at < cutoff
        )
        candidates = (
            select(webhook_outbox.c.id)
            .where(finished)
            .order_by(webhook_outbox.c.next_attempt_at)
            .limit(limit)
            .with_for_update(skip_locked=True)
            .scalar_subquery()
        )
        # Re-checked in the DELETE: a message re-sent meanwhile is pending again and stays.
        removed = await self.conn.execute(
            delete(webhook_outbox)
            .where(webhook_outbox.c.id.in_(candidates), finished)
            .returning(webhook_outbox.c.id)
        )
        ids = [int(r[0]) for r in removed.all()]
        if ids:
            await self.conn.execute(delete(webhook_attempts).where(webhook_attempts.c.outbox_id.in_(ids)))
        return len(ids)

    async def messages_about_user(self, tenant_id: int, user_id: str) -> list[MessageAboutUser]:
        """The messages that name the user, except the ``user.deleted`` notices."""
        rows = await self.conn.execute(
            select(
                webhook_outbox.c.id,
                webhook_outbox.c.delivery_id,
                webhook_outbox.c.event_type,
                webhook_outbox.c.created_at,
            ).where(
                webhook_outbox.c.tenant_id == tenant_id,
                webhook_outbox.c.user_id == user_id,
                webhook_outbox.c.event_type != USER_DELETED,
            )
        )
        return [cast(MessageAboutUser, dict(r)) for r in rows.mappings()]

    async def replace_bodies(self, bodies: dict[int, str]) -> None:
        """Give each message (by outbox id) a new body and forget whom it was about."""
        if not bodies:
            return
        await self.conn.execute(
            update(webhook_outbox)
            .where(webhook_outbox.c.id == bindparam("outbox_id"))
            .values(body=bindparam("new_body"), user_id=None),
            [{"outbox_id": outbox_id, "new_body": body} for outbox_id, body in bodies.items()],
        )
