"""Fakes of the users feature's ports (:mod:`loyalty.app.users.ports`) and the imports' key port
(:mod:`loyalty.app.imports.ports`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Unpack

from loyalty.app.users.ports import (
    DeletionJobRow,
    MemberFilter,
    MemberSearchRow,
    NewUser,
    OpenCreditRow,
    UserData,
    UserFields,
    UserRow,
)


class FakeUsers:
    def __init__(self) -> None:
        self.rows: dict[int, UserRow] = {}

    def add(self, tenant_id: int, external_id: str, *, now: int = 0, **values: Any) -> int:
        """Seed a user; their key."""
        pk = len(self.rows) + 1
        self.rows[pk] = UserRow(
            id=pk,
            tenant_id=tenant_id,
            external_id=external_id,
            usergroup=values.get("usergroup"),
            time_zone=values.get("time_zone"),
            profile={},
            created_at=now,
            version=0,
            birthday=values.get("birthday"),
        )
        return pk

    def _find(self, tenant_id: int, external_id: str) -> UserRow | None:
        return next(
            (
                r
                for r in self.rows.values()
                if r["tenant_id"] == tenant_id and r["external_id"] == external_id
            ),
            None,
        )

    async def find_pk(self, tenant_id: int, external_id: str) -> int | None:
        row = self._find(tenant_id, external_id)
        return None if row is None else row["id"]

    async def get(self, tenant_id: int, external_id: str) -> UserRow | None:
        row = self._find(tenant_id, external_id)
        return None if row is None else UserRow(**row)

    async def insert_if_absent(
        self,
        *,
        tenant_id: int,
        external_id: str,
        now: int,
        usergroup: str | None = None,
        birthday: str | None = None,
    ) -> int | None:
        if self._find(tenant_id, external_id) is not None:
            return None
        return self.add(tenant_id, external_id, now=now, usergroup=usergroup, birthday=birthday)

    async def delete(self, tenant_id: int, external_id: str) -> int | None:
        row = self._find(tenant_id, external_id)
        if row is None:
            return None
        del self.rows[row["id"]]
        return row["id"]

    async def update_fields(self, user_pk: int, **values: Unpack[UserFields]) -> None:
        if user_pk in self.rows:
            self.rows[user_pk].update(values)

    async def list_page(self, tenant_id: int, *, after_pk: int, limit: int) -> list[UserRow]:
        rows = [r for pk, r in sorted(self.rows.items()) if r["tenant_id"] == tenant_id and pk > after_pk]
        return rows[:limit]

    async def insert_many_if_absent(self, *, tenant_id: int, rows: list[NewUser]) -> None:
        for r in rows:
            await self.insert_if_absent(
                tenant_id=tenant_id,
                external_id=r["external_id"],
                now=r["created_at"],
                usergroup=r.get("usergroup"),
                birthday=r.get("birthday"),
            )

    async def pks_of(self, tenant_id: int, external_ids: list[str]) -> dict[str, int]:
        wanted = set(external_ids)
        return {
            r["external_id"]: pk
            for pk, r in self.rows.items()
            if r["tenant_id"] == tenant_id and r["external_id"] in wanted
        }


class FakeUserData:
    """Per-user rows by table (``tables[name]``, each row with its ``user_pk``), the deletion jobs,
    and the ledger's open credits (``credits``: ``OpenCreditRow`` with ``metric``)."""

    def __init__(self) -> None:
        self.tables: dict[str, list[dict[str, Any]]] = {}
        self.jobs: dict[int, DeletionJobRow] = {}
        self.credits: list[tuple[str, OpenCreditRow, int | None]] = []
        """(metric, credit, valid until): what ``open_credits`` chooses from."""

    async def export(self, user_pk: int) -> UserData:
        return {name: [r for r in rows if r["user_pk"] == user_pk] for name, rows in self.tables.items()}

    async def export_many(self, user_pks: list[int]) -> dict[int, UserData]:
        return {pk: await self.export(pk) for pk in user_pks}

    async def open_credits(self, user_pks: list[int], *, metric: str, now: int) -> list[OpenCreditRow]:
        return sorted(
            (
                c
                for m, c, until in self.credits
                if m == metric
                and c["user_pk"] in user_pks
                and c["remaining"] > 0
                and (until is None or until > now)
            ),
            key=lambda c: c["id"],
        )

    async def enqueue_deletion(self, *, tenant_id: int, user_pk: int, external_id: str, now: int) -> int:
        job_id = len(self.jobs) + 1
        self.jobs[job_id] = DeletionJobRow(
            id=job_id,
            tenant_id=tenant_id,
            user_pk=user_pk,
            external_id=external_id,
            requested_at=now,
            finished_at=None,
            deleted_rows=0,
        )
        return job_id

    async def pending_jobs(self, *, limit: int = 10) -> list[DeletionJobRow]:
        return [j for _, j in sorted(self.jobs.items()) if j["finished_at"] is None][:limit]

    async def delete_batch(self, user_pk: int, *, batch: int) -> int:
        deleted = 0
        for name, rows in self.tables.items():
            mine = [r for r in rows if r["user_pk"] == user_pk][:batch]
            self.tables[name] = [r for r in rows if not any(r is m for m in mine)]
            deleted += len(mine)
        return deleted

    async def add_deleted(self, job_id: int, rows: int) -> None:
        self.jobs[job_id]["deleted_rows"] += rows

    async def finish_job(self, job_id: int, *, now: int) -> None:
        self.jobs[job_id]["finished_at"] = now


class FakeMemberSearch:
    """Searches the rows of ``members`` (seeded by the test) as the indexes would order them."""

    def __init__(self) -> None:
        self.members: list[tuple[int, MemberSearchRow, str | None]] = []
        """(tenant id, row, tier)."""

    async def search(
        self, tenant_id: int, f: MemberFilter, *, after: tuple[Any, ...] | None, limit: int
    ) -> list[MemberSearchRow]:
        rows = [
            row
            for tenant, row, tier in self.members
            if tenant == tenant_id
            and row["external_id"].startswith(f.prefix)
            and (not f.group or row["usergroup"] == f.group)
            and (not f.tier or tier == f.tier)
            and (f.min_balance is None or (row["balance"] is not None and row["balance"] >= f.min_balance))
            and (f.max_balance is None or (row["balance"] is not None and row["balance"] <= f.max_balance))
        ]
        rows.sort(key=f.key_of)
        if after is not None:
            rows = [r for r in rows if f.key_of(r) > after]
        return rows[:limit]


class FakeImportKeys:
    def __init__(self) -> None:
        self.keys: set[tuple[int, str, str]] = set()

    async def claim(self, *, tenant_id: int, kind: str, keys: Sequence[str], now: int) -> set[str]:
        new = {k for k in keys if (tenant_id, kind, k) not in self.keys}
        self.keys.update((tenant_id, kind, k) for k in new)
        return new

    async def known(self, *, tenant_id: int, kind: str, keys: Sequence[str]) -> set[str]:
        return {k for k in keys if (tenant_id, kind, k) in self.keys}
