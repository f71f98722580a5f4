"""Whole-user operations across every per-user table: export and batched GDPR deletion
(:class:`loyalty.app.users.ports.UserDataStore`)."""

from __future__ import annotations

from typing import cast

from sqlalchemy import delete, select, update

from loyalty.app.users.ports import DeletionJobRow, OpenCreditRow, UserData
from loyalty.storage import schema as _schema  # noqa: F401  (registers every per-user table)
from loyalty.storage import tables
from loyalty.storage.repository import Repository
from loyalty.storage.tables import user_deletion_jobs


class SqlUserData(Repository):
    async def export(self, user_pk: int) -> UserData:
        out: UserData = {}
        for table in tables.USER_DATA_TABLES:
            # In key order: the same data exports the same, whichever plan the database picks.
            query = select(table).where(table.c.user_pk == user_pk).order_by(*table.primary_key.columns)
            rows = await self.conn.execute(query)
            out[table.name] = [dict(r) for r in rows.mappings()]
        return out

    async def enqueue_deletion(self, *, tenant_id: int, user_pk: int, external_id: str, now: int) -> int:
        result = await self.conn.execute(
            user_deletion_jobs.insert()
            .values(tenant_id=tenant_id, user_pk=user_pk, external_id=external_id, requested_at=now)
            .returning(user_deletion_jobs.c.id)
        )
        return int(result.scalar_one())

    async def pending_jobs(self, *, limit: int = 10) -> list[DeletionJobRow]:
        rows = await self.conn.execute(
            select(user_deletion_jobs)
            .where(user_deletion_jobs.c.finished_at.is_(None))
            .order_by(user_deletion_jobs.c.id)
            .limit(limit)
        )
        return [cast(DeletionJobRow, dict(r)) for r in rows.mappings()]

    async def delete_batch(self, user_pk: int, *, batch: int) -> int:
        """Delete up to ``batch`` rows of the user from each per-user table; returns rows deleted."""
        deleted = 0
        for table in tables.USER_DATA_TABLES:
            key = next(iter(table.primary_key.columns))
            ids = select(key).where(table.c.user_pk == user_pk).limit(batch).scalar_subquery()
            if len(table.primary_key.columns) == 1:
                result = await self.conn.execute(delete(table).where(key.in_(ids)))
            else:
                # Composite keys: the user's rows are small in number; delete them directly.
                result = await self.conn.execute(delete(table).where(table.c.user_pk == user_pk))
            deleted += int(result.rowcount or 0)
        return deleted

    async def finish_job(self, job_id: int, *, now: int) -> None:
        await self.conn.execute(
            update(user_deletion_jobs).where(user_deletion_jobs.c.id == job_id).values(finished_at=now)
        )

    async def add_deleted(self, job_id: int, rows: int) -> None:
        await self.conn.execute(
            update(user_deletion_jobs)
            .where(user_deletion_jobs.c.id == job_id)
            .values(deleted_rows=user_deletion_jobs.c.deleted_rows + rows)
        )

    async def export_many(self, user_pks: list[int]) -> dict[int, UserData]:
        """``export`` for a page of users at once: one query per table, not per user and table."""
        out: dict[int, UserData] = {pk: {t.name: [] for t in tables.USER_DATA_TABLES} for pk in user_pks}
        if not user_pks:
            return out
        for table in tables.USER_DATA_TABLES:
            query = select(table).where(table.c.user_pk.in_(user_pks)).order_by(*table.primary_key.columns)
            for row in (await self.conn.execute(query)).mappings():
                out[int(row["user_pk"])][table.name].append(dict(row))
        return out

    async def open_credits(self, user_pks: list[int], *, metric: str, now: int) -> list[OpenCreditRow]:
        """Credits with points left and not yet due to expire, oldest first (the export's balances)."""
        if not user_pks:
            return []
        entries = tables.ledger_entries
        query = (
            select(
                entries.c.id,
                entries.c.user_pk,
                entries.c.remaining,
                entries.c.valid_until,
                entries.c.description,
            )
            .where(
                entries.c.user_pk.in_(user_pks),
                entries.c.metric == metric,
                entries.c.remaining > 0,
                (entries.c.valid_until.is_(None)) | (entries.c.valid_until > now),
            )
            .order_by(entries.c.id)
        )
        return [cast(OpenCreditRow, dict(r)) for r in (await self.conn.execute(query)).mappings()]
